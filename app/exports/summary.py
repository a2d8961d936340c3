"""What an import found and did, as plain lines for the CLI and the import dialog."""

from __future__ import annotations

from app.exports.findings import ExportFindings
from app.exports.recording import ImportOutcome
from app.formatting import plural


def connection_line(findings: ExportFindings) -> str:
    counts = findings.connection_counts
    if not counts:
        return "No friends, followers or connections lists in this export."
    listed = ", ".join(kind.counted(n) for kind, n in counts.items())
    return f"{listed}. Names are shown only while you review them; Footprint never saves them."


def answered_lines(outcome: ImportOutcome) -> list[str]:
    if not outcome.answered:
        return ["No checklist items could be answered from this export."]
    run = f" (saved as audit {outcome.run_id})" if outcome.run_id else ""
    lines = [f"Checklist items answered from the export{run}:"]
    for item in outcome.answered:
        lines.append(f"  {item.item_id}: {item.status.label}: {item.observed}  [{item.title}]")
    return lines


def drift_lines(outcome: ImportOutcome) -> list[str]:
    return [f"DRIFT: {sentence}" for sentence in outcome.drift.describe()]


def history_lines(findings: ExportFindings) -> list[str]:
    if not findings.switches:
        return []
    lines = ["Switch history in the export:"]
    lines += [f"  {s.at:%Y-%m-%d %H:%M} {s.setting}: {s.value}" for s in findings.switches]
    return lines


def other_lines(outcome: ImportOutcome) -> list[str]:
    """Settings the export holds that the checklist has no item for, then the notes."""
    name = outcome.findings.platform_name
    lines = [
        f"Also in the export: {obs.setting}: {obs.value} ({name}'s checklist has no item for "
        "this; check it on screen)."
        for obs in outcome.not_in_checklist
    ]
    return lines + [f"Note: {note}" for note in outcome.findings.notes]


def removal_lines(outcome: ImportOutcome) -> list[str]:
    lines = []
    for check in outcome.removal_checks:
        marked = len(check.gone) + check.still_there
        lines.append(
            f"Your review of {check.reviewed_at:%Y-%m-%d}: {len(check.gone)} of "
            f"{plural(marked, 'marked person')} no longer connected"
            + (f"; {check.still_there} still connected." if check.still_there else ".")
        )
    return lines


def outcome_lines(outcome: ImportOutcome) -> list[str]:
    findings = outcome.findings
    return [
        f"Platform: {findings.platform_name} ({findings.format})",
        f"Export date: {findings.export_date:%Y-%m-%d} (from {findings.export_date_source})",
        *answered_lines(outcome),
        *drift_lines(outcome),
        *history_lines(findings),
        f"Connections: {connection_line(findings)}",
        *removal_lines(outcome),
        *other_lines(outcome),
    ]
