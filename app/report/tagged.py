"""Tags the report's PDF after Qt has written it: a structure tree in reading order, the
document's language, and every other mark on the page set aside as an artifact.

Qt 6.11's PDF writer cannot tag, so this rewrites each page's content stream with pikepdf
(qpdf). Qt writes each run of text (one format, one line) as its own text object starting
`<font> Tf <matrix> Tm <x> <y> Td`, in device pixels of the page's printable area; the run's
first point tells which block of the laid-out report it came from (app/report/structure.py),
and so which heading, paragraph or table cell. The run is then wrapped in `/TD <</MCID n>> BDC
… EMC` and the element lists it. Text outside the page's slice of the document (a repeated
table header, the footer, a clipped-out line of a block cut by a page break) and every drawn
rule, border and shading become artifacts, which screen readers skip.

References: ISO 32000-1 §14.6 (marked content, which must nest separately from BT/ET) and
§14.7–14.8 (structure tree, ParentTree, standard types; TH's /Scope in §14.8.5.7).
"""

from __future__ import annotations

import io
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import pikepdf
from pikepdf import Array, Dictionary, Name

from app.report.structure import Element, ReportStructure

Matrix = tuple[float, ...]
LANGUAGE = "en-GB"  # the report's wording is British English (app/report/wording.py)
NUMBER = rb"(-?[\d.]+)"
START = re.compile(rb" ".join([NUMBER] * 6) + rb" Tm\s+" + NUMBER + rb" " + NUMBER + rb" Td")
# One pass over a page's content finds, in order, what tagging must see (ISO 32000-1 §8.2):
# - a text object, BT … ET, whole: it is one run of text;
# - a painted path: built from m/l/c/v/y/re/h lines, ended by a painting operator (a clipping
#   path ends with `W n` and stays unmarked: q/Q may not occur inside a marked clipping path);
# - q, Q and cm: Qt's first cm, before any q, turns device pixels into PDF points; the later
#   ones (inside q … Q) move a drawing within the page, in device pixels.
# Each match ends before the newline that ends its line (the next may start there). Qt puts q,
# Q and cm at the start of their lines, so QT_OPERATOR looks only just after a newline, which is
# much faster than OPERATOR, which looks everywhere; `_PageMarker.mark` checks that every q, Q
# and cm was seen, or walks again with OPERATOR. The walk is the tagging's main cost.
PATH = rb"[-\d. ]+ (?:m|re)\n(?:[-\d. ]+ (?:[lcvym]|re)\n|h\n)*(?:f\*?|F|S|s|B\*?|b\*?)(?=\n)"
OPERATOR = re.compile(
    rb"(?P<single>^BT\n.*?^ET)(?=\n)|(?P<path>^" + PATH + rb")"
    rb"|(?<!\S)(?:(?P<cm>cm)|(?P<moves>[qQ]))(?!\S)",
    re.MULTILINE | re.DOTALL,
)
# Most of Qt's q … Q only set colours and lines for a drawing that draws nothing (a border of
# width 0): with no text, no painting and no q or Q inside, such a group changes nothing, and
# one match passes over it. Each of Qt's fills (a cell's shading, a border) is one path in two
# such groups, `q <brush> q <cm> <path> Q Q`, and each run of text is one text object in one,
# `q <cm> <brush> BT … ET Q`: one match each too. (A Python step per q and Q was most of the
# walk's time.)
IDLE_LINE = rb"(?!(?:BT|f\*?|F|S|s|B\*?|b\*?)\n)[^\nqQ][^\n]*\n"
IDLE_LINES = rb"(?:" + IDLE_LINE + rb")*"
QT_OPERATOR = re.compile(
    # A group's own lines, taken possessively (Python 3.11): no line taken could start what
    # ends the group (Q), fills it (q) or writes in it (BT), so trying with fewer is waste.
    rb"\n(?:q\n(?:" + IDLE_LINE + rb")*+"
    rb"(?:(?P<idle>Q)|q\n" + IDLE_LINES + rb"(?P<filled>" + PATH + rb")\nQ\nQ(?P<fill>)"
    # A text object alone in its group: never across a second BT, or two objects would be
    # taken for one and both marked as the first one's.
    rb"|(?P<text>BT\n(?:(?!\nBT\n).)*?\nET)\nQ(?P<grouped>))(?=\n)"
    rb"|(?P<single>BT\n.*?\nET)(?=\n)|(?P<path>" + PATH + rb")"
    rb"|(?P<moves>[qQ](?: [qQ])*)(?=\n)|[-\d. ]+ (?P<cm>cm)(?=\n))",
    re.DOTALL,
)
SAVE, RESTORE = ord("q"), ord("Q")  # as bytes iterate
OPERANDS_REACH = 200  # bytes before a cm that hold its six numbers, as Qt writes them
IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
ARTIFACT = b"/Artifact BMC\n"
FOOTER = b"/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n"
END = b"EMC\n"


