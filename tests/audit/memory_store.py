"""An AuditStore in memory, to test the domain without a database."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from app.audit.answers import Answer
from app.audit.run import AuditRun, PlatformCheck


class MemoryStore:
    def __init__(self) -> None:
        self.runs: dict[int, AuditRun] = {}
        self.saved_answers: list[Answer] = []

    def create_run(self, platform_ids: tuple[str, ...], started_at: datetime) -> AuditRun:
        run_id = len(self.runs) + 1
        checks = tuple(PlatformCheck(pid, n) for n, pid in enumerate(platform_ids))
        self.runs[run_id] = AuditRun(run_id, started_at, checks)
        return self.runs[run_id]

    def save_answer(self, run_id: int, answer: Answer) -> None:
        self.saved_answers.append(answer)
        run = self.runs[run_id]
        self.runs[run_id] = replace(run, answers={**run.answers, answer.key: answer})

    def save_platform_check(self, run_id: int, check: PlatformCheck) -> None:
        run = self.runs[run_id]
        others = [c for c in run.platforms if c.platform_id != check.platform_id]
        checks = tuple(sorted([*others, check], key=lambda c: c.position))
        self.runs[run_id] = replace(run, platforms=checks)

    def delete_fix(self, run_id: int, fix: Answer) -> bool:
        run = self.runs[run_id]
        if run.answers.get(fix.key) != fix:
            return False
        self.saved_answers.remove(fix)
        earlier = [a for a in self.saved_answers if a.key == fix.key]
        answers = {k: a for k, a in run.answers.items() if k != fix.key}
        if earlier:
            answers[fix.key] = earlier[-1]
        self.runs[run_id] = replace(run, answers=answers)
        return True

    def complete_run(self, run_id: int, completed_at: datetime) -> None:
        self.runs[run_id] = replace(self.runs[run_id], completed_at=completed_at)
