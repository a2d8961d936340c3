"""The report's plain-language sentences: the summary paragraph and the evidence lines."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime

from app.audit.answers import AnswerStatus
from app.audit.records import ConnectionReviewRecord, ExportImportRecord
from app.audit.scoring import Score, overall_score
from app.audit.watch import Drift
from app.checklists.model import Catalogue
from app.formatting import plural, short_date
from app.report.content import (
    ActionLine,
    DriftLine,
    FixedLine,
    OutsideLine,
    OverdueLine,
    Period,
    PlatformSection,
    WorkerDetails,
)
from app.stranger.evidence import SeenFinding, latest_per_platform
from app.stranger.public_profiles import profile_of


def evidence_lines(
    catalogue: Catalogue,
    imports: Sequence[ExportImportRecord],
    reviews: Sequence[ConnectionReviewRecord],
) -> tuple[str, ...]:
    """One line per data-export import and friend-list review: dates and counts only."""

    def name(platform_id: str) -> str:
        platform = catalogue.get(platform_id)
        return platform.name if platform else platform_id

    lines = [
        f"{name(i.platform_id)} data export of {short_date(i.export_date)}, imported "
        f"{short_date(i.imported_at)}: {plural(i.items_answered, 'setting')} read"
        + (f"; {plural(i.public_switches, 'switch')} to public since the last check"
           if i.public_switches else "")
        for i in imports
    ]  # fmt: skip
    lines += [
        f"{name(r.platform_id)} friend-list review on {short_date(r.reviewed_at)}: {r.summary()}"
        for r in reviews
    ]
    return tuple(lines)


NO_ADDRESS = "No address for this platform is given in Settings."
NO_LOOK_KEPT = (
    "No look has got through yet. A look that was stopped or could not see the page keeps "
    "nothing, so Footprint cannot say why."
)


def outside_lines(
    catalogue: Catalogue,
    platform_ids: Sequence[str],
    findings: Sequence[SeenFinding],
    addressed: Collection[str] = (),
) -> tuple[OutsideLine, ...]:
    """Per reported platform with a public profile page: the latest stranger's view, or that
    it was not looked at and why, as far as Footprint knows (`addressed`: the platforms the
    worker gave an address for; the addresses themselves never reach the report). Platforms
    outside the report's scope are left out, even when they were looked at."""
    latest = latest_per_platform(findings)
    shown = [pid for pid in platform_ids if profile_of(pid) is not None or pid in latest]
    lines = []
    for platform_id in shown:
        platform = catalogue.get(platform_id)
        found = latest.get(platform_id, [])
        seen_at = max((f.seen_at for f in found), default=None)
        why = "" if seen_at else (NO_LOOK_KEPT if platform_id in addressed else NO_ADDRESS)
        lines.append(
            OutsideLine(
                platform.name if platform else platform_id,
                seen_at,
                tuple(f.describe() for f in found),
                why,
            )
        )
    return tuple(lines)


def watched_lines(
    catalogue: Catalogue,
    platform_ids: Collection[str],
    drift: Sequence[Drift],
    since: datetime | None,
) -> tuple[str, ...]:
    """The watch's drift within the report's period (all of it for a one-audit report), for
    the reported platforms, each with its source and time: "Instagram: a signed-out stranger
    can now see your posts — … (seen by the watch, signed out, 07 Dec 2026 09:14 UTC)"."""
    lines = []
    for found in drift:
        if found.platform_id not in platform_ids or (since and found.seen_at < since):
            continue
        platform = catalogue.get(found.platform_id)
        lines.append(found.sentence(platform.name if platform else found.platform_id))
    return tuple(lines)


def summary_paragraph(
    worker: WorkerDetails,
    covers: str,
    period: Period,
    sections: Sequence[PlatformSection],
    actions: Sequence[ActionLine],
    drift: Sequence[DriftLine],
    overdue: Sequence[OverdueLine],
    fixed: Sequence[FixedLine] = (),
) -> str:
    """One paragraph in plain language: what is covered, what was found, what is late."""
    total = overall_score(section.score for section in sections)
    unchecked = [s for s in sections if s.checked_at is None]
    parts = [f"{covers[:1].upper()}{covers[1:]}, for {worker.name}:"]
    checked = len(sections) - len(unchecked)
    parts.append(
        f"{plural(len(sections), 'platform')}, {checked} of them checked"
        + (f" ({_unchecked(unchecked)})." if unchecked else ".")
    )
    parts.append(_findings_sentence(total))
    if drift:
        parts.append(f"{plural(len(drift), 'setting')} slid back {period.description}.")
    else:
        parts.append(f"No setting slid back {period.description}.")
    if fixed:
        parts.append(f"{plural(len(fixed), 'setting')} fixed {period.since}.")
    if overdue:
        parts.append(f"{plural(len(overdue), 'platform')} {_is_are(len(overdue))} due a re-check.")
    if actions:
        parts.append(f"{plural(len(actions), 'action')} {_is_are(len(actions))} outstanding.")
    return " ".join(parts)


def _unchecked(sections: Sequence[PlatformSection]) -> str:
    """Each platform without a finished check, in the word its state table shows ("Instagram
    skipped; TikTok not finished"), never one word for all of them."""
    by_state: dict[str, list[str]] = {}
    for section in sections:
        by_state.setdefault(section.state.label.lower(), []).append(section.name)
    return "; ".join(f"{_join(names)} {state}" for state, names in by_state.items())


def _findings_sentence(total: Score) -> str:
    action = total.count(AnswerStatus.NEEDS_ACTION)
    unsure = total.count(AnswerStatus.UNSURE)
    safe = total.count(AnswerStatus.SAFE)
    if not action and not unsure:
        return f"All {plural(total.answered, 'setting')} checked were safe or did not apply."
    found = [f"{safe} {_was_were(safe)} safe"]
    if action:
        found.append(f"{action} {_need_needs(action)} action")
    if unsure:
        found.append(f"{unsure} {_was_were(unsure)} answered “not sure”")
    return f"Of the {plural(total.answered, 'setting')} checked, " + _join(found) + "."


def _join(parts: Sequence[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _is_are(count: int) -> str:
    return "is" if count == 1 else "are"


def _was_were(count: int) -> str:
    return "was" if count == 1 else "were"


def _need_needs(count: int) -> str:
    return "needs" if count == 1 else "need"
