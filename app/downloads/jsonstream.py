"""JSON read as a stream of parse events (ijson), with depth and size checked on the stream.

Exports hold a few small settings files and a few long lists (followers, friends), and some
hold everything in one file (TikTok's user_data_tiktok.json). `json.loads` on such a file
builds every object at once: a 63 MB list of followers becomes well over a gigabyte of Python
objects, and 1,000 nested arrays in a 2 KB file raise RecursionError. So documents are read
here as ijson's events (its C parser over yajl2, or its pure-Python fallback): a value is
built only when a reader asks for it, values nobody asks for are passed over without being
built, and the nesting depth and the size of what is built are counted as the events arrive,
so a hostile file is refused before it costs anything.

The parsing itself is ijson's — a maintained parser of hostile input, rather than one of our
own. What stays here is the walk: a `Value` is a place in a forward pass over the document.
The readers walk each document once, in file order (an object's entries, an array's
elements), which costs one pass; a value read again, or after the pass has gone beyond it,
starts a pass of its own from the top of the document to its place.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import ijson

Data = bytes | bytearray  # a member's bytes (read into a growing bytearray)
MAX_DEPTH = 40  # the deepest real export (TikTok's settings) nests about 8 levels
MAX_VALUE_BYTES = 4 * 1024 * 1024  # a settings file or one record, built as a whole

_BOM = b"\xef\xbb\xbf"
_CHUNK = 16 * 1024  # what ijson asks for at a time: no copy of a large member is made
_OPEN = frozenset(("start_map", "start_array"))
_CLOSE = frozenset(("end_map", "end_array"))
_KINDS = {"start_map": "object", "start_array": "array", "string": "string"}


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
    events = _Events(data, start)
    return Value(events, events.next())


def load_whole(data: Data, limit: int = MAX_VALUE_BYTES) -> Any:
    """A small document built at once, with the same depth and size checks."""
    return document(data).load(limit)


def empty_list() -> Value:
    """A fresh empty array, for a reader whose file said "no list" (null)."""
    return document(b"[]")


class _Reader:
    """A file-like view of `data` from `start`, read a chunk at a time (no whole copy)."""

    def __init__(self, data: Data, start: int) -> None:
        self._view = memoryview(data)
        self._position = start

    def read(self, size: int = -1) -> bytes:
        end = len(self._view) if size < 0 else self._position + size
        chunk = bytes(self._view[self._position : end])
        self._position += len(chunk)
        return chunk


class _Events:
    """One forward pass over a document's parse events, with the nesting depth counted."""

    def __init__(self, data: Data, start: int) -> None:
        self._data = data
        self._start = start
        # Numbers come as int or Decimal (yajl's own integers stop at 64 bits); a Decimal is
        # turned into the float json.loads would give, so values match the standard library.
        self.source = ijson.basic_parse(_Reader(data, start), buf_size=_CHUNK)
        self.depth = 0  # containers open at the current event
        self.count = 0  # events taken so far: where the pass is

    def new_pass_to(self, count: int) -> _Events:
        """A new pass over the same document, standing after its first `count` events."""
        events = _Events(self._data, self._start)
        while events.count < count:
            events.next()
        return events

    def next(self) -> tuple[str, Any]:
        """The next event; JsonProblem for a damaged, deep or truncated document."""
        try:
            event, value = next(self.source)
        except StopIteration:
            raise JsonProblem("the file ends where a value should be") from None
        except ijson.JSONError as error:
            raise JsonProblem(_reason(error)) from None
        self.count += 1
        if event == "number" and type(value) is Decimal:
            value = float(value)
        elif event in _OPEN:
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise _too_deep()
        elif event in _CLOSE:
            self.depth -= 1
        return event, value


