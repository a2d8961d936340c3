"""The report on paper: a PDF file or a printer, through QtGui only (no widgets).

Pagination is ours, not QTextDocument's. The report is laid out once as one long page, at a
fixed 96 dpi so it looks the same whatever the screen or printer, then cut into pages only
between text lines and between table rows, never inside a row, and never right after a heading.
Each page draws its slice of the document, clipped, and then its footer "Name — page N of M".

Needs a QGuiApplication (fonts); the CLI creates one (app/report/command.py).
"""

from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from app.report.grid import Grid
from app.report.html import ReportDocument
from app.report.pagination import (
    Blocks,
    Page,
    TableInfo,
    content_height,
    forced_breaks,
    paginate,
    table_grid,
    table_infos,
    text_tables,
    unbreakable_spans,
)
from app.report.structure import TABLE_CLASS, report_structure

log = logging.getLogger(__name__)
LAYOUT_DPI = 96  # CSS pixels in report.css are 1/96 inch
MARGINS_MM = QMarginsF(18, 15, 18, 10)
FOOTER_BAND = 34.0  # layout pixels kept free at the bottom of each page for the footer
FOOTER_FAMILIES = ["Segoe UI", "Helvetica Neue", "Arial", "Liberation Sans", "DejaVu Sans"]
SLICE_INSET = 8.0  # a block must reach this far into a page's slice to be drawn on it
# On paper the bordered tables' lines are drawn by app/report/grid.py, not by Qt: the tables and
# their cells keep their border width (the layout stays the same) but Qt is told to draw none.
GRID_CLASS = "grid"
PAPER_CSS = ", ".join(f"table.{GRID_CLASS}{cell}" for cell in ("", " th", " td"))
PAPER_CSS += " { border-style: none; }"


class Paper(StrEnum):
    """The paper sizes the report can be laid out for."""

    A4 = "a4"
    LETTER = "letter"

    @property
    def page_size(self) -> QPageSize:
        """The Qt page size of this paper."""
        size = QPageSize.PageSizeId.A4 if self is Paper.A4 else QPageSize.PageSizeId.Letter
        return QPageSize(size)

    @property
    def label(self) -> str:
        """The paper's name as the report dialog shows it."""
        return "A4" if self is Paper.A4 else "US Letter"


def write_pdf(document: ReportDocument, path: Path, paper: Paper = Paper.A4) -> int:
    """Write the report as a PDF file and return its number of pages.

    The PDF is made in memory and then written next to `path` and renamed, so a failed write
    never leaves half a report behind.

    Raises:
        OSError: The file cannot be written (folder missing, no permission, disk full).
    """
    data, pages = pdf_bytes(document, paper)
    _write_atomically(path, data)
    return pages


def pdf_bytes(document: ReportDocument, paper: Paper = Paper.A4) -> tuple[bytes, int]:
    """The report as tagged PDF data (structure tree, language), with its number of pages."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(LAYOUT_DPI)
    writer.setTitle(document.title)
    writer.setCreator("Footprint")
    writer.setPageLayout(page_layout(paper))
    plan = plan_pages(document, writer)
    _paint_plan(document, plan, writer)
    buffer.close()
    untagged = bytes(buffer.data().data())
    return _tagged(untagged, document, plan, writer.logicalDpiY() / LAYOUT_DPI), len(plan.pages)


def _tagged(untagged: bytes, document: ReportDocument, plan: PagePlan, scale: float) -> bytes:
    """Qt's PDF with its structure tree and language. Should tagging fail (pikepdf missing on
    a machine, or Qt writing its PDF another way), the record is saved untagged rather than
    not at all: a worker's supervision record matters more than its tags. The log says why."""
    try:
        from app.report.tagged import PageWindow, tag_pdf  # pikepdf: only when a PDF is written

        windows = [
            PageWindow(page.top, page.bottom, page.header.height if page.header else 0.0)
            for page in plan.pages
        ]
        structure = report_structure(plan.blocks, document.html)
        return tag_pdf(untagged, structure, windows, scale, plan.footer_top)
    except Exception:  # any failure of the tagging; the record itself is already made
        log.exception("The report PDF could not be tagged; it was saved without tags")
        return untagged


