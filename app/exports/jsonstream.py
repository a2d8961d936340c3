"""JSON read lazily from bytes: depth and size are checked before anything is parsed.

Exports hold a few small settings files and a few long lists (followers, friends), and some
hold everything in one file (TikTok's user_data_tiktok.json). `json.loads` on such a file
builds every object at once: a 63 MB list of followers becomes well over a gigabyte of Python
objects, and 1,000 nested arrays in a 2 KB file raise RecursionError. So documents are walked
here without being built: an object's entries and an array's elements are found one at a
time, values that are not needed are skipped by scanning their brackets (a loop with a depth
counter, never recursion), and only the small values a reader asks for are parsed with `json`
after their extent and nesting depth were checked.

Everything works on the member's bytes (UTF-8): brackets, quotes and backslashes never occur
inside a multi-byte UTF-8 sequence, so scanning bytes is exact, and no decoded copy of a large
file (up to four bytes per character in Python) is ever made.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

Data = bytes | bytearray  # a member's bytes (read into a growing bytearray)
MAX_DEPTH = 40  # the deepest real export (TikTok's settings) nests about 8 levels
MAX_VALUE_BYTES = 4 * 1024 * 1024  # a settings file or one record, parsed as a whole

_WS = re.compile(rb"[ \t\r\n]*+")
# A string, with escapes; possessive so a damaged file cannot make the scan backtrack.
_STRING = re.compile(rb'"[^"\\]*+(?:\\.[^"\\]*+)*+"', re.DOTALL)
# Everything up to and including the next bracket that is not inside a string.
_TO_BRACKET = re.compile(
    rb'[^\[\]{}"]*+(?:"[^"\\]*+(?:\\.[^"\\]*+)*+"[^\[\]{}"]*+)*+([\[\]{}])', re.DOTALL
)
_SCALAR = re.compile(rb"[^,:\]}\s]*+")


def _nested(levels: int) -> bytes:
    """A pattern for a container nesting at most `levels` deep (strings inside included)."""
    string = rb'"[^"\\]*+(?:\\.[^"\\]*+)*+"'
    inner = rb"(?!)"  # level 0: no container can match
    for _ in range(levels):
        item = rb'(?:[^\[\]{}"]++|' + string + rb"|" + inner + rb")*+"
        inner = rb"(?:\{" + item + rb"\}|\[" + item + rb"\])"
    return inner


# Most records (a follower, a friend) nest three or four levels: one regular-expression match
# finds their end, which is several times faster than the bracket loop. Anything deeper, or
# damaged, falls back to the loop, which counts the depth.
_FAST_LEVELS = 5
_FAST_CONTAINER = re.compile(_nested(_FAST_LEVELS), re.DOTALL)
# A run of array elements, each followed by a comma, found in one match: long lists are
# parsed a batch at a time with one json call instead of one call per record. Runs of 512,
# 64 and 8 elements are tried, the longest within the caller's byte limit.
_ELEMENT = (
    rb"[ \t\r\n]*+(?:"
    + _nested(_FAST_LEVELS)
    + rb'|"[^"\\]*+(?:\\.[^"\\]*+)*+"|-?[0-9][0-9.eE+\-]*+|true|false|null)[ \t\r\n]*+,'
)
_RUNS = tuple(
    re.compile(rb"(?:" + _ELEMENT + rb"){1,%d}+" % count, re.DOTALL) for count in (512, 64, 8)
)
_BOM = b"\xef\xbb\xbf"
_DECODER = json.JSONDecoder()
_KINDS = {ord("{"): "object", ord("["): "array", ord('"'): "string"}


class JsonProblem(Exception):
    """Why a document could not be read; `deep` marks nesting beyond MAX_DEPTH (hostile)."""

    def __init__(self, reason: str, *, deep: bool = False, too_large: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.deep = deep
        self.too_large = too_large


def document(data: Data, start: int = 0) -> Value:
    """The JSON value at `start` (after an optional BOM and white space)."""
    if data.startswith(_BOM, start):
        start += len(_BOM)
    return Value(data, _skip_ws(data, start), 1)


class Value:
    """One JSON value inside `data`, read only as far as asked."""

    __slots__ = ("_data", "_depth", "_end", "start")

    def __init__(self, data: Data, start: int, depth: int) -> None:
        self._data = data
        self.start = start
        self._depth = depth
        self._end: int | None = None
        if depth > MAX_DEPTH:
            raise _too_deep()
        if start >= len(data):
            raise JsonProblem("the file ends where a value should be")

    @property
    def kind(self) -> str:
        """'object', 'array', 'string' or 'scalar' (number, true, false, null)."""
        return _KINDS.get(self._data[self.start], "scalar")

    @property
    def end(self) -> int:
        """Where the value ends (found by scanning, without building it)."""
        if self._end is None:
            self._end = _skip(self._data, self.start, self._depth)
        return self._end

    def load(self, limit: int = MAX_VALUE_BYTES) -> Any:
        """The value as Python objects; its size and depth are checked first."""
        end = self.end
        if end - self.start > limit:
            raise JsonProblem(
                f"one value is {(end - self.start) / 2**20:.1f} MB, larger than any in a real "
                "export",
                too_large=True,
            )
        return _decode(self._data[self.start : end])

    def entries(self) -> Iterator[tuple[str, Value]]:
        """An object's keys and values, in file order; values are read only if asked."""
        data = self._data
        if self.kind != "object":
            raise JsonProblem("an object was expected")
        position = _skip_ws(data, self.start + 1)
        if data[position : position + 1] == b"}":
            self._end = position + 1
            return
        while True:
            key, position = _key(data, position)
            child = Value(data, position, self._depth + 1)
            yield key, child
            position = _skip_ws(data, child.end)
            position = self._after_item(position, b"}")
            if position < 0:
                return

    def elements(self) -> Iterator[Value]:
        """An array's elements, in file order; each is read only if asked."""
        data = self._data
        if self.kind != "array":
            raise JsonProblem("a list was expected")
        position = _skip_ws(data, self.start + 1)
        if data[position : position + 1] == b"]":
            self._end = position + 1
            return
        while True:
            child = Value(data, position, self._depth + 1)
            yield child
            position = self._after_item(_skip_ws(data, child.end), b"]")
            if position < 0:
                return

    def loaded_elements(self, limit: int = MAX_VALUE_BYTES) -> Iterator[Any]:
        """An array's elements as Python values, for long lists of small records.

        At most `limit` bytes are parsed at once (a batch of small elements, or one element);
        an element larger than that raises JsonProblem.
        """
        data = self._data
        if self.kind != "array":
            raise JsonProblem("a list was expected")
        position = _skip_ws(data, self.start + 1)
        if data[position : position + 1] == b"]":
            self._end = position + 1
            return
        fast = self._depth + _FAST_LEVELS <= MAX_DEPTH
        while True:
            end = _batch_end(data, position, limit) if fast else -1
            if end > 0:
                yield from _decode(b"[" + data[position : end - 1] + b"]")
                position = end
                continue
            child = Value(data, _skip_ws(data, position), self._depth + 1)
            yield child.load(limit)
            position = self._after_item(_skip_ws(data, child.end), b"]")
            if position < 0:
                return

    def _after_item(self, position: int, closer: bytes) -> int:
        """The next item's start after a ',', or -1 at the closing bracket (end recorded)."""
        separator = self._data[position : position + 1]
        if separator == b",":
            return _skip_ws(self._data, position + 1)
        if separator == closer:
            self._end = position + 1
            return -1
        raise JsonProblem(f"not valid JSON (unexpected {bytes(separator)!r} at byte {position})")

    def get(self, key: str) -> Value | None:
        """The first entry named `key` of an object, or None."""
        return next((value for name, value in self.entries() if name == key), None)


