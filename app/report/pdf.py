"""The report on paper: a PDF file or a printer, through QtGui only (no widgets).

Pagination is ours, not QTextDocument's. The report is laid out once as one long page, at a
fixed 96 dpi so it looks the same whatever the screen or printer, then cut into pages only
between text lines and between table rows, never inside a row, and never right after a heading.
Each page draws its slice of the document, clipped, and then its footer "Name — page N of M".

Needs a QGuiApplication (fonts); the CLI creates one (app/report/command.py).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise
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
    QTextBlock,
    QTextDocument,
    QTextFormat,
    QTextTable,
)

from app.report.html import ReportDocument

LAYOUT_DPI = 96  # CSS pixels in report.css are 1/96 inch
MARGINS_MM = QMarginsF(18, 15, 18, 10)
FOOTER_BAND = 34.0  # layout pixels kept free at the bottom of each page for the footer
HEADING_KEEP = 64.0  # what starts this close below a heading stays on its page
SHORT_TABLE = 120.0  # tables up to about 3 cm tall are never split (signatures, overdue…)
FOOTER_FAMILIES = ["Segoe UI", "Helvetica Neue", "Arial", "Liberation Sans", "DejaVu Sans"]
EPSILON = 0.01
SLICE_INSET = 8.0  # a block must reach this far into a page's slice to be drawn on it


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


@dataclass(frozen=True)
class Span:
    """A vertical stretch of the laid-out document that a page break must not cut."""

    top: float
    bottom: float

    @property
    def height(self) -> float:
        """How tall the span is."""
        return self.bottom - self.top


@dataclass(frozen=True)
class TableInfo:
    """Where a table is, its rows (border to border) and its header row, if it has one."""

    rows: tuple[Span, ...]
    header: Span | None
    border: float

    def holds(self, y: float) -> bool:
        """True if `y` falls strictly inside the table, between its first and last row."""
        return self.rows[0].top + EPSILON < y < self.rows[-1].bottom - EPSILON


@dataclass(frozen=True)
class Page:
    """The document from `top` to `bottom`, below a repeat of `header` when a table goes on."""

    top: float
    bottom: float
    header: Span | None = None
    reach_back: float = 0.0  # draw this much above `top`: the border line of a cut table row


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
    """The report as PDF data, with its number of pages."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(LAYOUT_DPI)
    writer.setTitle(document.title)
    writer.setCreator("Footprint")
    writer.setPageLayout(page_layout(paper))
    pages = paint_report(document, writer)
    buffer.close()
    return bytes(buffer.data().data()), pages


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
    tables: tuple[TableInfo, ...]
    pages: tuple[Page, ...]
    width: float
    layout_device: _LayoutDevice  # must outlive `text`, whose layout refers to it


def plan_pages(document: ReportDocument, device: QPagedPaintDevice) -> PagePlan:
    """Lay the report out for the device's printable width and cut it into pages."""
    scale = device.logicalDpiY() / LAYOUT_DPI
    area = device.pageLayout().paintRectPixels(device.logicalDpiY())
    width, height = area.width() / scale, area.height() / scale
    layout_device = _LayoutDevice()
    text = layout_device.document(document.html, width)
    tables = tuple(info for table in _tables(text) if (info := _table_info(text, table)).rows)
    spans = unbreakable_spans(text, tables)
    bottom = max([content_height(text), *(span.bottom for span in spans)])
    pages = paginate(spans, tables, bottom, height - FOOTER_BAND, forced_breaks(text))
    return PagePlan(text, tables, tuple(pages), width, layout_device)


def paint_report(document: ReportDocument, device: QPagedPaintDevice) -> int:
    """Lay out, paginate and paint the report on a PDF writer or printer; returns pages."""
    plan = plan_pages(document, device)
    scale = device.logicalDpiY() / LAYOUT_DPI
    area = device.pageLayout().paintRectPixels(device.logicalDpiY())
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the printer or file could not be opened for writing")
    try:
        for number, page in enumerate(plan.pages, start=1):
            if number > 1:
                device.newPage()
            _paint_page(painter, plan.text, page, scale, plan.width)
            page_of = f" — page {number} of {len(plan.pages)}"
            _paint_footer(painter, document.footer_name, page_of, area.width(), area.height())
    finally:
        painter.end()
    return len(plan.pages)


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
        text.setHtml(html)
        text.setTextWidth(width)  # one long page: the layout itself does not paginate
        return text


