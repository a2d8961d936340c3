"""Drift seen in an export's history: the account was switched to public after the last check.

An export's switch history can show what the current value hides: an account made public
for a week and private again is still a week of exposure the worker should know about.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from app.audit.comparison import last_completed_check
from app.audit.run import AuditRun
from app.downloads.findings import ExportFindings, SettingSwitch


@dataclass(frozen=True)
class ExportDrift:
    """Switches to public in an export's history since the platform's last finished check."""

    platform_name: str
    last_checked: datetime | None
    switches: tuple[SettingSwitch, ...]  # switches to public after last_checked, oldest first

    @property
    def has_drift(self) -> bool:
        """True if the account was switched to public since the last check."""
        return bool(self.switches)

    def describe(self) -> list[str]:
        """One sentence per switch, for the CLI and the import dialog."""
        if self.last_checked is None:
            return []
        since = f"{self.last_checked:%Y-%m-%d}"
        return [
            f"{s.setting} was changed to {s.value} on {s.at:%Y-%m-%d}, after your last "
            f"{self.platform_name} check on {since}."
            for s in self.switches
        ]


def switches_to_public_since(
    switches: Sequence[SettingSwitch], since: datetime | None
) -> tuple[SettingSwitch, ...]:
    """Switches that opened the account up after `since`; none when it was never checked,
    as there is no audit for them to have drifted from."""
    if since is None:
        return ()
    return tuple(s for s in switches if s.made_public and s.at > since)


def export_drift(findings: ExportFindings, history: Sequence[AuditRun]) -> ExportDrift:
    """The switches to public in `findings` since the platform's last finished check."""
    latest = last_completed_check(history, findings.platform_id)
    since = latest.completed_at if latest else None
    return ExportDrift(
        findings.platform_name, since, switches_to_public_since(findings.switches, since)
    )