def load_whole(data: Data, limit: int = MAX_VALUE_BYTES) -> Any:
    """A small document parsed at once, after the same depth and size checks."""
    return document(data).load(limit)


def _batch_end(data: Data, position: int, limit: int) -> int:
    """The end (after its last comma) of the longest run of small elements at `position`
    within `limit` bytes, or -1 (the last element, or a large or deep one, comes next)."""
    for run in _RUNS:
        match = run.match(data, position)
        if match is None:
            return -1  # not even one small element: the longer runs cannot match either
        if match.end() - position <= limit:
            return match.end()
    return -1


def _decode(data: Data) -> Any:
    try:
        return _DECODER.decode(data.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as error:  # JSONDecodeError is a ValueError
        raise JsonProblem(f"not valid JSON ({_short(error)})") from None


def _skip_ws(data: Data, position: int) -> int:
    match = _WS.match(data, position)
    return match.end() if match else position


def _key(data: Data, position: int) -> tuple[str, int]:
    match = _STRING.match(data, position)
    if match is None:
        raise JsonProblem(f"not valid JSON (a key was expected at byte {position})")
    try:
        key = json.loads(match.group())
    except (ValueError, UnicodeDecodeError):
        raise JsonProblem(f"not valid JSON (a damaged key at byte {position})") from None
    position = _skip_ws(data, match.end())
    if data[position : position + 1] != b":":
        raise JsonProblem(f"not valid JSON (':' expected at byte {position})")
    return str(key), _skip_ws(data, position + 1)


def _skip(data: Data, start: int, depth: int) -> int:
    """The end of the value at `start`. Containers are scanned bracket by bracket with a
    counter; going deeper than MAX_DEPTH stops the scan before anything is built."""
    first = data[start : start + 1]
    if first == b'"':
        match = _STRING.match(data, start)
        if match is None:
            raise JsonProblem("not valid JSON (a text value never ends)")
        return match.end()
    if first not in (b"[", b"{"):
        end = _SCALAR.match(data, start)
        assert end is not None  # the pattern matches the empty string
        if end.end() == start:
            raise JsonProblem(f"not valid JSON (unexpected {bytes(first)!r} at byte {start})")
        return end.end()
    if depth + _FAST_LEVELS - 1 <= MAX_DEPTH and (fast := _FAST_CONTAINER.match(data, start)):
        return fast.end()
    level, position = 0, start
    while True:
        match = _TO_BRACKET.match(data, position)
        if match is None:
            raise JsonProblem("not valid JSON (the file ends inside a list or object)")
        position = match.end()
        if match.group(1) in (b"[", b"{"):
            level += 1
            if depth + level - 1 > MAX_DEPTH:
                raise _too_deep()
        else:
            level -= 1
            if level == 0:
                return position


def _too_deep() -> JsonProblem:
    return JsonProblem(
        f"it nests lists or objects more than {MAX_DEPTH} levels deep, which no platform's "
        "export does",
        deep=True,
    )


def _short(error: Exception) -> str:
    if isinstance(error, json.JSONDecodeError):
        return f"{error.msg} at line {error.lineno}"
    return "text that is not UTF-8"
