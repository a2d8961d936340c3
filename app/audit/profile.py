"""The worker's profile: who the report is for, which platforms they use, their intervals."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from app.formatting import display_text

REGULATOR_IDS = ("sssc", "swe", "hcpc", "niscc", "scw", "none")
MIN_RECHECK_DAYS, MAX_RECHECK_DAYS = 7, 366


@dataclass(frozen=True)
class WorkerProfile:
    """Who the worker is, for their report, and the platforms they use."""

    display_name: str
    role: str
    organisation: str
    regulator: str
    supervisor: str = ""
    platform_ids: tuple[str, ...] = ()
    recheck_days: Mapping[str, int] = field(default_factory=dict)  # worker's own, per platform
    snoozed_until: Mapping[str, datetime] = field(default_factory=dict)
    works_with_children: bool = False  # shows the clauses about children (UNCRC) too
    code_edition: str | None = None  # the regulator's code edition chosen; None: the current

    def __post_init__(self) -> None:
        # Every profile, typed or read back, reaches the report, the .ics and the logs
        # through here: the words the worker typed, without bidi controls.
        for name in ("display_name", "role", "organisation", "supervisor"):
            object.__setattr__(self, name, display_text(getattr(self, name)))


def profile_problems(profile: WorkerProfile, known_platforms: tuple[str, ...]) -> dict[str, str]:
    """What must be fixed before the profile can be saved: field name → a sentence for the
    worker (the form shows each beside its field)."""
    problems: dict[str, str] = {}
    if not profile.display_name.strip():
        problems["display_name"] = "Enter your name as it should appear on your report."
    if profile.regulator not in REGULATOR_IDS:
        problems["regulator"] = "Choose your regulator, or 'None'."
    unknown = [p for p in profile.platform_ids if p not in known_platforms]
    if not profile.platform_ids:
        problems["platform_ids"] = "Choose at least one platform you use."
    elif unknown:
        problems["platform_ids"] = f"These platforms are not known: {', '.join(unknown)}."
    wrong = [
        d for d in profile.recheck_days.values() if not MIN_RECHECK_DAYS <= d <= MAX_RECHECK_DAYS
    ]
    if wrong:
        problems["recheck_days"] = (
            f"A re-check interval must be {MIN_RECHECK_DAYS} to {MAX_RECHECK_DAYS} days."
        )
    return problems
