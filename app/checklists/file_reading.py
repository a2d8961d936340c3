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
import re
import stat
from pathlib import Path

from app.checklists.file_errors import ChecklistError

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


# What the nesting scan steps over whole: strings (basic or literal, three quotes or one;
# an unterminated one to the end of its line, or of the text) and comments; the brackets
# left are counted. One regular expression instead of a loop per character: this scan runs
# on every audit file at every start, and the loop took longer than parsing the TOML. Runs
# of ordinary characters are taken whole (possessive `++`, `*+`: nothing to backtrack into),
# not one alternation per character: 19 -> 5 ms over the shipped files.
_SKIPPED_OR_BRACKET = re.compile(
    r"""
      "{3} (?: [^\\"]++ | \\. | "(?!"") )*+ (?: "{3} | \\?\Z )  # basic, three quotes
    | '{3} .*? (?: '{3} | \Z )                      # literal, three quotes
    | " (?: [^"\\\n]++ | \\[^\n] | \\(?=\n) )*+ "?     # basic, one line
    | ' [^'\n]* '?                                   # literal, one line
    | \# [^\n]*                                      # a comment
    | (?P<open> [\[{] ) | (?P<close> [\]}] )
    """,
    re.DOTALL | re.VERBOSE,
)


def _too_deep(text: str) -> int | None:
    """The line where brackets outside strings and comments first pass MAX_DEPTH, if any.

    A light scan, not a TOML parser: on a malformed file it may count differently from
    tomllib, which then reports the syntax error (and `parse_toml` still catches a
    RecursionError as a last resort)."""
    depth = 0
    for token in _SKIPPED_OR_BRACKET.finditer(text):
        if token.group("open"):
            depth += 1
            if depth > MAX_DEPTH:
                return text.count("\n", 0, token.start()) + 1
        elif token.group("close"):
            depth = max(0, depth - 1)
    return None
