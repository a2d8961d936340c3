"""The supervision report PDF as the supervisor gets it: made by `footprint report`, read back
with pdftotext (poppler) the way a search or copy would read it.

Every test asks for `qapp` first: the report command would otherwise start a bare
QGuiApplication, and the widget tests later in the session need a QApplication.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, replace
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import keyring
import pytest

from app.audit.answers import Answer, AnswerKind, AnswerSource, AnswerStatus
from app.cli import main
from app.clock import SystemClock
from app.footprint import open_footprint
from app.formatting import short_date
from app.paths import HOME_ENV, DataHome
from app.report.content import ReportScope, SupervisionReport
from app.report.html import APPENDIX_HEADING, render_report
from app.report.pdf import Paper, page_layout, plan_pages
from tests.memory_keyring import MemoryKeyring

MARKUP_NOTE = "<b>bold</b> & <script>x</script>"
SECTIONS = (
    "Social media privacy self-audit: supervision record",
    "Worker",
    "State of each platform",
    "What slid back",
    "Fixed since",
    "Outstanding actions",
    "Signatures",
    APPENDIX_HEADING,
    "Code of Practice clauses",
    "Each platform's settings",
)
FIRST_PAGE = ("State of each platform", "What slid back", "Fixed since", "Outstanding actions")


def pdf_text(path: Path, *, layout: bool = False) -> str:
    """The PDF's text in reading order; with `layout`, table rows stay on one line."""
    mode = ["-layout"] if layout else []
    result = subprocess.run(
        ["pdftotext", *mode, str(path), "-"], capture_output=True, text=True, check=True
    )
    return result.stdout


def words(text: str) -> str:
    """Text as pdftotext gives it back: single spaces, no emoji variation selectors."""
    return " ".join(text.replace("\ufe0f", "").split())


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE).group(1))


@pytest.fixture
def demo(qapp, capsys):  # noqa: ARG001 - qapp: see the module docstring
    assert main(["demo", "--no-gui"]) == 0
    capsys.readouterr()


def write_report(tmp_path: Path, capsys, *extra: str) -> Path:
    out = tmp_path / "report.pdf"
    assert main(["report", "--out", str(out), *extra]) == 0
    assert capsys.readouterr().out.strip() == str(out.resolve())
    return out


def stored_report(data_home, notes: bool = False):
    footprint = open_footprint(data_home, SystemClock())
    try:
        return footprint.report(ReportScope(include_notes=notes))
    finally:
        footprint.close()


@dataclass(frozen=True)
class FirstReport:
    """The demo's first report on A4, as the command writes it, and what it was made from."""

    before: SupervisionReport  # the stored report just before it was written
    path: Path
    text: str  # pdftotext's reading order
    layout: str  # pdftotext -layout: a table row on one line


@pytest.fixture(scope="module")
def first_report(qapp, tmp_path_factory) -> FirstReport:  # noqa: ARG001 - qapp: as `demo`
    """Made once for the tests that only read it. Writing a report records it (the next one
    shows changes since it), so a test that writes another or changes the data makes its own
    demo instead."""
    folder = tmp_path_factory.mktemp("first-report")
    home, out = folder / "home", folder / "report.pdf"
    keyring.set_keyring(MemoryKeyring())  # made before this test's own fixtures set one
    with pytest.MonkeyPatch.context() as environment:
        environment.setenv(HOME_ENV, str(home))
        assert main(["demo", "--no-gui"]) == 0
        before = stored_report(DataHome(home))
        assert main(["report", "--out", str(out), "--paper", "a4"]) == 0
    return FirstReport(before, out, pdf_text(out), pdf_text(out, layout=True))


def test_the_report_has_every_section_and_the_worker_on_every_page(first_report) -> None:
    text = first_report.text
    for heading in SECTIONS:
        assert heading in text
    for detail in ("Alex Sample", "Support worker", "Riverside Care", "Sam Example"):
        assert detail in text
    assert "Scottish Social Services Council (SSSC)" in text
    pages = text.split("\f")[:-1]  # pdftotext ends every page with a form feed
    for number, page in enumerate(pages, start=1):
        assert f"Alex Sample — page {number} of {len(pages)}" in page
    for heading in FIRST_PAGE:  # what a supervisor needs first starts on page 1
        assert heading in pages[0]
    assert "Worker's notes" not in text  # left out without a word when not asked for


def test_drift_and_overdue_are_shown_with_their_dates(first_report) -> None:
    report = first_report.before  # before writing one: that moves "since the previous"
    text = first_report.layout
    (drift,) = report.drift
    assert "Slid back" in text and drift.name in text
    assert short_date(drift.before_date) in text and short_date(drift.after_date) in text
    assert "Seen: “Only me”" in text and "Seen: “Friends”" in text
    (overdue,) = report.overdue  # in the state table: the last check, then how late
    row = re.search(rf"^ *{re.escape(overdue.platform)} .*$", text, re.MULTILINE).group(0)
    assert short_date(overdue.last_checked) in row and short_date(overdue.next_due) in row
    assert re.search(rf"overdue by {overdue.overdue_days}\b.*?days", words(first_report.text))