def print_report(document: ReportDocument, printer: QPagedPaintDevice) -> int:
    """Print the report on a printer set up by QPrintDialog; returns the number of pages."""
    return paint_report(document, printer)


def page_layout(paper: Paper) -> QPageLayout:
    """A portrait page of this paper with the report's margins, in millimetres."""
    return QPageLayout(
        paper.page_size,
        QPageLayout.Orientation.Portrait,
        MARGINS_MM,
        QPageLayout.Unit.Millimeter,
    )


@dataclass(frozen=True)
class PagePlan:
    """The laid-out report and where its pages begin and end, in layout pixels."""

    text: QTextDocument
    blocks: Blocks  # the text's blocks and where they lie
    tables: tuple[TableInfo, ...]
    pages: tuple[Page, ...]
    width: float
    footer_top: float  # where each page's footer band begins, below the document's slice
    grids: tuple[Grid, ...]  # the bordered tables, whose lines are drawn on each page
    layout_device: _LayoutDevice  # must outlive `text`, whose layout refers to it


def plan_pages(document: ReportDocument, device: QPagedPaintDevice) -> PagePlan:
    """Lay the report out for the device's printable width and cut it into pages."""
    scale = device.logicalDpiY() / LAYOUT_DPI
    area = device.pageLayout().paintRectPixels(device.logicalDpiY())
    width, height = area.width() / scale, area.height() / scale
    layout_device = _LayoutDevice()
    text = layout_device.document(_on_paper(document.html), width)
    blocks = Blocks(text)
    tables = table_infos(blocks)
    spans = unbreakable_spans(blocks, tables)
    bottom = max([content_height(text), *(span.bottom for span in spans)])
    pages = paginate(spans, tables, bottom, height - FOOTER_BAND, forced_breaks(blocks))
    grids = _grids(blocks, document.html)
    footer_top = height - FOOTER_BAND
    return PagePlan(text, blocks, tables, tuple(pages), width, footer_top, grids, layout_device)


def _on_paper(html: str) -> str:
    """The report's HTML with PAPER_CSS last in its stylesheet, so that it wins."""
    return html.replace("</style>", PAPER_CSS + "</style>", 1)


def _grids(blocks: Blocks, html: str) -> tuple[Grid, ...]:
    """The bordered tables (known by their class, as app/report/structure.py knows them)."""
    tables = zip(text_tables(blocks.text), TABLE_CLASS.findall(html), strict=False)
    grids = (table_grid(blocks, table) for table, kind in tables if kind == GRID_CLASS)
    return tuple(grid for grid in grids if grid is not None)


def paint_report(document: ReportDocument, device: QPagedPaintDevice) -> int:
    """Lay out, paginate and paint the report on a PDF writer or printer; returns pages."""
    plan = plan_pages(document, device)
    _paint_plan(document, plan, device)
    return len(plan.pages)


def _paint_plan(document: ReportDocument, plan: PagePlan, device: QPagedPaintDevice) -> None:
    scale = device.logicalDpiY() / LAYOUT_DPI
    area = device.pageLayout().paintRectPixels(device.logicalDpiY())
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the printer or file could not be opened for writing")
    try:
        for number, page in enumerate(plan.pages, start=1):
            if number > 1:
                device.newPage()
            _paint_page(painter, plan, page, scale)
            page_of = f" — page {number} of {len(plan.pages)}"
            _paint_footer(painter, document.footer_name, page_of, area.width(), area.height())
    finally:
        painter.end()


