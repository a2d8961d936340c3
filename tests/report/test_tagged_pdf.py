"""The report PDF is tagged (issue 31): a structure tree in reading order that poppler reads,
the document's language, and footers and repeated table headers left out as artifacts.

The tree is read back with poppler's `pdfinfo -struct-text` (what a tagged-PDF reader sees), the
catalogue with pikepdf. Like the other report tests these need a QGuiApplication (`qapp`).
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from pathlib import Path

import pikepdf
import pytest

from app.clock import SystemClock
from app.footprint import open_footprint
from app.paths import DataHome
from app.report.html import render_report
from app.report.pdf import write_pdf
from tests.report.test_report_pdf import pdf_text


@pytest.fixture(scope="module")
def report_pdf(qapp, tmp_path_factory) -> Path:  # noqa: ARG001 - qapp: fonts for the layout
    """The demo's current-state report, made once: these tests only read it."""
    folder = tmp_path_factory.mktemp("tagged")
    footprint = open_footprint(DataHome(folder / "home"), SystemClock())
    try:
        footprint.write_demo_data()
        out = folder / "report.pdf"
        write_pdf(render_report(footprint.report()), out)
    finally:
        footprint.close()
    return out


@pytest.fixture(scope="module")
def tree(report_pdf) -> list[tuple[int, str]]:
    """Each line of poppler's structure tree as (depth, what): an element type, "/Scope /Row"
    or a run of text in quotes (poppler puts a tab between words). Read once: poppler reads
    each element's text separately, which takes seconds."""
    result = subprocess.run(
        ["pdfinfo", "-struct-text", str(report_pdf)], capture_output=True, text=True, check=True
    )
    lines = []
    for line in result.stdout.splitlines():
        stripped = line.strip()
        if stripped:
            lines.append(((len(line) - len(line.lstrip())) // 2, stripped.replace("\t", " ")))
    return lines


def texts(lines: list[tuple[int, str]]) -> list[str]:
    return [what.strip('"') for _, what in lines if what.startswith('"')]


def elements(lines: list[tuple[int, str]], kind: str) -> list[list[tuple[int, str]]]:
    """Every element of this type, each as its own line and the lines below it."""
    found = []
    for index, (depth, what) in enumerate(lines):
        if what.split(":")[0].split(" (")[0] == kind:
            end = next((n for n in range(index + 1, len(lines)) if lines[n][0] <= depth), None)
            found.append(lines[index:end])
    return found


def test_pdfinfo_says_tagged_and_the_catalogue_has_language_title_and_marks(report_pdf) -> None:
    info = subprocess.run(["pdfinfo", str(report_pdf)], capture_output=True, text=True, check=True)
    assert re.search(r"^Tagged:\s+yes$", info.stdout, re.MULTILINE)
    with pikepdf.open(report_pdf) as pdf:
        assert str(pdf.Root.Lang) == "en-GB"
        assert bool(pdf.Root.MarkInfo.Marked) is True
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle) is True
        assert pdf.Root.StructTreeRoot.K.S == "/Document"
        assert all(page.obj.StructParents == n for n, page in enumerate(pdf.pages))


def test_the_tree_reads_headings_and_tables_in_the_order_of_the_page(tree) -> None:
    top = [what.split(" (")[0] for depth, what in tree if depth == 1]
    assert top[:3] == ["H1", "P", "Table"]  # title, "Made with…", who and what
    headings = [texts(h)[0] for h in elements(tree, "H2")]
    record = ["State of each platform", "What slid back", "Fixed since", "Outstanding actions"]
    starts = [next(n for n, h in enumerate(headings) if h.startswith(r)) for r in record]
    assert starts == sorted(starts)
    assert headings.index("Signatures") > starts[-1]
    appendix = [texts(h)[0] for h in elements(tree, "H1")][1]
    assert appendix.startswith("Appendix")


def test_the_state_table_has_column_headers_then_a_row_per_platform(tree) -> None:
    state = next(t for t in elements(tree, "Table") if "Platform" in texts(t)[:1])
    rows = elements(state, "TR")
    header = elements(rows[0], "TH")
    assert [texts(cell)[0] for cell in header] == [
        "Platform",
        "State",
        "Last checked",
        "Next re-check",
        "Answers",
    ]
    assert all(("/Scope /Column") in [w for _, w in cell] for cell in header)
    first = [" ".join(texts(cell)) for cell in elements(rows[1], "TD")]
    assert first[0] == "Facebook" and first[1].endswith("Needs action") and len(first) == 5


def test_the_worker_table_pairs_each_label_with_its_value_row_by_row(report_pdf, tree) -> None:
    details = elements(tree, "Table")[0]
    pairs = [
        (texts(elements(row, "TH")[0])[0], " ".join(texts(elements(row, "TD")[0])))
        for row in elements(details, "TR")
    ]
    assert pairs[:2] == [("Worker", "Alex Sample"), ("Role", "Support worker")]
    assert [label for label, _ in pairs] == [
        "Worker",
        "Role",
        "Regulator",
        "Supervisor",
        "Organisation",
        "Covers",
        "Period",
    ]
    # pdftotext, which ignores tags, reads it row by row too: each label right before its value.
    lines = [line.strip() for line in pdf_text(report_pdf).splitlines() if line.strip()]
    for label, value in pairs[:5]:
        assert lines[lines.index(label) + 1] == value


def test_footers_and_repeated_table_headers_are_artifacts_not_read_twice(report_pdf, tree) -> None:
    read = texts(tree)
    assert not any(re.search(r"page \d+ of \d+", line) for line in read)
    assert read.count("Action") == 1  # the outstanding actions' header, repeated on page 2
    pages = pdf_text(report_pdf).split("\f")[:-1]
    assert pages[1].lstrip().startswith("Action")  # …where it is drawn all the same


def test_every_run_of_text_is_tagged_or_an_artifact(report_pdf) -> None:
    with pikepdf.open(report_pdf) as pdf:
        for page in pdf.pages:
            operators = [str(o.operator) for o in pikepdf.parse_content_stream(page)]
            depth, untagged = 0, 0
            for operator in operators:
                depth += {"BDC": 1, "BMC": 1, "EMC": -1}.get(operator, 0)
                untagged += operator == "BT" and depth == 0
            assert depth == 0 and untagged == 0


def test_the_tree_holds_the_words_of_the_pages_and_joins_no_two(report_pdf, tree) -> None:
    """Every word the tree reads is a word on the pages: a line's last word is never run into
    the next line's first (as "meWho" once was), and no word is invented."""
    on_pages = Counter(pdf_text(report_pdf).split())
    in_tree = Counter(word for line in texts(tree) for word in line.split())
    assert not in_tree - on_pages
    left_out = on_pages - in_tree  # footers and repeated table headers only
    assert left_out["page"] == len(pdf_text(report_pdf).split("\f")[:-1])
    assert sum(left_out.values()) < 0.05 * sum(on_pages.values())