@dataclass(frozen=True)
class PageWindow:
    """What a page shows of the laid-out document, in layout pixels: from `top` to `bottom`,
    placed `offset` below the top of the printable area (under a repeated table header)."""

    top: float
    bottom: float
    offset: float


def tag_pdf(
    data: bytes,
    structure: ReportStructure,
    windows: Sequence[PageWindow],
    scale: float,
    footer_top: float,
) -> bytes:
    """Qt's PDF `data` tagged with `structure`; `windows` says what each page shows, `scale`
    how many device pixels make a layout pixel, `footer_top` where the footer band begins."""
    pdf = pikepdf.Pdf.open(io.BytesIO(data))
    owned_by_page: list[list[Element]] = []
    for index, (page, window) in enumerate(zip(pdf.pages, windows, strict=True)):
        marker = _PageMarker(structure, window, scale, footer_top)
        page.obj.Contents = pdf.make_stream(marker.mark(page.obj.Contents.read_bytes()))
        page.obj.StructParents = index
        page.obj.Tabs = Name.S  # tab through annotations in structure order
        owned_by_page.append(marker.owned)
    _write_tree(pdf, structure.root, owned_by_page)
    pdf.Root.Lang = LANGUAGE
    pdf.Root.MarkInfo = Dictionary(Marked=True)
    pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    out = io.BytesIO()
    # The tree's hundreds of small objects go in compressed object streams (PDF 1.5): the
    # file is half the size, and written faster.
    pdf.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()


class _PageMarker:
    """Wraps one page's text runs in marked content for their elements, the rest as artifacts."""

    def __init__(
        self, structure: ReportStructure, window: PageWindow, scale: float, footer_top: float
    ) -> None:
        self.structure, self.window = structure, window
        self.scale, self.footer_top = scale, footer_top
        self.owned: list[Element] = []  # by MCID
        self.matrices: list[Matrix] = [IDENTITY]  # device-pixel transform at each q depth
        self.baseline: float | None = None  # of the latest run of text
        # The walk: what is marked so far, up to where, and the marked sequence still open.
        self.parts: list[bytes] = []
        self.done, self.painted = 1, False  # painted: a path drawn since the last run of text
        self.open_element: Element | None = None
        self.line: float | None = None  # the baseline of the last run of text

    def mark(self, content: bytes) -> bytes:
        """The page's content with its text runs marked. Runs of one element on one line with
        nothing drawn between them (a bold word, then the rest of the line) share a sequence;
        lines do not, or readers join the last word of a line to the first of the next."""
        lines = b"\n" + content  # so that the first line, too, starts after a newline
        marked, seen = self._marked(lines, QT_OPERATOR)
        if seen != content.count(b"q") + content.count(b"Q") + content.count(b"cm"):
            self.owned, self.matrices = [], [IDENTITY]  # some were not at a line's start
            marked, _ = self._marked(lines, OPERATOR)
        return marked

    def _marked(self, lines: bytes, operator: re.Pattern[bytes]) -> tuple[bytes, int]:
        """`lines` (starting with a newline) marked, without that newline, and how many q, Q
        and cm operators were followed."""
        self.parts, self.done, self.painted, self.open_element, self.line = [], 1, False, None, None
        seen = 0
        for found in operator.finditer(lines):
            kind = found.lastgroup
            if kind == "single" or kind == "path":
                start, end = found.start(kind), found.end(kind) + 1  # with its newline
                self._mark_run(lines, start, end, kind == "path")
            elif kind == "grouped":
                seen += self._mark_grouped_run(lines, found)
            elif kind == "fill":
                start, end = found.start("filled"), found.end("filled") + 1
                self._mark_run(lines, start, end, path=True)
                seen += 4 + found.group().count(b"cm")
            else:
                seen += self._follow(lines, found, kind)
        self.parts.append(lines[self.done :])
        return b"".join(self.parts), seen

    def _mark_grouped_run(self, lines: bytes, found: re.Match[bytes]) -> int:
        """Mark a text object drawn in its own q … Q, moved by the cm lines before it there;
        how many q, Q and cm operators that group holds."""
        start, end = found.start("text"), found.end("text") + 1
        moves = [
            line for line in lines[found.start() : start].split(b"\n") if line.endswith(b" cm")
        ]
        self.matrices.append(self.matrices[-1])
        for move in moves:
            operands = tuple(float(number) for number in move.split()[-7:-1])
            self.matrices[-1] = _then(operands, self.matrices[-1])
        self._mark_run(lines, start, end, path=False)
        self.matrices.pop()
        return 2 + len(moves)

    def _follow(self, lines: bytes, found: re.Match[bytes], kind: str | None) -> int:
        """Follow a q, Q or cm, or a q … Q that changes nothing; how many operators it holds."""
        matrices = self.matrices
        if kind == "idle":
            return 2 + found.group().count(b"cm")
        if kind == "cm":
            if len(matrices) > 1:  # Qt's first cm, before any q, is the page's own
                at = found.start("cm")
                operands = lines[max(0, at - OPERANDS_REACH) : at].split()[-6:]
                matrices[-1] = _then(tuple(float(number) for number in operands), matrices[-1])
            return 1
        moves = found.group("moves")
        for move in moves:
            if move == SAVE:
                matrices.append(matrices[-1])
            elif move == RESTORE and len(matrices) > 1:  # the page's own state stays
                matrices.pop()
        return (len(moves) + 1) // 2

    def _mark_run(self, lines: bytes, start: int, end: int, path: bool) -> None:
        """Mark the painted path or text object at lines[start:end]."""
        run, between = lines[start:end], lines[self.done : start]
        self.done = end
        if path:
            self.parts += [between, ARTIFACT, run, END]
            self.painted = True
            return
        previous_line, owner = self.line, self._owner_of(run, self.open_element)
        self.line = self.baseline
        same_line = previous_line is not None and previous_line == self.line
        if owner is self.open_element and same_line and not self.painted:
            self.parts[-1:] = [between, run, END]  # the open sequence goes on
        elif isinstance(owner, Element):
            self.owned.append(owner)
            opening = f"/{owner.kind} <</MCID {len(self.owned) - 1}>> BDC\n"
            self.parts += [between, opening.encode("ascii"), run, END]
            self.open_element = owner
        else:
            self.parts += [between, owner, run, END]
            self.open_element = None
        self.painted = False

    def _owner_of(self, text_object: bytes, previous: Element | None) -> Element | bytes:
        """The element a run of text belongs to, or the opening of its artifact."""
        start = START.search(text_object)
        self.baseline = None
        if start is None:  # not as Qt writes text: keep it readable, with what came before
            return previous or ARTIFACT
        a, b, c, d, e, f, x, y = (float(number) for number in start.groups())
        text_x, text_y = a * x + c * y + e, b * x + d * y + f
        a, b, c, d, e, f = self.matrices[-1]
        device_x = (a * text_x + c * text_y + e) / self.scale
        device_y = (b * text_x + d * text_y + f) / self.scale
        self.baseline = round(device_y, 1)
        window = self.window
        shown = window.offset - 1 <= device_y <= window.offset + window.bottom - window.top + 1
        if not shown:
            return FOOTER if device_y >= self.footer_top else ARTIFACT
        element = self.structure.element_at(device_x, device_y - window.offset + window.top)
        return element or ARTIFACT


