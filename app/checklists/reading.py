"""Reading an audit file or a policy pack before any parsing, so a hostile file cannot hang,
exhaust memory or crash the parser.

- Only a regular file is read: a named pipe would wait for a writer forever and /dev/zero
  never ends. The file is opened without blocking and checked before a byte is read.
- At most MAX_BYTES are read (the largest shipped audit is about 31 KB).
- Text nested deeper than MAX_DEPTH (arrays and inline tables) is refused before tomllib's
  recursive parser sees it: 500 `[` in a row would otherwise end in a RecursionError.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from app.checklists.errors import ChecklistError

MAX_BYTES = 512 * 1024
MAX_DEPTH = 32
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def read_checked_text(path: Path) -> str:
    """The UTF-8 text of a regular file of at most MAX_BYTES; ChecklistError otherwise."""
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise _cannot_read(path, error) from None
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise ChecklistError.single(
                path, 1, "not a regular file (a folder, a device or a pipe); give a .toml file"
            )
        data = _read_at_most(descriptor, MAX_BYTES + 1)
    except OSError as error:
        raise _cannot_read(path, error) from None
    finally:
        os.close(descriptor)
    if len(data) > MAX_BYTES:
        raise ChecklistError.single(
            path, 1, f"the file is larger than {MAX_BYTES // 1024} KB; an audit file is far smaller"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ChecklistError.single(path, 1, f"not UTF-8 text ({error.reason})") from None


def _read_at_most(descriptor: int, limit: int) -> bytes:
    chunks, size = [], 0
    while size < limit and (chunk := os.read(descriptor, min(65536, limit - size))):
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _cannot_read(path: Path, error: OSError) -> ChecklistError:
    return ChecklistError.single(path, 1, f"cannot read the file: {error.strerror or error}")


def check_nesting(text: str, path: Path) -> None:
    """Refuse arrays and inline tables nested deeper than MAX_DEPTH, with the line."""
    line = _too_deep(text)
    if line is not None:
        raise ChecklistError.single(
            path, line, f"values are nested more than {MAX_DEPTH} deep; an audit file needs 3"
        )


def _too_deep(text: str) -> int | None:
    """The line where brackets outside strings and comments first pass MAX_DEPTH, if any.

    A light scan, not a TOML parser: on a malformed file it may count differently from
    tomllib, which then reports the syntax error (and `parse_toml` still catches a
    RecursionError as a last resort)."""
    depth, line, index, end = 0, 1, 0, len(text)
    while index < end:
        character = text[index]
        if character == "\n":
            line += 1
        elif character == "#":
            index = _line_end(text, index)
            continue
        elif character in "\"'":
            index, line = _skip_string(text, index, line)
            continue
        elif character in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return line
        elif character in "]}":
            depth = max(0, depth - 1)
        index += 1
    return None


def _line_end(text: str, index: int) -> int:
    found = text.find("\n", index)
    return len(text) if found < 0 else found


def _skip_string(text: str, index: int, line: int) -> tuple[int, int]:
    """Past the string starting at `index` (basic or literal, one line or three quotes)."""
    quote = text[index]
    escapes = quote == '"'
    if text.startswith(quote * 3, index):
        index += 3
        while index < len(text) and not text.startswith(quote * 3, index):
            if escapes and text[index] == "\\":
                index += 1  # the escaped character (a line break too) is inside the string
            if index < len(text) and text[index] == "\n":
                line += 1
            index += 1
        return index + 3, line
    index += 1
    while index < len(text) and text[index] not in (quote, "\n"):
        escaped = escapes and text[index] == "\\" and text[index + 1 : index + 2] != "\n"
        index += 2 if escaped else 1
    return index + (1 if index < len(text) and text[index] == quote else 0), line
