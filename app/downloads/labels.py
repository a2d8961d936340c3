"""The language table of Meta's export labels (meta_labels.toml), loaded once.

Data, not code: a label is recognised only if the table lists it, and the table says for
each language whether the labels were seen in a real export, only in the app's interface, or
not at all.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from app.downloads.platforms.meta import label

__all__ = ["Language", "boolean", "coverage", "find", "label", "language_of", "languages"]

TABLE = Path(__file__).with_name("meta_labels.toml")
FIELDS = (
    "private_account",
    "contact_syncing",
    "switched_to_private",
    "switched_to_public",
    "true",
    "false",
    "facebook_contact_syncing",
)


@dataclass(frozen=True)
class Language:
    """One language's labels, compared as `meta.label()` keys."""

    name: str
    evidence: str  # "export", "ui-translation" or "none"
    labels: dict[str, frozenset[str]]

    def has(self, field: str, text: str) -> bool:
        """Whether `text` (already a label key) is this language's label for `field`."""
        return text in self.labels.get(field, frozenset())

    def describe(self) -> str:
        """'Turkish', or 'Spanish (from the app's translation: no Spanish export was seen)'."""
        if self.evidence == "export":
            return self.name
        return f"{self.name} (labels from the app's translation; no {self.name} export was seen)"


@cache
def languages() -> tuple[Language, ...]:
    """Every language of the table, in its order (English first)."""
    with TABLE.open("rb") as handle:
        table = tomllib.load(handle)
    return tuple(
        Language(
            str(entry["name"]),
            str(entry["evidence"]),
            {f: frozenset(label(text) for text in entry.get(f, ())) for f in FIELDS},
        )
        for entry in table["language"]
    )


def language_of(field: str, text: str) -> Language | None:
    """The language whose `field` label is `text` (a label key), or None."""
    return next((lang for lang in languages() if lang.has(field, text)), None)


def find(field: str, values: dict[str, str]) -> tuple[str, Language] | None:
    """The value under the first label of `values` that is a `field` label in any language."""
    for text, value in values.items():
        language = language_of(field, text)
        if language is not None:
            return value, language
    return None


def boolean(value: str) -> bool | None:
    """True/False in any language of the table ("True", "Doğru"); None when unknown."""
    key = label(value)
    if language_of("true", key):
        return True
    if language_of("false", key):
        return False
    return None


def coverage() -> dict[str, str]:
    """Language → how its private-account label is known (for FORMATS.md and tests)."""
    return {lang.name: lang.evidence for lang in languages()}