def _then(first: Matrix, second: Matrix) -> Matrix:
    """The transform that applies `first`, then `second` (PDF's a b c d e f)."""
    a1, b1, c1, d1, e1, f1 = first
    a2, b2, c2, d2, e2, f2 = second
    return (
        a2 * a1 + c2 * b1,
        b2 * a1 + d2 * b1,
        a2 * c1 + c2 * d1,
        b2 * c1 + d2 * d1,
        a2 * e1 + c2 * f1 + e2,
        b2 * e1 + d2 * f1 + f2,
    )


def _write_tree(
    pdf: pikepdf.Pdf, root: Element, owned_by_page: Sequence[Sequence[Element]]
) -> None:
    """The StructTreeRoot, each element with its marked content, and the ParentTree that leads
    from a page's marked content back to its elements."""
    pages = [page.obj for page in pdf.pages]
    content: dict[Element, list[tuple[int, int]]] = defaultdict(list)
    for page_index, owned in enumerate(owned_by_page):
        for mcid, element in enumerate(owned):
            content[element].append((page_index, mcid))
    objects: dict[Element, pikepdf.Object] = {}
    tree_root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))

    def build(element: Element, parent: pikepdf.Object) -> pikepdf.Object:
        kind = Name(f"/{element.kind}")
        entry = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=kind, P=parent))
        if element.scope:
            entry.A = Dictionary(O=Name.Table, Scope=Name(f"/{element.scope}"))
        kids: list[object] = [build(child, entry) for child in element.children]
        marked = content.get(element, [])
        if marked:
            entry.Pg = pages[marked[0][0]]
        if all(page_index == marked[0][0] for page_index, _ in marked):
            kids += [mcid for _, mcid in marked]  # on the element's own page (Pg): a number
        else:  # across pages: each with its page (a cell split by a page break)
            kids += [
                Dictionary(Type=Name.MCR, Pg=pages[page_index], MCID=mcid)
                for page_index, mcid in marked
            ]
        entry.K = Array(kids)
        objects[element] = entry
        return entry

    tree_root.K = build(root, tree_root)
    nums: list[object] = []
    for page_index, owned in enumerate(owned_by_page):
        nums += [page_index, Array([objects[element] for element in owned])]
    tree_root.ParentTree = pdf.make_indirect(Dictionary(Nums=Array(nums)))
    tree_root.ParentTreeNextKey = len(owned_by_page)
    pdf.Root.StructTreeRoot = tree_root