class _LayoutDevice:
    """A 96-dpi paint device to lay the report out on, independent of screen and printer."""

    def __init__(self) -> None:
        self._buffer = QBuffer()
        self._writer = QPdfWriter(self._buffer)  # never painted on; only its dpi is used
        self._writer.setResolution(LAYOUT_DPI)

    def document(self, html: str, width: float) -> QTextDocument:
        text = QTextDocument()
        text.documentLayout().setPaintDevice(self._writer)
        text.setDocumentMargin(0)
        # One long page: the layout itself does not paginate. The width comes first, so the
        # HTML is laid out once, at that width, not first at Qt's own and then again.
        text.setTextWidth(width)
        text.setHtml(html)
        return text


def _paint_page(painter: QPainter, plan: PagePlan, page: Page, scale: float) -> None:
    painter.save()
    painter.scale(scale, scale)
    offset = 0.0
    if page.header is not None:
        _paint_slice(painter, plan, page.header.top, page.header.bottom, 0.0)
        offset = page.header.height
    # Qt draws a row's top border just above the row's edge, so a continued row reaches back.
    _paint_slice(painter, plan, page.top - page.reach_back, page.bottom, offset)
    painter.restore()


def _paint_slice(painter: QPainter, plan: PagePlan, top: float, bottom: float, at: float) -> None:
    """Draw the document between `top` and `bottom` with `top` placed at `at` on the page.

    The painter clips to the slice; the layout is asked only for blocks reaching well inside
    it. Qt would otherwise also draw a block that merely touches the slice (a heading's bottom
    margin above a repeated table header, the next page's first heading), clipped out of
    sight but still in the PDF's text, where a search, a copy or a screen reader finds it.
    """
    painter.save()
    painter.translate(0, at - top)
    slice_rect = QRectF(0, top, plan.width, bottom - top)
    inset = min(SLICE_INSET, slice_rect.height() / 4)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = slice_rect.adjusted(0, inset, 0, -inset)
    painter.setClipRect(slice_rect)
    plan.text.documentLayout().draw(painter, context)
    _paint_grids(painter, plan.grids, context.clip)
    painter.restore()


def _paint_grids(painter: QPainter, grids: tuple[Grid, ...], clip: QRectF) -> None:
    """The lines of the bordered tables in the clip, over the cells' shading, as Qt would.

    Each line is its own rectangle, filled on its own, as Qt fills its borders: PDF viewers
    snap a lone thin rectangle to the pixel grid (poppler, Acrobat's thin-line enhancement),
    but draw a path of many with soft edges.
    """
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)  # as Qt's borders, for printers
    for grid in grids:
        painter.setBrush(QColor(grid.colour))
        for line in grid.lines(clip.top(), clip.bottom()):
            painter.drawRect(QRectF(*line))


def _paint_footer(painter: QPainter, name: str, page_of: str, width: int, height: int) -> None:
    """A thin rule and "Name — page N of M" along the bottom of the printable area (device
    pixels). A name too long for the line is elided, so "page N of M" always shows; it is
    isolated (FSI…PDI), so a right-to-left name cannot move "page N of M" to its left."""
    font = QFont()
    font.setFamilies(FOOTER_FAMILIES)
    font.setPointSizeF(8.0)
    painter.save()
    painter.setFont(font)
    painter.setPen(QPen(QColor("#444444")))
    line_height = painter.fontMetrics().height()
    rule_y = height - line_height * 1.6
    painter.drawLine(0, int(rule_y), width, int(rule_y))
    metrics = painter.fontMetrics()
    room = max(0, width - metrics.horizontalAdvance(page_of) - metrics.averageCharWidth() * 4)
    shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, room)
    footer = f"\u2068{shown}\u2069{page_of}"
    box = QRectF(0, height - line_height * 1.3, width, line_height * 1.3)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom), footer)
    painter.restore()


def _write_atomically(path: Path, data: bytes) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        # mkstemp made the file owner-only; the report holds personal data, so it stays so.
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
