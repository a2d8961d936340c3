"""The facade's use cases of the watch: opt-in, what is due, each look kept as it arrives.

The desktop app runs the looks as `Background` work (`look_for_watch`) and keeps each on the
UI thread (`keep_watched_look`); `footprint watch --once` runs the whole plan in one call
(`run_watch`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.footprint.background import Background
from app.footprint.parts import Parts
from app.footprint.stranger_looks import looking

if TYPE_CHECKING:
    from collections.abc import Callable

    from app.audit.watch import Drift, WatchChoice, WatchPolicy
    from app.services.watch_runs import WatchedLook, WatchPlan, WatchRun, WatchStatus
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

        return status(self.store, self.catalogue, self.clock.now())

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