def content_height(text: QTextDocument) -> float:
    """How tall `text` is once laid out, in its paint device's units."""
    return float(text.documentLayout().documentSize().height())


def paginate(
    spans: Sequence[Span],
    tables: Sequence[TableInfo],
    height: float,
    page_height: float,
    breaks: Sequence[float] = (),
) -> list[Page]:
    """Cut [0, height] into pages no taller than `page_height`, between unbreakable spans,
    and at each of `breaks` (where a new page is asked for: the appendix).

    A page that continues a table starts with a repeat of the table's header row. A span
    taller than a page cannot be kept whole; only such a span is ever cut.
    """
    pages: list[Page] = []
    top, header, reach_back = 0.0, None, 0.0
    while top < height - 1 or not pages:
        room = page_height - (header.height if header else 0.0)
        bottom = min(top + room, height)
        forced = [at for at in breaks if top + EPSILON < at <= bottom]
        if forced:
            bottom = _past_spans(spans, min(forced))
        elif bottom < height:
            bottom = _safe_cut(spans, top, bottom)
        pages.append(Page(top, bottom, header, reach_back))
        header, reach_back = _continuation(tables, bottom)
        top = bottom
    return pages


def forced_breaks(text: QTextDocument) -> list[float]:
    """Where the document asks for a new page (CSS `page-break-before: always`)."""
    layout = text.documentLayout()
    always = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
    return [
        layout.blockBoundingRect(block).top()
        for block in _blocks(text)
        if block.blockFormat().pageBreakPolicy() & always
    ]


def _past_spans(spans: Sequence[Span], cut: float) -> float:
    """Move a forced cut down past any span it would split (a row's border estimate can
    reach half a pixel into the next block)."""
    straddling = [span.bottom for span in spans if span.top + EPSILON < cut < span.bottom]
    return max([cut, *straddling])


def _continuation(tables: Sequence[TableInfo], cut: float) -> tuple[Span | None, float]:
    """What the next page repeats when `cut` falls inside a table: its header, or its border."""
    for table in tables:
        if table.holds(cut):
            if table.header is not None and table.header.bottom <= cut + EPSILON:
                return table.header, 0.0
            return None, table.border
    return None, 0.0


def _safe_cut(spans: Sequence[Span], top: float, limit: float) -> float:
    """Move the cut up to the start of every span it would split, until it splits none."""
    cut, moved = limit, True
    while moved:
        moved = False
        for span in spans:
            if span.top + EPSILON < cut < span.bottom - EPSILON and span.top > top + EPSILON:
                cut, moved = span.top, True
    return cut


def unbreakable_spans(text: QTextDocument, tables: Sequence[TableInfo]) -> list[Span]:
    """What a page break must not cut.

    Text lines; table rows; a table's header with its first row; its last two rows together;
    short tables whole; each heading with the start of what follows it.
    """
    spans = list(_line_spans(text))
    for table in tables:
        rows = table.rows
        spans.extend(rows)
        if table.header is not None and len(rows) > 1:
            spans.append(Span(rows[0].top, rows[1].bottom))
        if len(rows) > 3:  # no lonely last row at the top of a page
            spans.append(Span(rows[-2].top, rows[-1].bottom))
        if rows and rows[-1].bottom - rows[0].top <= SHORT_TABLE:
            spans.append(Span(rows[0].top, rows[-1].bottom))
    spans.extend(_heading_spans(text, spans))
    return spans


def _blocks(text: QTextDocument) -> Iterator[QTextBlock]:
    block = text.begin()
    while block.isValid():
        yield block
        block = block.next()


def _line_spans(text: QTextDocument) -> Iterator[Span]:
    layout = text.documentLayout()
    for block in _blocks(text):
        lines = block.layout()
        # Line positions are relative to the block's own layout; the bounding rect places that
        # layout in the document (tables and cells included).
        origin = layout.blockBoundingRect(block).top() - lines.boundingRect().top()
        for index in range(lines.lineCount()):
            line = lines.lineAt(index)
            yield Span(origin + line.y(), origin + line.y() + line.height())


