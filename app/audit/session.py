"""A guided audit in progress: where the worker is, and recording answers the moment given.

Position is derived, not stored: the first unanswered item of the first platform that is
neither finished nor skipped. Closing the app and reopening therefore resumes there.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Protocol

from app.audit.answers import Answer, AnswerKind, AnswerSource, AnswerStatus
from app.audit.run import AuditRun, PlatformCheck
from app.checklists.model import Catalogue, CheckItem, Platform
from app.clock import Clock


class AuditStore(Protocol):
    """Where runs and answers are kept; every call is saved before it returns."""

    def create_run(self, platform_ids: tuple[str, ...], started_at: datetime) -> AuditRun:
        """Start a run of `platform_ids`, in that order, and return it."""
        ...

    def save_answer(self, run_id: int, answer: Answer) -> None:
        """Save an answer (or fix) to an item of the run."""
        ...

    def save_platform_check(self, run_id: int, check: PlatformCheck) -> None:
        """Save a platform's place in the run, finished or skipped."""
        ...

    def complete_run(self, run_id: int, completed_at: datetime) -> None:
        """Mark the run finished."""
        ...

    def delete_fix(self, run_id: int, fix: Answer) -> bool:
        """Delete a fix recorded in the run; True if it was found."""
        ...


@dataclass(frozen=True)
class Position:
    """Where the audit is: the current item, its platform, and their place in it."""

    platform_index: int
    item_index: int
    platform: Platform
    item: CheckItem
    platform_count: int

    @property
    def item_count(self) -> int:
        """How many items the current platform has."""
        return len(self.platform.items)

    def describe(self) -> str:
        """'Facebook: platform 1 of 3, item 2 of 12', as the audit page shows it."""
        return (
            f"{self.platform.name}: platform {self.platform_index + 1} of {self.platform_count},"
            f" item {self.item_index + 1} of {self.item_count}"
        )


