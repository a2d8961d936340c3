"""The lines of the report's bordered tables on paper, drawn once per table and page slice.

Qt draws a table's collapsed borders (report.css's `table.grid`) cell by cell, and works out
each edge of each cell against its neighbours' (which of two touching borders wins, where each
one starts and ends); for the report's few hundred cells that was ~45 % of drawing it. On paper
the grid's cells are given `border-style: none` instead (app/report/pdf.py): Qt keeps their
border width in the layout, so nothing moves, but draws no border, and pdf.py draws these
lines instead, each whole: every vertical line once, every horizontal one once.

Where Qt 6 puts a collapsed border of width 1 (qtextdocumentlayout.cpp, `drawCellBorder`):
a cell drawn at [x0, x1) × [y0, y1) gets its top line at y0 - 1 from x0 to x1 - 1, its left
line at x0 - 1 from y0 - 1 to y1 - 1 (to y1 in the table's last row), its right line at x1 - 1,
and its bottom line at y1 - 1; neighbours draw the shared lines again. The union over the
drawn rows is what `grid_lines` returns, so the page is the same to the pixel. Qt draws the
cells of the rows that reach into the paint context's clip; so does `Grid.lines`.
Plain geometry; `pagination.table_grid` reads a laid-out table's into a `Grid`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import pairwise

LINE = 1.0  # the only border width drawn here; report.css gives table.grid 1px
Rect = tuple[float, float, float, float]  # left, top, width, height


@dataclass(frozen=True)
class Grid:
    """A bordered table as Qt places its cells: the columns' left edges and the last column's
    right edge (`xs`), the rows' top edges and the last row's bottom edge (`ys`), and the
    colour of its lines (#rrggbb or #aarrggbb)."""

    xs: tuple[float, ...]
    ys: tuple[float, ...]
    colour: str

    def lines(self, top: float, bottom: float) -> list[Rect]:
        """The lines of the rows Qt would draw for a paint clip from `top` to `bottom`."""
        ys = self.ys
        # Qt draws a cell whose rect, grown by half a line, overlaps the clip.
        first = max(bisect_right(ys, top - LINE / 2) - 1, 0)
        end = min(bisect_left(ys, bottom + LINE / 2), len(ys) - 1)
        if first >= end:
            return []
        return grid_lines(self.xs, ys[first : end + 1], last=end == len(ys) - 1)


def grid_lines(xs: tuple[float, ...], ys: tuple[float, ...], last: bool) -> list[Rect]:
    """The lines of consecutive rows with edges `ys` (`last`: they end the table)."""
    left, right = xs[0] - LINE, xs[-1]
    bottom = ys[-1] if last else ys[-1] - LINE
    lines = [(x - LINE, ys[0] - LINE, LINE, bottom - ys[0] + LINE) for x in xs]
    lines += [(left, y - LINE, right - left, LINE) for y in ys[:-1]]
    if last:
        lines.append((left, ys[-1] - LINE, right - left, LINE))
    else:  # the line under a row whose next row is not drawn has gaps where columns meet
        lines += [(x0, ys[-1] - LINE, x1 - x0 - LINE, LINE) for x0, x1 in pairwise(xs)]
    return lines
