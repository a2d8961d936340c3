"""The worker's profile: who the report is for, which platforms they use, their intervals."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

REGULATOR_IDS = ("sssc", "swe", "hcpc", "niscc", "scw", "none")
MIN_RECHECK_DAYS, MAX_RECHECK_DAYS = 7, 366


@dataclass(frozen=True)
class WorkerProfile:
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


def profile_problems(profile: WorkerProfile, known_platforms: tuple[str, ...]) -> list[str]:
    """What must be fixed before the profile can be saved, as sentences for the worker."""
    problems: list[str] = []
    if not profile.display_name.strip():
        problems.append("Enter your name as it should appear on your report.")
    if profile.regulator not in REGULATOR_IDS:
        problems.append("Choose your regulator, or 'None'.")
    if not profile.platform_ids:
        problems.append("Choose at least one platform you use.")
    unknown = [p for p in profile.platform_ids if p not in known_platforms]
    if unknown:
        problems.append(f"These platforms are not known: {', '.join(unknown)}.")
    for platform_id, days in profile.recheck_days.items():
        if not MIN_RECHECK_DAYS <= days <= MAX_RECHECK_DAYS:
            problems.append(
                f"Re-check interval for {platform_id} must be {MIN_RECHECK_DAYS}"
                f" to {MAX_RECHECK_DAYS} days."
            )
    return problems
