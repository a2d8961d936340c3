"""The report's logical structure for a tagged PDF: headings, paragraphs, tables and lists in
reading order, and where each block of text lies on the laid-out page.

Qt's PDF writer cannot tag (Qt 6.11), so app/report/tagged.py marks the painted text afterwards
and needs to know, for a run of text painted at a point, which element it belongs to. Both come
from the laid-out QTextDocument (QtGui only, nothing painted here).

Tables are told apart by the class html.py gives them (the document keeps no class): a `grid`
has a header row, `details` holds label/value pairs with the labels in its first column,
and `summary` and `signatures` only lay text out, so their cells read as paragraphs.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.report.pagination import BlockPlace, Blocks, text_tables

TABLE_CLASS = re.compile(r'<table class="([a-z]+)"')
LAYOUT_TABLES = frozenset({"summary", "signatures"})
LABEL_COLUMNS = {"details": frozenset({0})}
BUCKET = 32.0  # layout pixels: a box is filed under every band this tall that it touches


@dataclass(eq=False)
class Element:
    """A structure element: its standard type (H1, P, Table, TR, TH, TD, L, LI, LBody, …), its
    child elements in reading order, and for a header cell what it heads."""

    kind: str
    children: list[Element] = field(default_factory=list)
    scope: str = ""  # "Column" or "Row" for a TH

    def add(self, kind: str, scope: str = "") -> Element:
        """A new child of this element, after those it has."""
        child = Element(kind, scope=scope)
        self.children.append(child)
        return child


@dataclass(frozen=True)
class BlockBox:
    """Where a block of text lies in layout pixels, and the element its text belongs to."""

    left: float
    top: float
    right: float
    bottom: float
    element: Element


class ReportStructure:
    """The structure tree of a laid-out report, and which element owns the text at a point."""

    def __init__(self, root: Element, boxes: Sequence[BlockBox]) -> None:
        self.root = root
        self._bands: dict[int, list[BlockBox]] = defaultdict(list)
        for box in boxes:
            for band in range(int(box.top // BUCKET), int(box.bottom // BUCKET) + 1):
                self._bands[band].append(box)

    def element_at(self, x: float, y: float) -> Element | None:
        """The element whose block holds the point (layout pixels), or, for a list's number
        painted left of its item, the block on that line nearest to it; None if none is."""
        level = [box for box in self._bands.get(int(y // BUCKET), ()) if box.top <= y <= box.bottom]
        if not level:
            return None
        nearest = min(level, key=lambda box: max(box.left - x, 0.0, x - box.right))
        return nearest.element


def report_structure(blocks: Blocks, html: str) -> ReportStructure:
    """The structure of the laid-out `blocks`, rendered from `html` (for its tables' classes)."""
    builder = _Builder(blocks, TABLE_CLASS.findall(html))
    for place in blocks.places:
        if place.block.text().strip():
            builder.place(place)
    return ReportStructure(builder.root, builder.boxes)


class _Builder:
    """Walks the blocks in document order, which is reading order, growing the tree. Tables
    are known by their number in the document; what is asked of Qt about them, once."""

    def __init__(self, blocks: Blocks, table_classes: Sequence[str]) -> None:
        self.root = Element("Document")
        self.boxes: list[BlockBox] = []
        self.all_tables = tables = text_tables(blocks.text)
        # Where each table begins and ends in the document: which one holds a block, if any.
        self.table_starts = [table.firstPosition() for table in tables]
        self.table_ends = [table.lastPosition() for table in tables]
        self.header_rows = [table.format().headerRowCount() for table in tables]
        self.classes = list(table_classes)
        self.tables: dict[int, Element] = {}
        self.rows: dict[tuple[int, int], Element] = {}
        self.cells: dict[tuple[int, int, int], Element] = {}
        self.lists: dict[int, Element] = {}

    def place(self, place: BlockPlace) -> None:
        block = place.block
        table = self._table_at(block.position())
        if table is not None:
            element = self._cell(table, block.position())
        elif (text_list := block.textList()) is not None:
            key = text_list.item(0).position()
            items = self.lists.get(key) or self.lists.setdefault(key, self.root.add("L"))
            element = items.add("LI").add("LBody")
        else:
            level = block.blockFormat().headingLevel()
            element = self.root.add(f"H{min(level, 6)}" if level > 0 else "P")
        self.boxes.append(BlockBox(place.left, place.top, place.right, place.bottom, element))

    def _table_at(self, position: int) -> int | None:
        """The number of the table whose cells hold this document position, if one does."""
        index = bisect_right(self.table_starts, position) - 1
        if index >= 0 and position <= self.table_ends[index]:
            return index
        return None

    def _cell(self, table: int, position: int) -> Element:
        cell = self.all_tables[table].cellAt(position)
        key = (table, cell.row(), cell.column())
        if key in self.cells:
            return self.cells[key]
        kind = self.classes[table] if table < len(self.classes) else "grid"
        if kind in LAYOUT_TABLES:  # layout only: each cell is a paragraph
            return self.cells.setdefault(key, self.root.add("P"))
        whole = self.tables.get(table) or self.tables.setdefault(table, self.root.add("Table"))
        row = self.rows.get(key[:2]) or self.rows.setdefault(key[:2], whole.add("TR"))
        if key[1] < self.header_rows[table]:
            element = row.add("TH", scope="Column")
        elif key[2] in LABEL_COLUMNS.get(kind, ()):
            element = row.add("TH", scope="Row")
        else:
            element = row.add("TD")
        self.cells[key] = element
        return element
