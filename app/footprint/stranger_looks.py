"""The facade's use cases of "See what a stranger sees": addresses, the look, its findings.

The look itself is `Background` work (a signed-out throwaway browser, `app.automation`); what
it needs from the database is read here on the UI thread first, and its findings are kept on
the UI thread when it ends.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from app.footprint.background import Background, Cancelled, Progress
from app.footprint.parts import Parts

if TYPE_CHECKING:
    from app.stranger.evidence import OutsideEvidence, SeenFinding
    from app.stranger.look import OutsideConfig, StrangerRequest
    from app.stranger.use_cases import AddressField
    from app.stranger.view import StrangerView, WorkerTerms


class StrangerLooks(Parts):
    """What a stranger sees: the worker's public addresses, the look and its findings."""

    def public_address_fields(self) -> list[AddressField]:
        """Settings' "Your public profiles": one field per platform with a public page."""
        from app.stranger.use_cases import address_fields

        return address_fields(self.catalogue, self.profile(), self.store.public_addresses())

    def save_public_addresses(self, typed: dict[str, str]) -> dict[str, str]:
        """Save the worker's public addresses in their public form; the problems by platform
        instead (nothing saved) if any cannot be used."""
        from app.stranger.use_cases import save_addresses

        return save_addresses(self.store, typed)

    def stranger_look(self) -> tuple[list[StrangerRequest], WorkerTerms]:
        """What a stranger's look needs, read here on the UI thread before the job starts."""
        from app.stranger.use_cases import stranger_requests, worker_terms

        requests = stranger_requests(self.catalogue, self.store.public_addresses())
        return requests, worker_terms(self.profile())

    def outside_config(self, chosen_browser: str | None) -> OutsideConfig | None:
        """A signed-out browser for looks: the one chosen (a path) or an installed one;
        None when there is none (`missing_browser` says why)."""
        from app.automation.browsers import find_browser
        from app.stranger.look import OutsideConfig

        browser = find_browser(chosen_browser)
        return OutsideConfig(browser, clock=self.clock) if browser is not None else None

    def look_as_stranger(
        self, config: OutsideConfig, requests: list[StrangerRequest], terms: WorkerTerms
    ) -> Background[list[StrangerView]]:
        """The look, to run off the UI thread: one signed-out browser for every address, a
        `LookStarted` and a `LookFinished` sent for each; the views seen."""
        return Background("stranger's view", looking(config, requests, terms), browser_problem)

    def record_stranger_views(self, views: list[StrangerView]) -> list[SeenFinding]:
        """Keep a look's findings (never the pages): each platform seen replaces its own."""
        from app.stranger.use_cases import record_views

        return record_views(self.store, views)

    def outside_evidence(self) -> dict[tuple[str, str], OutsideEvidence]:
        """The latest stranger's-view evidence beside the audit's items."""
        from app.stranger.use_cases import outside_evidence

        return outside_evidence(self.store, self.catalogue, self.clock.now())


def missing_browser(chosen_browser: str | None) -> str:
    """Why no browser can be used: the chosen one is missing, or none is installed."""
    from app.automation.browsers import missing_message

    return missing_message(chosen_browser)


def browser_problem(error: BaseException) -> str | None:
    """A browser that would not start is the worker's to know about; anything else is ours."""
    from app.automation.engine import BrowserUnavailable

    return str(error) if isinstance(error, BrowserUnavailable) else None


def looking(
    config: OutsideConfig, requests: list[StrangerRequest], terms: WorkerTerms
) -> Callable[[Progress], list[StrangerView]]:
    """The work of a look (the stranger's view's and the watch's): one signed-out browser,
    created and closed on the thread that runs it."""

    def work(progress: Progress) -> list[StrangerView]:
        from app.stranger.look import LookCancelled, look_as_stranger

        try:
            return look_as_stranger(
                config, requests, terms, send=progress.send, cancelled=progress.cancelled
            )
        except LookCancelled:
            raise Cancelled from None

    return work
