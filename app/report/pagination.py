"""Where the laid-out report may be cut into pages: unbreakable spans, table rows and headers.

The report is laid out once as one long page (app/report/pdf.py); this cuts it into pages only
between text lines and between table rows, never inside a row, and never right after a heading.
Plain QtGui text-document geometry, no painting. Each block's place is asked of the layout once
(`Blocks`): pagination and the tagged PDF's structure both read it many times, and each question
to Qt costs microseconds.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtGui import QColor, QTextBlock, QTextDocument, QTextFormat, QTextTable

from app.report.grid import LINE, Grid

HEADING_KEEP = 64.0  # what starts this close below a heading stays on its page
SHORT_TABLE = 120.0  # tables up to about 3 cm tall are never split (signatures, overdue…)
EPSILON = 0.01


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


@dataclass(frozen=True)
class BlockPlace:
    """A block of the laid-out document and where it lies, in its paint device's units."""

    block: QTextBlock
    left: float
    top: float
    right: float
    bottom: float


class Blocks:
    """Every block of a laid-out document in order (those in table cells included), each with
    its place, asked of the layout once."""

    def __init__(self, text: QTextDocument) -> None:
        self.text = text
        layout = text.documentLayout()
        self.places: list[BlockPlace] = []
        for block in text_blocks(text):
            rect = layout.blockBoundingRect(block)
            self.places.append(
                BlockPlace(block, rect.left(), rect.top(), rect.right(), rect.bottom())
            )
        self.positions = [place.block.position() for place in self.places]

    def within(self, first: int, last: int) -> list[BlockPlace]:
        """The blocks starting between document positions `first` and `last` (a table cell's)."""
        return self.places[bisect_left(self.positions, first) : bisect_right(self.positions, last)]


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


def forced_breaks(blocks: Blocks) -> list[float]:
    """Where the document asks for a new page (CSS `page-break-before: always`)."""
    always = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
    return [
        place.top for place in blocks.places if place.block.blockFormat().pageBreakPolicy() & always
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


def unbreakable_spans(blocks: Blocks, tables: Sequence[TableInfo]) -> list[Span]:
    """What a page break must not cut.

    Text lines; table rows; a table's header with its first row; its last two rows together;
    short tables whole; each heading with the start of what follows it.
    """
    spans = list(_line_spans(blocks))
    for table in tables:
        rows = table.rows
        spans.extend(rows)
        if table.header is not None and len(rows) > 1:
            spans.append(Span(rows[0].top, rows[1].bottom))
        if len(rows) > 3:  # no lonely last row at the top of a page
            spans.append(Span(rows[-2].top, rows[-1].bottom))
        if rows and rows[-1].bottom - rows[0].top <= SHORT_TABLE:
            spans.append(Span(rows[0].top, rows[-1].bottom))
    spans.extend(_heading_spans(blocks, spans))
    return spans


def text_blocks(text: QTextDocument) -> Iterator[QTextBlock]:
    """Every block of the document in order, those inside table cells included."""
    block = text.begin()
    while block.isValid():
        yield block
        block = block.next()


def _line_spans(blocks: Blocks) -> Iterator[Span]:
    for place in blocks.places:
        lines = place.block.layout()
        # Line positions are relative to the block's own layout; the bounding rect places that
        # layout in the document (tables and cells included).
        origin = place.top - lines.boundingRect().top()
        for index in range(lines.lineCount()):
            line = lines.lineAt(index)
            yield Span(origin + line.y(), origin + line.y() + line.height())


def text_tables(text: QTextDocument) -> list[QTextTable]:
    """The document's tables in order (the report nests none)."""
    return [f for f in text.rootFrame().childFrames() if isinstance(f, QTextTable)]


def table_infos(blocks: Blocks) -> tuple[TableInfo, ...]:
    """Each table that has rows: where its rows and header row are."""
    tables = text_tables(blocks.text)
    return tuple(info for table in tables if (info := _table_info(blocks, table)).rows)


def _table_info(blocks: Blocks, table: QTextTable) -> TableInfo:
    rows = _row_spans(blocks, table)
    header = rows[0] if table.format().headerRowCount() and len(rows) > 1 else None
    return TableInfo(tuple(rows), header, table.format().border())


def _row_spans(blocks: Blocks, table: QTextTable) -> list[Span]:
    """Each row from border to border.

    Measured on Qt 6: the line between two rows lies just above the point half-way between
    their texts, and the outer lines lie padding + border beyond the first and last texts.
    """
    contents = [_row_content(blocks, table, row) for row in range(table.rows())]
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


def _row_content(blocks: Blocks, table: QTextTable, row: int) -> Span:
    places: list[BlockPlace] = []
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        places += blocks.within(cell.firstPosition(), cell.lastPosition())
    return Span(min(place.top for place in places), max(place.bottom for place in places))


def _heading_spans(blocks: Blocks, spans: Sequence[Span]) -> list[Span]:
    """A heading stays with everything that starts within HEADING_KEEP pixels below it."""
    by_top = sorted(spans, key=lambda span: span.top)
    tops = [span.top for span in by_top]
    kept = []
    for heading in blocks.places:
        if heading.block.blockFormat().headingLevel() <= 0:
            continue
        start, end = heading.bottom - EPSILON, heading.bottom + HEADING_KEEP
        following = by_top[bisect_left(tops, start) : bisect_left(tops, end)]
        if following:
            kept.append(Span(heading.top, max(span.bottom for span in following)))
    return kept


def table_grid(blocks: Blocks, table: QTextTable) -> Grid | None:
    """Where Qt places the cells of a table laid out with collapsed borders LINE wide."""
    rows, columns = table.rows(), table.columns()
    if not rows or not columns:
        return None
    tops, lefts = [float("inf")] * rows, [float("inf")] * columns
    bottom, right, half = float("-inf"), float("-inf"), LINE / 2
    for row in range(rows):
        for column in range(columns):
            cell = table.cellAt(row, column)
            places = blocks.within(cell.firstPosition(), cell.lastPosition())
            padding = cell.format().toTableCellFormat()
            # A cell's blocks start at its padding, half a line inside its collapsed border;
            # the tallest cell of a row starts at the row's top (the others may sit lower).
            tops[row] = min(tops[row], places[0].top - padding.topPadding() - half)
            lefts[column] = min(lefts[column], places[0].left - padding.leftPadding() - half)
            if row == rows - 1:
                bottom = max(bottom, places[-1].bottom + padding.bottomPadding() + half)
            if column == columns - 1:
                right = max(right, places[0].right + padding.rightPadding() + half)
    brush = table.cellAt(0, 0).format().toTableCellFormat().topBorderBrush()
    colour = brush.color().name(QColor.NameFormat.HexArgb)
    return Grid((*lefts, right), (*tops, bottom), colour)