def test_actions_are_listed_and_their_steps_only_in_the_appendix_when_asked(
    first_report, demo, tmp_path, capsys
) -> None:
    report = first_report.before
    text = words(first_report.text)
    assert report.actions
    for action in report.actions:
        assert words(action.action) in text
    assert "how to fix each outstanding item" not in text.lower()
    assert "SSSC Code of Practice" in text
    with_steps = words(pdf_text(write_report(tmp_path, capsys, "--steps")))
    assert with_steps.index(APPENDIX_HEADING) < with_steps.index("How to fix each outstanding item")
    for action in report.actions:
        assert words(action.steps[0]) in with_steps


def test_a_note_with_markup_is_printed_literally_and_only_when_asked(
    demo, tmp_path, capsys, data_home
) -> None:
    footprint = open_footprint(data_home, SystemClock())
    latest = max((r for r in footprint.history() if r.completed_at), key=lambda r: r.completed_at)
    existing = next(iter(latest.answers.values()))
    later = existing.answered_at + timedelta(seconds=1)
    footprint.store.save_answer(latest.id, replace(existing, note=MARKUP_NOTE, answered_at=later))
    footprint.close()
    without = pdf_text(write_report(tmp_path, capsys))
    assert "bold" not in without and "notes" not in without.lower()
    with_notes = pdf_text(write_report(tmp_path, capsys, "--notes"))
    assert MARKUP_NOTE in with_notes


def test_a_password_in_the_keyring_never_reaches_the_report(
    demo, tmp_path, capsys, memory_keyring: MemoryKeyring
) -> None:
    memory_keyring.set_password("Footprint/facebook", "user", "S3cret-PW")
    out = write_report(tmp_path, capsys, "--notes")
    assert "S3cret-PW" not in pdf_text(out)
    assert b"S3cret-PW" not in out.read_bytes()


def test_a_report_is_remembered_so_the_next_one_shows_changes_since_it(
    demo, tmp_path, capsys, data_home
) -> None:
    first = words(pdf_text(write_report(tmp_path, capsys)))
    assert "over the last three months" in first
    second = words(pdf_text(write_report(tmp_path, capsys)))
    assert "since the previous report" in second


def test_nine_platforms_fit_on_a_sensible_number_of_pages(
    demo, tmp_path, capsys, data_home
) -> None:
    footprint = open_footprint(data_home, SystemClock())
    runs = [run for run in footprint.history() if len(run.platform_ids) == 9 and run.completed_at]
    footprint.close()
    out = write_report(tmp_path, capsys, "--run", str(runs[-1].id), "--notes")
    text = pdf_text(out)
    pages = page_count(out)
    assert 3 <= pages <= 12
    assert text.count("\f") == pages and f"page {pages} of {pages}" in text


def test_letter_paper_can_be_chosen(demo, tmp_path, capsys) -> None:
    out = write_report(tmp_path, capsys, "--paper", "letter")
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True)
    assert "612 x 792 pts (letter)" in info.stdout
    assert "A4" not in info.stdout


def test_no_table_row_is_split_across_pages(demo, data_home) -> None:
    from PySide6.QtCore import QBuffer
    from PySide6.QtGui import QPdfWriter

    document = render_report(stored_report(data_home, notes=True))
    for paper in Paper:
        writer = QPdfWriter(QBuffer())
        writer.setPageLayout(page_layout(paper))
        plan = plan_pages(document, writer)
        assert len(plan.pages) > 1
        for table in plan.tables:
            for row in table.rows:
                assert any(p.top <= row.top and row.bottom <= p.bottom for p in plan.pages), row


def test_an_earlier_audit_can_be_chosen_by_number(demo, tmp_path, capsys) -> None:
    text = pdf_text(write_report(tmp_path, capsys, "--run", "1"))
    assert "Audit number 1, started" in words(text)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--run", "99"], "There is no audit number 99"),
        (["--out", "report.txt"], "ending in .pdf"),
        (["--out", "missing-folder/report.pdf"], "does not exist"),
    ],
)
def test_user_errors_exit_2_with_one_line(demo, tmp_path, capsys, arguments, message) -> None:
    out = ["--out", str(tmp_path / "r.pdf")] if "--out" not in arguments else []
    arguments = [
        str(tmp_path / a) if a.startswith(("report.", "missing")) else a for a in arguments
    ]
    assert main(["report", *out, *arguments]) == 2
    error = capsys.readouterr().err
    assert message in error and error.count("\n") == 1 and "Traceback" not in error


def test_without_a_finished_audit_the_report_says_so(qapp, tmp_path, capsys) -> None:
    assert main(["report", "--out", str(tmp_path / "r.pdf")]) == 2
    assert "before making a report" in capsys.readouterr().err
    assert not (tmp_path / "r.pdf").exists()


