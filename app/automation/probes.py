"""Which locators to try for a probe on a page in a given language (no Playwright here).

A probe lists locators in order of preference: structural ones first (an input's name, the
only switch on a tab), then ones that need the setting's title in the page's language
(`{title}`). The title is filled in, quoted, for each language the probe has words for, so a
Spanish page is read with the Spanish title and a page in a language the probe has no words
for is reported as exactly that, not as a changed page.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.checklists.model import TITLE, Probe


@dataclass(frozen=True)
class Candidates:
    """The locators to try, in order, on a page in `language`."""

    locators: tuple[str, ...]
    language: str  # the page's language ("" when it does not say)
    words_missing: bool  # some locators were left out: no title in this language
    judgeable: bool  # the probe knows which values are safe in this language


def candidates(probe: Probe, language: str) -> Candidates:
    """The probe's locators for a page in `language` ("" = unknown: every language's words,
    English first)."""
    chosen = [p for p in probe.phrases if not language or p.language == language]
    titles = [p.title for p in chosen if p.title]
    found: list[str] = []
    missing = False
    for locator in probe.locators:
        if TITLE not in locator:
            found.append(locator)
        elif titles:
            found += [locator.replace(TITLE, quoted(title)) for title in titles]
        else:
            missing = True
    unique = tuple(dict.fromkeys(found))
    return Candidates(unique, language, missing, probe.safe_values(language) is not None)


def quoted(text: str) -> str:
    """`text` as a double-quoted selector string (quotes and backslashes escaped)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def unquoted(text: str) -> str:
    """The inverse of `quoted`; plain text (no quotes around it) is returned as it is."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        body = text[1:-1]
        return body.replace(f"\\{text[0]}", text[0]).replace("\\\\", "\\")
    return text
