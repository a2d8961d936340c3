"""How the captured pages in `captured/` were trimmed from their sources (a maintainer's tool,
not used by the tests): `python -m tests.pages.trim SOURCE.html OUT.html`.

Kept as captured: the document's elements, attributes and text, its inline styles, its
JSON-LD, and the data it embeds in script elements (JSON, or a `window.x = {...}` assignment)
— the platforms' "no such account" states live there. Dropped: script code, external
stylesheets and preloads, comments, iframes and `srcset` lists (none of them can load on
127.0.0.1, and none is what a stranger reads), and the shapes inside icons (an `svg` keeps
its own attributes and title). Nothing else is rewritten.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_DATA_START = re.compile(r"^\s*(?:[\[{]|(?:window\.)?[\w.$\[\]'\"]+\s*=\s*[\[{])")
_DATA_LIMIT = 400_000  # characters of one embedded data block


def _script(match: re.Match[str]) -> str:
    attributes, body = match.group(1), match.group(2)
    kind = re.search(r"type\s*=\s*[\"']?([\w/+.-]+)", attributes, re.IGNORECASE)
    kind_name = kind.group(1).lower() if kind else ""
    if "src=" in attributes.lower():
        return ""
    if kind_name == "application/ld+json":
        return match.group(0)
    data = kind_name == "application/json" or (not kind_name and _DATA_START.match(body))
    if data and len(body) <= _DATA_LIMIT:
        return match.group(0)
    return ""


def trim(html: str) -> str:
    """The page without what cannot load or run here (see the module docstring)."""
    html = _SCRIPT.sub(_script, html)
    html = re.sub(r"<!--.*?-->", "", html, flags=re.DOTALL)
    html = re.sub(r"<link\b[^>]*>", "", html, flags=re.IGNORECASE)
    html = re.sub(r"<iframe\b.*?</iframe\s*>", "", html, flags=re.IGNORECASE | re.DOTALL)
    html = re.sub(r"<noscript\b.*?</noscript\s*>", "", html, flags=re.IGNORECASE | re.DOTALL)
    html = re.sub(r"\s(?:srcset|imagesrcset)=\"[^\"]*\"", "", html, flags=re.IGNORECASE)
    # An icon's drawing: its shapes say nothing to a stranger (an svg's title stays).
    html = re.sub(r"<(path|g|defs|clipPath|mask|use|circle|rect|polygon|linearGradient|stop)"
                  r"\b[^>]*?(/?)>", r"<\1\2>", html)  # fmt: skip
    html = re.sub(r"<(path|g|defs|clipPath|mask|use|circle|rect|polygon|linearGradient|stop)>"
                  r"\s*</\1>", "", html)  # fmt: skip
    html = re.sub(r"<(path|g|defs|clipPath|mask|use|circle|rect|polygon|linearGradient|stop)/>",
                  "", html)  # fmt: skip
    return html


def main() -> None:
    source, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.write_text(trim(source.read_text(encoding="utf-8", errors="replace")), encoding="utf-8")


if __name__ == "__main__":
    main()
