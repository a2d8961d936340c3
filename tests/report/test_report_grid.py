"""The bordered tables' lines on paper (app/report/grid.py) are drawn by the report itself, not
by Qt cell by cell: the pages must look exactly as when Qt drew them, to the pixel, across a
page break with the header row repeated, and in a table's last row."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from app.report import pdf
from app.report.html import STYLESHEET, ReportDocument
from app.report.html_blocks import section_html, table_html


def bordered_report() -> ReportDocument:
    """A table long enough to go on over a page, with rows of one, two and three lines."""
    headers = (("Setting", 50), ("Answer", 20), ("Why", 30))
    rows = [[f"Setting {n}" + "<br>more" * (n % 3), "Safe", "x " * (n % 7 * 9)] for n in range(70)]
    body = section_html("Settings", table_html(headers, rows))
    body += section_html("After", table_html(headers, rows[:3]) + "<p>The end.</p>")
    css = STYLESHEET.read_text(encoding="utf-8")
    html = f"<html><head><style>{css}</style></head><body>{body}</body></html>"
    return ReportDocument(html, "Grid", "A worker")


def page_images(path: Path) -> list[bytes]:
    out = path.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "100", str(path), str(out)], check=True)
    return [image.read_bytes() for image in sorted(path.parent.glob(f"{out.name}-*.ppm"))]


def test_the_grid_drawn_once_per_table_looks_as_qt_drew_it_cell_by_cell(
    qapp,  # noqa: ARG001 - fonts
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    document = bordered_report()
    ours = tmp_path / "ours.pdf"
    assert pdf.write_pdf(document, ours) > 1
    monkeypatch.setattr(pdf, "PAPER_CSS", "")  # Qt draws every cell's borders
    monkeypatch.setattr(pdf, "_grids", lambda _blocks, _html: ())
    qts = tmp_path / "qts.pdf"
    pdf.write_pdf(document, qts)
    assert ours.read_bytes() != qts.read_bytes()  # the lines were drawn another way
    assert page_images(ours) == page_images(qts)