class Value:
    """One JSON value in a document's pass, read only as far as asked."""

    __slots__ = ("_events", "_level", "_mark", "_scalar", "kind")

    def __init__(self, events: _Events, first: tuple[str, Any]) -> None:
        event, value = first
        self._events = events
        self.kind = _KINDS.get(event, "scalar")
        self._scalar = value
        self._level = events.depth  # a container's own depth; its end brings the pass below
        self._mark = events.count  # where a container's contents start in the pass

    def load(self, limit: int = MAX_VALUE_BYTES) -> Any:
        """The value as Python objects; its size and depth are checked as it is built."""
        if self.kind in ("string", "scalar"):
            return _checked_scalar(self._scalar, limit)
        return _build(self._contents(), self.kind == "object", limit)

    def entries(self) -> Iterator[tuple[str, Value]]:
        """An object's keys and values, in file order; values are built only if asked."""
        if self.kind != "object":
            raise JsonProblem("an object was expected")
        events = self._contents()
        while True:
            event, key = events.next()
            if event == "end_map":
                return
            child = Value(events, events.next())
            yield key, child
            child.pass_over(events)

    def elements(self) -> Iterator[Value]:
        """An array's elements, in file order; each is built only if asked."""
        if self.kind != "array":
            raise JsonProblem("a list was expected")
        events = self._contents()
        while True:
            first = events.next()
            if first[0] == "end_array":
                return
            child = Value(events, first)
            yield child
            child.pass_over(events)

    def loaded_elements(self, limit: int = MAX_VALUE_BYTES) -> Iterator[Any]:
        """An array's elements as Python values, for long lists of small records.

        Each element is built on its own; one larger than `limit` bytes raises JsonProblem.
        The hot path of reading a long list: elements are built straight from the events,
        without a Value for each.
        """
        if self.kind != "array":
            raise JsonProblem("a list was expected")
        events = self._contents()
        while True:
            event, value = events.next()
            if event == "end_array":
                return
            if event == "start_map" or event == "start_array":
                yield _build(events, event == "start_map", limit)
            else:
                yield _checked_scalar(value, limit)

    def get(self, key: str) -> Value | None:
        """The first entry named `key` of an object, or None."""
        return next((value for name, value in self.entries() if name == key), None)

    def _contents(self) -> _Events:
        """A pass standing at this container's contents: the one it was found in, while that
        still stands there (the usual walk), else a new one."""
        if self._events.count != self._mark:
            self._events = self._events.new_pass_to(self._mark)
        return self._events

    def pass_over(self, events: _Events) -> None:
        """Take the rest of this value's events from `events`, unbuilt (what was not read is
        skipped)."""
        if self.kind in ("object", "array"):
            while events.depth >= self._level:
                events.next()


def _build(events: _Events, is_object: bool, limit: int) -> Any:
    """The container whose start event was just taken, built from the events that follow.

    A loop with an explicit stack, never recursion; depth and size are counted as the events
    arrive, so a deep or huge value stops before it is all in memory. This is the hot loop of
    reading a long list, so it takes ijson's events itself rather than through `next`, and
    tests the commonest events first."""
    container: Any = {} if is_object else []
    stack: list[tuple[Any, Any]] = []  # the enclosing containers, each with its pending key
    key: Any = None
    size, depth, taken = 1, events.depth, 0
    try:
        for event, value in events.source:
            taken += 1
            if event == "map_key":
                key = value
                size += len(value) + 4
                continue
            if event == "string":
                size += len(value) + 3
            elif event == "end_map" or event == "end_array":
                depth -= 1
                if not stack:
                    break
                container, key = stack.pop()
                continue
            elif event == "start_map" or event == "start_array":
                depth += 1
                if depth > MAX_DEPTH:
                    raise _too_deep()
                size += 1
                if size > limit:
                    raise _too_large(size)
                child: Any = {} if event == "start_map" else []
                if type(container) is dict:
                    container[key] = child
                else:
                    container.append(child)
                stack.append((container, key))
                container, key = child, None
                continue
            else:
                size += 8
                if event == "number" and type(value) is Decimal:
                    value = float(value)
            if size > limit:
                raise _too_large(size)
            if type(container) is dict:
                container[key] = value
            else:
                container.append(value)
        else:
            raise JsonProblem("the file ends where a value should be")
    except ijson.JSONError as error:
        raise JsonProblem(_reason(error)) from None
    finally:
        events.depth, events.count = depth, events.count + taken
    return container


def _checked_scalar(value: Any, limit: int) -> Any:
    """A number, text, true, false or null; text longer than `limit` raises JsonProblem."""
    if isinstance(value, str) and len(value) > limit:
        raise _too_large(len(value))
    return value


def _too_deep() -> JsonProblem:
    return JsonProblem(
        f"it nests lists or objects more than {MAX_DEPTH} levels deep, which no platform's "
        "export does",
        deep=True,
    )


def _too_large(size: int) -> JsonProblem:
    return JsonProblem(
        f"one value is over {size / 2**20:.1f} MB, larger than any in a real export",
        too_large=True,
    )


# The first line of yajl's message, which ijson passes on ("parse error: premature EOF"),
# said in the words the rest of Footprint uses. Unknown messages keep yajl's own first line.
_REASONS = (
    ("premature eof", "the file ends inside a list, an object or a text value"),
    ("invalid bytes in utf8", "text that is not UTF-8"),
    ("separated by a colon", "':' expected between a key and its value"),
    ("trailing garbage", "more follows the end of the document"),
)


def _reason(error: Exception) -> str:
    # yajl's message quotes the damaged input after its first line (and ijson sometimes
    # passes it on as the repr of bytes, with literal "\\n"): only the first line is kept,
    # so no text from the file reaches the message.
    text = str(error).removeprefix("b'").removeprefix('b"')
    first_line = text.replace("\\n", "\n").split("\n", 1)[0].strip().rstrip(".")
    lowered = first_line.lower()
    for marker, reason in _REASONS:
        if marker in lowered:
            return f"not valid JSON ({reason})"
    return f"not valid JSON ({first_line[:120] or type(error).__name__})"
