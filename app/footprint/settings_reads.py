"""The facade's use cases of reading settings automatically, in the worker's own browser.

The read is `Background` work (one engine per read, created and closed on the job's thread);
the window gets its events by kind and records only the answers the worker confirms.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.footprint.background import Background, Cancelled, Progress
from app.footprint.parts import Parts
from app.footprint.stranger_looks import browser_problem

if TYPE_CHECKING:
    from collections.abc import Iterable

    from app.audit.answers import Answer
    from app.audit.session import AuditSession
    from app.automation.config import AutomationConfig
    from app.automation.reading import ReadRequest
    from app.automation.results import ReadResult


class SettingsReads(Parts):
    """Automated reading: the browser to use, the read, and the answers kept from it."""

    def reading_config(self, chosen_browser: str | None) -> AutomationConfig | None:
        """The worker's browser (the one chosen, a path, or an installed one) with a profile
        per platform in the data home; None when there is none (`missing_browser` says
        why)."""
        from app.automation.browsers import find_browser
        from app.automation.config import AutomationConfig

        browser = find_browser(chosen_browser)
        if browser is None:
            return None
        return AutomationConfig(browser, self.home.browser_profiles, clock=self.clock)

    def read_settings(
        self, config: AutomationConfig, requests: list[ReadRequest]
    ) -> Background[None]:
        """The read, to run off the UI thread; it sends `PlatformStarted`, `Waiting`,
        `ItemStarted`, `ItemRead` and `PlatformFinished` events as it goes."""

        def work(progress: Progress) -> None:
            from app.automation.reading import ReadCancelled, read_settings

            try:
                read_settings(config, requests, send=progress.send, cancelled=progress.cancelled)
            except ReadCancelled:
                raise Cancelled from None

        return Background("read settings", work, browser_problem)

    def use_read_results(
        self, session: AuditSession, results: Iterable[ReadResult]
    ) -> list[Answer]:
        """Record the reads the worker confirmed in the audit, each the moment it is given."""
        from app.automation.results import record_results

        return record_results(session, results)

    @staticmethod
    def save_page_picture(path: Path, picture: bytes) -> None:
        """Save the picture of a page where a read failed, readable by the worker only."""
        from app.automation.results import save_private

        save_private(path, picture)

    def has_browser_sign_in(self, platform_id: str) -> bool:
        """Whether the platform's browser profile exists (so a sign-in may be kept in it)."""
        from app.automation.profiles import BrowserProfiles

        return BrowserProfiles(self.home.browser_profiles).has_sign_in(platform_id)

    def forget_browser_sign_in(self, platform_id: str) -> bool:
        """Delete the platform's browser profile (its cookies and sign-in); True if there was
        one. Never while a read has that browser open."""
        from app.automation.profiles import BrowserProfiles

        return BrowserProfiles(self.home.browser_profiles).forget(platform_id)