class AuditSession:
    """One audit being worked through; every answer is saved the moment it is given."""

    def __init__(
        self, run: AuditRun, catalogue: Catalogue, store: AuditStore, clock: Clock
    ) -> None:
        self._run = run
        self._store = store
        self._clock = clock
        # Platforms removed from the catalogue since the run began are left out.
        self._platforms = tuple(
            p for pid in run.platform_ids if (p := catalogue.get(pid)) is not None
        )
        self._cursor: tuple[int, int] | None = self._first_open_position()
        self._fixed_from: dict[tuple[str, str], Answer | None] = {}

    @classmethod
    def start(
        cls, platform_ids: tuple[str, ...], catalogue: Catalogue, store: AuditStore, clock: Clock
    ) -> AuditSession:
        """Begin a new audit of `platform_ids`, saved before it is returned."""
        if not platform_ids:
            raise ValueError("an audit needs at least one platform")
        run = store.create_run(platform_ids, clock.now())
        return cls(run, catalogue, store, clock)

    def now(self) -> datetime:
        """The session's clock, for saying when an answer was saved."""
        return self._clock.now()

    @property
    def run(self) -> AuditRun:
        """The run as it stands, with every answer given so far."""
        return self._run

    @property
    def platforms(self) -> tuple[Platform, ...]:
        """The audit's platforms, in order."""
        return self._platforms

    @property
    def is_finished(self) -> bool:
        """True when there is no current item: the end of the audit was reached."""
        return self._cursor is None

    def accepts_answers_for(self, platform_id: str) -> bool:
        """True if answers to the platform may still be recorded here: it is one of the
        audit's platforms and the audit is not completed (a completed check is history)."""
        return self._run.completed_at is None and any(p.id == platform_id for p in self._platforms)

    def position(self) -> Position | None:
        """The current item and where it is; None when the audit is finished."""
        if self._cursor is None:
            return None
        p_index, i_index = self._cursor
        platform = self._platforms[p_index]
        return Position(p_index, i_index, platform, platform.items[i_index], len(self._platforms))

    def answer_for(self, platform_id: str, item_id: str) -> Answer | None:
        """The item's answer in this run, or None if it has none yet."""
        return self._run.answers.get((platform_id, item_id))

    def record(
        self,
        status: AnswerStatus,
        note: str | None = None,
        *,
        source: AnswerSource = AnswerSource.MANUAL,
        observed: str | None = None,
    ) -> Answer:
        """Save the answer to the current item at once, then move to the next item."""
        position = self.position()
        if position is None:
            raise RuntimeError("the audit is finished; there is no current item")
        answer = Answer(
            position.platform.id,
            position.item.id,
            status,
            source,
            self._clock.now(),
            observed,
            note.strip() or None if note else None,
        )
        self._store.save_answer(self._run.id, answer)
        self._run = replace(self._run, answers={**self._run.answers, answer.key: answer})
        self._advance(position)
        return answer

    def mark_fixed(self, platform_id: str, item_id: str) -> Answer:
        """Record that the worker fixed an item after the audit: a new answer, Safe, dated
        now, that keeps the note they wrote. The earlier answer stays in the history, and
        `undo_fix` takes the fix back."""
        self._platform_of(platform_id, item_id)
        previous = self.answer_for(platform_id, item_id)
        note = previous.note if previous is not None else None
        fix = Answer(
            platform_id,
            item_id,
            AnswerStatus.SAFE,
            AnswerSource.MANUAL,
            self._clock.now(),
            note=note,
            kind=AnswerKind.FIX,
        )
        self._store.save_answer(self._run.id, fix)
        self._fixed_from[fix.key] = previous
        self._run = replace(self._run, answers={**self._run.answers, fix.key: fix})
        return fix

    def can_undo_fix(self, platform_id: str, item_id: str) -> bool:
        """Whether the item's current answer is a fix recorded in this session."""
        current = self.answer_for(platform_id, item_id)
        return current is not None and current.is_fix and current.key in self._fixed_from

    def undo_fix(self, platform_id: str, item_id: str) -> Answer | None:
        """Take back the fix just recorded; the answer before it is current again."""
        if not self.can_undo_fix(platform_id, item_id):
            raise RuntimeError(f"{platform_id}/{item_id} has no fix to undo")
        fix = self._run.answers[(platform_id, item_id)]
        self._store.delete_fix(self._run.id, fix)
        previous = self._fixed_from.pop(fix.key)
        answers = {k: a for k, a in self._run.answers.items() if k != fix.key}
        if previous is not None:
            answers[fix.key] = previous
        self._run = replace(self._run, answers=answers)
        return previous

    def _platform_of(self, platform_id: str, item_id: str) -> Platform:
        platform = next((p for p in self._platforms if p.id == platform_id), None)
        if platform is None or item_id not in platform.item_ids:
            raise KeyError(f"{platform_id}/{item_id} is not part of this audit")
        return platform

    def record_for(
        self,
        platform_id: str,
        item_id: str,
        status: AnswerStatus,
        *,
        source: AnswerSource,
        observed: str | None = None,
        note: str | None = None,
        answered_at: datetime | None = None,
    ) -> Answer:
        """Save an answer to any item of the run, as automation or an export gives them.

        `answered_at` dates evidence seen earlier (a stranger's view); it defaults to now.
        A platform whose items are now all answered is marked checked; if the worker was on
        the item just answered, the audit moves to the first item still open.
        """
        platform = self._platform_of(platform_id, item_id)
        when = answered_at or self._clock.now()
        answer = Answer(platform_id, item_id, status, source, when, observed, note or None)
        self._store.save_answer(self._run.id, answer)
        self._run = replace(self._run, answers={**self._run.answers, answer.key: answer})
        check = self._run.check_for(platform_id)
        if self._all_answered(platform) and (check is None or check.completed_at is None):
            self._save_check(platform_id, completed_at=self._clock.now(), skipped=False)
        current = self.position()
        if current is not None and self.answer_for(current.platform.id, current.item.id):
            self._cursor = self._first_open_position()
        if self._cursor is None and self._run.completed_at is None and self._no_platform_left():
            self._complete()
        return answer

    def back(self) -> bool:
        """Go to the previous item (within the audit); False at the very start."""
        if self._cursor is None:
            last = len(self._platforms) - 1
            self._cursor = (last, len(self._platforms[last].items) - 1)
            return True
        p_index, i_index = self._cursor
        if i_index > 0:
            self._cursor = (p_index, i_index - 1)
        elif p_index > 0:
            self._cursor = (p_index - 1, len(self._platforms[p_index - 1].items) - 1)
        else:
            return False
        return True

    def forward(self) -> bool:
        """Go to the next item without answering (Next); False at the very end."""
        if self._cursor is None:
            return False
        p_index, i_index = self._cursor
        if i_index + 1 < len(self._platforms[p_index].items):
            self._cursor = (p_index, i_index + 1)
        elif p_index + 1 < len(self._platforms):
            self._cursor = (p_index + 1, 0)
        else:
            return False
        return True

    def go_to(self, platform_id: str, item_id: str) -> None:
        """Jump to any item of the audit (the item list)."""
        platform = self._platform_of(platform_id, item_id)
        self._cursor = (self._platforms.index(platform), platform.item_ids.index(item_id))

    def has_previous(self) -> bool:
        """Whether Back can move (there is an item before the current one)."""
        return self._cursor != (0, 0) and bool(self._platforms)

    def has_next(self) -> bool:
        """Whether Next can move (there is an item after the current one)."""
        if self._cursor is None:
            return False
        p_index, i_index = self._cursor
        last_platform = len(self._platforms) - 1
        return p_index < last_platform or i_index + 1 < len(self._platforms[p_index].items)

    def skipped_platforms(self) -> tuple[Platform, ...]:
        """Platforms the worker left for later in this audit."""
        return tuple(
            p for p in self._platforms if (c := self._run.check_for(p.id)) is not None and c.skipped
        )

    def skip_platform(self) -> None:
        """Leave the current platform for later; it is offered again on resume."""
        position = self.position()
        if position is None:
            return
        self._save_check(position.platform.id, completed_at=None, skipped=True)
        self._cursor = self._first_open_position(after=position.platform_index)

    def resume_skipped(self) -> None:
        """Bring skipped platforms back into the audit."""
        for check in self._run.platforms:
            if check.skipped:
                self._save_check(check.platform_id, completed_at=None, skipped=False)
        self._cursor = self._first_open_position()

    def _advance(self, position: Position) -> None:
        platform = position.platform
        check = self._run.check_for(platform.id)
        if self._all_answered(platform) and (check is None or check.completed_at is None):
            self._save_check(platform.id, completed_at=self._clock.now(), skipped=False)
        if position.item_index + 1 < len(platform.items):
            self._cursor = (position.platform_index, position.item_index + 1)
        else:
            self._cursor = self._first_open_position(after=position.platform_index)
        if self._cursor is None and self._run.completed_at is None and self._no_platform_left():
            self._complete()

    def _all_answered(self, platform: Platform) -> bool:
        return all((platform.id, item.id) in self._run.answers for item in platform.items)

    def _no_platform_left(self) -> bool:
        return all(
            (c := self._run.check_for(p.id)) is not None and c.completed_at is not None
            for p in self._platforms
        )

    def _complete(self) -> None:
        now = self._clock.now()
        self._store.complete_run(self._run.id, now)
        self._run = replace(self._run, completed_at=now)

    def finish_now(self) -> None:
        """End the run although some platforms were skipped; they stay unfinished."""
        if self._run.completed_at is None:
            self._complete()
        self._cursor = None

    def _save_check(
        self, platform_id: str, *, completed_at: datetime | None, skipped: bool
    ) -> None:
        old = self._run.check_for(platform_id)
        position = old.position if old else len(self._run.platforms)
        check = PlatformCheck(platform_id, position, completed_at, skipped)
        self._store.save_platform_check(self._run.id, check)
        others = tuple(c for c in self._run.platforms if c.platform_id != platform_id)
        checks = tuple(sorted((*others, check), key=lambda c: c.position))
        self._run = replace(self._run, platforms=checks)

    def _first_open_position(self, after: int = -1) -> tuple[int, int] | None:
        """First unanswered item of the first open platform after `after`, else from the start."""
        found = self._scan_open(after)
        return found if found is not None or after < 0 else self._scan_open(-1)

    def _scan_open(self, after: int) -> tuple[int, int] | None:
        for p_index, platform in enumerate(self._platforms):
            if p_index <= after:
                continue
            check = self._run.check_for(platform.id)
            if check is not None and (check.completed_at is not None or check.skipped):
                continue
            for i_index, item in enumerate(platform.items):
                if (platform.id, item.id) not in self._run.answers:
                    return (p_index, i_index)
        return None