def _tables(text: QTextDocument) -> list[QTextTable]:
    return [f for f in text.rootFrame().childFrames() if isinstance(f, QTextTable)]


def _table_info(text: QTextDocument, table: QTextTable) -> TableInfo:
    rows = _row_spans(text, table)
    header = rows[0] if table.format().headerRowCount() and len(rows) > 1 else None
    return TableInfo(tuple(rows), header, table.format().border())


def _row_spans(text: QTextDocument, table: QTextTable) -> list[Span]:
    """Each row from border to border.

    Measured on Qt 6: the line between two rows lies just above the point half-way between
    their texts, and the outer lines lie padding + border beyond the first and last texts.
    """
    contents = [_row_content(text, table, row) for row in range(table.rows())]
    if not contents:
        return []
    border = table.format().border()
    above, below = _outer_padding(table)
    edges = [contents[0].top - above - 2 * border - 0.5]
    edges += [(upper.bottom + lower.top) / 2 for upper, lower in pairwise(contents)]
    edges.append(contents[-1].bottom + below + 2 * border + 0.5)
    return [Span(top, bottom) for top, bottom in pairwise(edges)]


def _outer_padding(table: QTextTable) -> tuple[float, float]:
    """Cell padding above the first row's text and below the last row's."""
    default = table.format().cellPadding()
    first = table.cellAt(0, 0).format().toTableCellFormat()
    last = table.cellAt(table.rows() - 1, 0).format().toTableCellFormat()
    return max(first.topPadding(), default), max(last.bottomPadding(), default)


def _row_content(text: QTextDocument, table: QTextTable, row: int) -> Span:
    layout = text.documentLayout()
    tops, bottoms = [], []
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        block = cell.firstCursorPosition().block()
        last = cell.lastCursorPosition().block().blockNumber()
        while block.isValid() and block.blockNumber() <= last:
            rect = layout.blockBoundingRect(block)
            tops.append(rect.top())
            bottoms.append(rect.bottom())
            block = block.next()
    return Span(min(tops), max(bottoms))


def _heading_spans(text: QTextDocument, spans: Sequence[Span]) -> Iterator[Span]:
    """A heading stays with everything that starts within HEADING_KEEP pixels below it."""
    layout = text.documentLayout()
    for block in _blocks(text):
        if block.blockFormat().headingLevel() <= 0:
            continue
        heading = layout.blockBoundingRect(block)
        start, end = heading.bottom() - EPSILON, heading.bottom() + HEADING_KEEP
        following = [span.bottom for span in spans if start <= span.top < end]
        if following:
            yield Span(heading.top(), max(following))


def _paint_page(
    painter: QPainter, text: QTextDocument, page: Page, scale: float, width: float
) -> None:
    painter.save()
    painter.scale(scale, scale)
    offset = 0.0
    if page.header is not None:
        _paint_slice(painter, text, page.header.top, page.header.bottom, 0.0, width)
        offset = page.header.height
    # Qt draws a row's top border just above the row's edge, so a continued row reaches back.
    _paint_slice(painter, text, page.top - page.reach_back, page.bottom, offset, width)
    painter.restore()


def _paint_slice(
    painter: QPainter, text: QTextDocument, top: float, bottom: float, at: float, width: float
) -> None:
    """Draw the document between `top` and `bottom` with `top` placed at `at` on the page.

    The painter clips to the slice; the layout is asked only for blocks reaching well inside
    it. Qt would otherwise also draw a block that merely touches the slice (a heading's bottom
    margin above a repeated table header, the next page's first heading), clipped out of
    sight but still in the PDF's text, where a search, a copy or a screen reader finds it.
    """
    painter.save()
    painter.translate(0, at - top)
    slice_rect = QRectF(0, top, width, bottom - top)
    inset = min(SLICE_INSET, slice_rect.height() / 4)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = slice_rect.adjusted(0, inset, 0, -inset)
    painter.setClipRect(slice_rect)
    text.documentLayout().draw(painter, context)
    painter.restore()


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
