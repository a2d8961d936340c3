"""The facade's use cases of the watch: opt-in, what is due, each look kept as it arrives.

The signed-in re-reads (per platform, never signing in) are here too: `reread_for_watch` is
the `Background` work, sending a `RereadFinished` per platform that `keep_signed_in_look`
keeps on the UI thread.

The desktop app runs the looks as `Background` work (`look_for_watch`) and keeps each on the
UI thread (`keep_watched_look`); `footprint watch --once` runs the whole plan in one call
(`run_watch`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.footprint.background import Background, Cancelled, Progress
from app.footprint.parts import Parts
from app.footprint.stranger_looks import looking

if TYPE_CHECKING:
    from collections.abc import Callable, Collection

    from app.audit.watch import Drift, PlatformWatch, WatchChoice, WatchNote, WatchPolicy
    from app.automation.config import AutomationConfig
    from app.checklists.model import Platform
    from app.services.watch_runs import WatchedLook, WatchPlan, WatchRun, WatchStatus
    from app.services.watch_signed_in import RereadFinished
    from app.stranger.look import OutsideConfig
    from app.stranger.view import StrangerView, WorkerTerms


class WatchRuns(Parts):
    """The signed-out watch: its choice, schedule, looks and the drift they found."""

    def watch_choice(self) -> WatchChoice:
        """Whether the worker has turned the signed-out watch on (off until chosen)."""
        return self.store.watch_choice()

    def choose_watch(self, signed_out: bool) -> None:
        """Turn the signed-out watch on or off (Settings, `footprint watch --enable`)."""
        from app.services.watch_runs import choose

        choose(self.store, signed_out, self.clock.now())

    def watch_status(self) -> WatchStatus:
        """What is watched, when each platform was last and will next be looked at, why any
        is paused, and drift not yet confirmed."""
        from app.services.watch_runs import status
        from app.services.watch_signed_in import status_lines

        rereads = status_lines(self.store, self.catalogue)
        return status(self.store, self.catalogue, self.clock.now(), rereads)

    def run_watch(
        self,
        config: OutsideConfig,
        *,
        policy: WatchPolicy | None = None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> WatchRun:
        """Run the looks that are due (signed out), keeping each as it finishes."""
        from app.services.watch_runs import run_due
        from app.stranger.use_cases import worker_terms

        terms = worker_terms(self.profile())
        return run_due(
            self.store, self.catalogue, config, terms, policy=policy, cancelled=cancelled
        )

    def watch_plan(self, policy: WatchPolicy | None = None) -> tuple[WatchPlan, WorkerTerms]:
        """The looks due now and the worker's terms, read on the UI thread before a job
        looks (nothing due while the watch is off)."""
        from app.audit.watch import WatchPolicy
        from app.services.watch_runs import plan
        from app.stranger.use_cases import worker_terms

        chosen = policy or WatchPolicy()
        due = plan(self.store, self.catalogue, self.clock.now(), chosen)
        return due, worker_terms(self.profile())

    def look_for_watch(
        self, config: OutsideConfig, watch_plan: WatchPlan, terms: WorkerTerms
    ) -> Background[list[StrangerView]]:
        """The plan's looks, to run off the UI thread exactly as a stranger's look runs."""
        return Background("watch", looking(config, list(watch_plan.requests), terms))

    def keep_watched_look(
        self, watch_plan: WatchPlan, view: StrangerView, policy: WatchPolicy | None = None
    ) -> WatchedLook:
        """Keep one finished look of the watch at once (on the UI thread, as it arrives)."""
        from app.audit.watch import WatchPolicy
        from app.services.watch_runs import keep_look

        return keep_look(self.store, watch_plan, view, policy or WatchPolicy())

    def finish_watch(
        self,
        watch_plan: WatchPlan,
        looks: list[WatchedLook],
        *,
        stopped: bool = False,
        policy: WatchPolicy | None = None,
    ) -> WatchRun:
        """After a run's browser closed: pause what was not looked at if offline; the run."""
        from app.audit.watch import WatchPolicy
        from app.services.watch_runs import finish

        chosen = policy or WatchPolicy()
        now = self.clock.now()
        return finish(self.store, self.catalogue, watch_plan, looks, now, chosen, stopped=stopped)

    def watched_drift(self) -> list[Drift]:
        """Drift the watch saw that the worker has not confirmed yet (the overview's banner)."""
        from app.services.watch_runs import unconfirmed_drift

        return unconfirmed_drift(self.store)

    def watched_drift_history(self) -> list[Drift]:
        """Everything the watch ever saw slide back, confirmed or not (for the history)."""
        return self.store.watch_drift()

    def confirm_watched_drift(self, drift_id: int) -> None:
        """The worker has seen this drift; answering the item is still theirs to do."""
        from app.services.watch_runs import confirm

        confirm(self.store, drift_id, self.clock.now())

    def watch_notes(self) -> list[WatchNote]:
        """What the History says about the watch besides drift: first looks kept as the
        starting point, re-reads that found the session signed out."""
        from app.audit.watch import watch_notes

        return watch_notes(self.store.watched_platforms(), self.store.signed_in_watches())

    # -- signed-in re-reads (per platform, on a live saved session only) --------------------
    def signed_in_watch_choices(self) -> set[str]:
        """The platforms ticked for "Also re-read my settings when I am already signed in on
        this computer" (none until chosen)."""
        from app.services.watch_signed_in import chosen_platforms

        return chosen_platforms(self.store)

    def choose_signed_in_watch(self, platform_id: str, chosen: bool) -> None:
        """Tick or untick the platform's signed-in re-reads (Settings, the end of the first
        audit, `footprint watch --reread`)."""
        from app.services.watch_signed_in import choose

        choose(self.store, platform_id, chosen, self.clock.now())

    def rereadable_platforms(self, among: Collection[str] | None = None) -> list[tuple[str, str]]:
        """(id, name) of the platforms whose settings the watch can re-read signed in (of
        `among`, when given)."""
        from app.services.watch_signed_in import readable_platforms

        readable = readable_platforms(self.catalogue)
        return [(p.id, p.name) for p in readable if among is None or p.id in among]

    def choose_watch_offer(self, looks: bool, rereads: set[str]) -> None:
        """What the worker ticked in the watch's offer after the first audit (nothing ticked
        leaves everything off)."""
        if looks:
            self.choose_watch(True)
        for platform_id in rereads:
            self.choose_signed_in_watch(platform_id, True)

    def signed_in_watch_due(
        self, policy: WatchPolicy | None = None
    ) -> list[tuple[PlatformWatch, Platform]]:
        """The ticked platforms whose signed-in re-read is due now, with their schedules."""
        from app.audit.watch import WatchPolicy
        from app.services.watch_signed_in import due, readable_platforms

        platforms = {p.id: p for p in readable_platforms(self.catalogue)}
        watches = due(self.store, self.clock.now(), policy or WatchPolicy())
        return [(w, platforms[w.platform_id]) for w in watches if w.platform_id in platforms]

    def reread_for_watch(
        self, config: AutomationConfig, due: list[tuple[PlatformWatch, Platform]]
    ) -> Background[None]:
        """The due re-reads, to run off the UI thread, one platform at a time on its saved
        profile, never signing in; a `RereadFinished` is sent as each platform finishes."""
        return Background("watch re-reads", _rereading(config, due))

    def keep_signed_in_look(
        self, finished: RereadFinished, policy: WatchPolicy | None = None
    ) -> WatchedLook:
        """Keep one finished signed-in re-read at once (on the UI thread, as it arrives)."""
        from app.audit.watch import WatchPolicy
        from app.services.watch_signed_in import keep

        chosen = policy or WatchPolicy()
        return keep(self.store, finished.watch, finished.platform, finished.results,
                    self.clock.now(), chosen)  # fmt: skip

    def keep_failed_reread(
        self,
        watch: PlatformWatch,
        platform: Platform,
        problem: str,
        policy: WatchPolicy | None = None,
    ) -> WatchedLook:
        """Keep a re-read whose job failed before reading the platform as a failed look
        (so the back-off applies), `problem` the sentence why."""
        from app.audit.watch import WatchPolicy
        from app.services.watch_signed_in import keep_failed

        chosen = policy or WatchPolicy()
        return keep_failed(self.store, watch, platform, problem, self.clock.now(), chosen)

    def run_signed_in_watch(
        self,
        config: AutomationConfig,
        *,
        policy: WatchPolicy | None = None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> WatchRun:
        """Re-read the ticked platforms that are due on their saved sessions (never signing
        in), keeping each as it finishes (`footprint watch --once`)."""
        from app.services.watch_runs import WatchRun
        from app.services.watch_signed_in import run_due

        looks, stopped = run_due(self.store, self.catalogue, config, policy=policy,
                                 cancelled=cancelled)  # fmt: skip
        return WatchRun(True, tuple(looks), stopped=stopped)


def _rereading(
    config: AutomationConfig, due: list[tuple[PlatformWatch, Platform]]
) -> Callable[[Progress], None]:
    """The background work of the app's re-reads: each due platform read from its saved
    profile, never signing in, a `RereadFinished` sent as each finishes."""

    def work(progress: Progress) -> None:
        from app.automation.page import Cancelled as ReadCancelled
        from app.services.watch_signed_in import RereadFinished, read_with_engine

        for watch, platform in due:
            try:
                results = read_with_engine(config, platform, progress.cancelled)
            except ReadCancelled:
                raise Cancelled from None
            progress.send(RereadFinished(watch, platform, results))

    return work
