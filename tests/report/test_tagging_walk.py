"""The tagging's walk over a page's content (app/report/tagged.py): Qt's usual layout, one
operator to a line, is walked by the quick path; the same content with operators sharing lines
must come out marked the same way by the general walk, not silently mis-tagged."""

from __future__ import annotations

from app.report.structure import BlockBox, Element, ReportStructure
from app.report.tagged import PageWindow, _PageMarker

# Two runs of text: one drawn inside a q … cm … Q that moves it down 100 pixels onto the block
# of the paragraph, one drawn with no move (where the heading is). Between them a drawing that
# draws nothing, a clipping path and a painted rectangle, and a fill as Qt draws it.
QT_LAYOUT = (
    b"/GSa gs\n0.75 0 0 -0.75 51 799.25 cm\nq\n/CSp CS\n0 0 0 SCN\nQ\n"
    b"q\n1 0 0 1 0 100 cm\n/CSp cs\nBT\n/F1 10 Tf 1 0 0 -1 0 0 Tm\n10 -20 Td <0001> Tj\nET\nQ\n"
    b"q\n1 0 0 1 0 100 cm\n1 w\nQ\n"
    b"q\n0 0 m\n10 0 l\nh\nW* n\n2 3 4 5 re\nf\nQ\n"
    b"q\n/CSp cs\nq\n1 0 0 1 0 100 cm\n7 8 9 10 re\nf\nQ\nQ\n"
    b"BT\n/F1 10 Tf 1 0 0 -1 0 0 Tm\n10 -20 Td <0002> Tj\nET\n"
)
SHARED_LINES = (
    b"/GSa gs 0.75 0 0 -0.75 51 799.25 cm q /CSp CS 0 0 0 SCN Q\n"
    b"q 1 0 0 1 0 100 cm /CSp cs\nBT\n/F1 10 Tf 1 0 0 -1 0 0 Tm\n10 -20 Td <0001> Tj\nET\nQ\n"
    b"q 1 0 0 1 0 100 cm 1 w Q\n"
    b"q\n0 0 m\n10 0 l\nh\nW* n\n2 3 4 5 re\nf\nQ\n"
    b"q /CSp cs q 1 0 0 1 0 100 cm\n7 8 9 10 re\nf\nQ Q\n"
    b"BT\n/F1 10 Tf 1 0 0 -1 0 0 Tm\n10 -20 Td <0002> Tj\nET\n"
)


def marker() -> tuple[_PageMarker, Element, Element]:
    root = Element("Document")
    heading, paragraph = root.add("H1"), root.add("P")
    boxes = [BlockBox(0, 0, 500, 40, heading), BlockBox(0, 100, 500, 140, paragraph)]
    return (
        _PageMarker(ReportStructure(root, boxes), PageWindow(0, 900, 0), 1.0, 950),
        heading,
        paragraph,
    )


def test_a_run_moved_by_cm_belongs_to_the_block_it_lands_on_and_paths_are_artifacts() -> None:
    page, heading, paragraph = marker()
    marked = page.mark(QT_LAYOUT)
    assert page.owned == [paragraph, heading]
    assert b"/P <</MCID 0>> BDC\nBT\n" in marked
    assert b"/H1 <</MCID 1>> BDC\nBT\n" in marked
    assert b"/Artifact BMC\n2 3 4 5 re\nf\nEMC\n" in marked
    assert b"/Artifact BMC\n7 8 9 10 re\nf\nEMC\n" in marked  # a fill in Qt's two groups
    assert b"/Artifact BMC\n0 0 m" not in marked  # a clipping path is not painted
    assert marked.replace(b"/P <</MCID 0>> BDC\n", b"").replace(b"/H1 <</MCID 1>> BDC\n", b"")\
        .replace(b"/Artifact BMC\n", b"").replace(b"EMC\n", b"") == QT_LAYOUT  # fmt: skip


def test_operators_sharing_a_line_are_followed_as_well_as_one_to_a_line() -> None:
    page, heading, paragraph = marker()
    page.mark(SHARED_LINES)
    assert page.owned == [paragraph, heading]


def test_two_text_objects_in_one_group_are_two_runs_each_where_it_lands() -> None:
    """A group moved onto the paragraph holding a text object that is not directly followed by
    its Q: the quick walk must not take it and the next text object (placed back on the
    heading by its own Tm) for one run."""
    page, heading, paragraph = marker()
    content = (
        b"q\n1 0 0 1 0 100 cm\nBT\n/F1 10 Tf 1 0 0 -1 0 0 Tm\n10 -20 Td <0001> Tj\nET\n"
        b"BT\n/F1 10 Tf 1 0 0 -1 0 -100 Tm\n10 -20 Td <0002> Tj\nET\nQ\n"
    )
    page.mark(content)
    assert page.owned == [paragraph, heading]