def test_a_name_with_bidi_controls_and_ten_thousand_letters_keeps_every_footer(
    demo, tmp_path, capsys, data_home
) -> None:
    """The name reversed "fo 9 egap" with U+202E, and 10,000 letters pushed every footer off
    the page: now the controls are gone and the name is cut short with an ellipsis."""
    footprint = open_footprint(data_home, SystemClock())
    try:
        profile = footprint.profile()
        assert profile is not None
        hostile = "\u202eAlex Sample\u2066\u200f" + "x" * 10_000
        footprint.save_profile(replace(profile, display_name=hostile))
    finally:
        footprint.close()
    text = pdf_text(write_report(tmp_path, capsys))
    pages = text.split("\f")[:-1]
    assert pages
    for number, page in enumerate(pages, start=1):
        assert re.search(rf"Alex Samplex+… — page {number} of {len(pages)}", page), number
    assert "egap" not in text and not set(text) & {"\u202e", "\u2066", "\u200f"}


def test_the_signed_record_comes_first_and_the_appendix_starts_after_its_last_page(
    first_report,
) -> None:
    (demo_fix,) = first_report.before.fixed  # the demo's worker fixed one thing lately
    pages = first_report.text.split("\f")[:-1]  # pdftotext ends every page with a form feed
    first_appendix = next(n for n, page in enumerate(pages) if APPENDIX_HEADING in page)
    record, appendix = pages[:first_appendix], pages[first_appendix:]
    assert 1 <= len(record) <= 2  # the demo year's record fits on two A4 pages
    assert "Signatures" in record[-1] and "Supervisor: Sam Example" in record[-1]
    assert appendix[0].lstrip().startswith(APPENDIX_HEADING)  # a page of its own
    assert not any("Signatures" in page for page in appendix)
    text = words(" ".join(record))
    assert words(demo_fix.action) in text[text.index("Fixed since") : text.index("Outstanding")]
    assert all(APPENDIX_HEADING not in page for page in record)
    for heading in ("Code of Practice clauses", "What a stranger could see",
                    "Each platform's settings"):  # fmt: skip
        assert not any(heading in page for page in record)
        assert any(heading in page for page in appendix)


def test_fixed_since_lists_the_fixes_after_the_previous_report_and_not_before(
    demo, tmp_path, capsys, data_home
) -> None:
    footprint = open_footprint(data_home, SystemClock())
    now = footprint.clock.now()
    previous = now - timedelta(days=2)
    footprint.store.record_report(previous, previous - timedelta(days=91), None)
    before, after = footprint.report().actions[:2]  # both found by checks over a day old
    runs = {
        a.key: run.id
        for run in footprint.history()
        for a in run.answers.values()
        if a.status is AnswerStatus.NEEDS_ACTION and footprint.catalogue.get(a.platform_id)
    }
    for line, when in ((before, now - timedelta(days=3)), (after, now - timedelta(days=1))):
        platform = next(p for p in footprint.catalogue.platforms if p.name == line.platform)
        item = next(i for i in platform.items if i.name == line.name)
        fix = Answer(platform.id, item.id, AnswerStatus.SAFE, AnswerSource.MANUAL, when,
                     kind=AnswerKind.FIX)  # fmt: skip
        footprint.store.save_answer(runs[fix.key], fix)
    footprint.close()
    text = words(pdf_text(write_report(tmp_path, capsys)))
    heading = f"Fixed since {short_date(previous)}"
    fixed = text[text.index(heading) : text.index("Outstanding actions")]
    assert words(after.action) in fixed and short_date(now - timedelta(days=1)) in fixed
    assert words(before.action) not in fixed  # made before the previous report: shown then
    assert "1 setting fixed since" in text


def test_a_platform_nobody_looked_at_from_outside_says_so(first_report) -> None:
    text = first_report.layout
    assert re.search(r"Facebook\s+Not looked at\s+No address for this platform", text)
    assert "no findings kept" not in text


def test_the_overview_and_the_report_count_the_same_days(qapp, tmp_path, data_home) -> None:  # noqa: ARG001
    from app.clock import FixedClock
    from app.report.pdf import pdf_bytes
    from app.ui.dashboard_model import DashboardModel
    from tests.conftest import START

    made = open_footprint(data_home, FixedClock(START))
    made.write_demo_data()
    facebook = next(o for o in made.dashboard().overviews if o.platform.id == "facebook")
    made.close()
    due = facebook.due.next_due
    # Late in the evening 50 calendar days before: 24-hour spans would say 49.
    evening = datetime.combine(due.astimezone().date() - timedelta(days=50), time(23, 59))
    now = evening.astimezone().astimezone(UTC)
    assert (due - now).days == 49
    footprint = open_footprint(data_home, FixedClock(now))
    view = footprint.dashboard()
    model = DashboardModel()
    model.set_overviews(list(view.overviews), view.now)
    row = next(n for n in range(model.rowCount()) if model.overview(n).platform.id == "facebook")
    assert model.index(row, 4).data() == "in 50 days"
    out = tmp_path / "report.pdf"
    out.write_bytes(pdf_bytes(render_report(footprint.report()))[0])
    footprint.close()
    text = pdf_text(out, layout=True)
    row = re.search(r"^ *Facebook .*$", text, re.MULTILINE).group(0)
    assert "· in 50 days" in row
