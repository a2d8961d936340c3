"""What an import read, did not understand and leaves to check by hand, as plain sections.

One summary for both windows: the CLI prints it, the import dialog shows it (escaped).
Everything that came from the archive (file names, values) is cleaned and capped before it
gets here.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.audit.records import RemovalCheck
from app.downloads.findings import ConnectionKind, ExportFindings
from app.downloads.recording import ImportOutcome, ImportPreview, ProposedAnswer
from app.formatting import plural


@dataclass(frozen=True)
class Section:
    """A heading and its lines (plain text)."""

    title: str
    lines: tuple[str, ...]


def import_summary(
    preview: ImportPreview,
    checks: tuple[RemovalCheck, ...],
    check_notes: tuple[str, ...],
    *,
    outcome: ImportOutcome | None = None,
) -> list[Section]:
    """The summary before saving (`outcome` None: answers are proposals) or after."""
    findings = preview.findings
    sections = [
        Section("Read", tuple(read_lines(findings))),
        _answers_section(preview, outcome),
        Section("Drift", tuple(preview.drift.describe())),
        Section("Switch history in the export", tuple(history_lines(findings))),
        Section("Connections", (connection_line(findings), *removal_lines(checks), *check_notes)),
        Section("Not understood", tuple(note.describe() for note in findings.not_understood)),
        Section("Check by hand", tuple(by_hand_lines(preview))),
    ]
    return [s for s in sections if s.lines]


def read_lines(findings: ExportFindings) -> list[str]:
    """Platform, date, format, files and language."""
    lines = [
        f"{findings.platform_name} export of {findings.export_date:%d %b %Y} "
        f"({findings.format}; date from {findings.export_date_source}).",
        f"{plural(len(findings.files_read), 'file')} read.",
    ]
    if findings.labels:
        lines.append(f"Settings labels read in {findings.labels}.")
    return lines


def _answers_section(preview: ImportPreview, outcome: ImportOutcome | None) -> Section:
    if not preview.answers:
        return Section("Answers", ("This export does not record any setting on the checklist.",))
    if outcome is None:
        title = "Answers from the export (saved only when you confirm them)"
        return Section(title, tuple(answer_line(a) for a in preview.answers))
    run = f" (audit {outcome.run_id})" if outcome.run_id else ""
    lines = [answer_line(a) for a in outcome.saved]
    declined = [a for a in preview.answers if a not in outcome.saved]
    lines += [f"Not used (you left it unticked): {a.title}" for a in declined]
    if not outcome.saved:
        lines.insert(0, "No answer was saved.")
    return Section(f"Answers saved to your audit history{run}", tuple(lines))


def answer_line(answer: ProposedAnswer) -> str:
    """'Your account is private: Safe — Private account: on (from your … export of …)'."""
    return f"{answer.title}: {answer.status.label} — {answer.observed}"


def history_lines(findings: ExportFindings) -> list[str]:
    """Each switch the export records, oldest first."""
    return [f"{s.at:%d %b %Y %H:%M}: {s.setting}: {s.value}" for s in findings.switches]


def connection_line(findings: ExportFindings) -> str:
    """The counts of each list; names are never part of a summary."""
    counts = findings.connection_counts
    # A list that could not be read in full counts "at least" what was read — 0 included:
    # "0 followers" from an unread file is not "no followers".
    for kind in sorted(findings.incomplete, key=list(ConnectionKind).index):
        counts.setdefault(kind, 0)
    if not counts:
        return "No friends, followers or connections lists in this export."
    listed = ", ".join(kind.counted(n) for kind, n in counts.items())
    short = [kind.label for kind in counts if kind in findings.incomplete]
    cut = f" (at least: the {', '.join(short)} could not be read in full)" if short else ""
    return f"{listed}{cut}. Names are shown only while you review them; Footprint never saves them."


def removal_lines(checks: tuple[RemovalCheck, ...]) -> list[str]:
    """What a newer export says about people marked in earlier reviews."""
    lines = []
    for check in checks:
        marked = len(check.gone) + check.still_there
        lines.append(
            f"Your review of {check.reviewed_at:%d %b %Y}: {len(check.gone)} of "
            f"{plural(marked, 'marked person')} no longer connected"
            + (f"; {check.still_there} still connected." if check.still_there else ".")
        )
    return lines


def by_hand_lines(preview: ImportPreview) -> list[str]:
    """Checklist items the export does not answer, settings it holds that the checklist
    has no item for, and the reader's notes."""
    name = preview.findings.platform_name
    lines = []
    if preview.by_hand:
        lines.append(
            f"{name} checklist items this export does not answer: " + "; ".join(preview.by_hand)
        )
    lines += [
        f"Also in the export: {obs.setting}: {obs.value} ({name}'s checklist has no item for "
        "this; check it on screen)."
        for obs in preview.not_in_checklist
    ]
    return lines + list(preview.findings.notes)


def summary_text(sections: list[Section]) -> str:
    """The summary as the CLI prints it."""
    blocks = []
    for section in sections:
        blocks.append("\n".join([f"{section.title}:", *(f"  {line}" for line in section.lines)]))
    return "\n".join(blocks)
