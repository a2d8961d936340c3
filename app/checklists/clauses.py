"""The values of resources/codes.toml: regulators and their editions, clauses, reporting routes.

Plain frozen data. Which clauses a worker sees is decided in `app.checklists.codes.CodeBook`;
reading and checking the file is `app.checklists.codes_file`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

ANY_EDITION = "any"  # guidance that applies whatever edition of the code the worker follows
ALL_REGULATORS = "all"
NO_REGULATOR = "-"  # standards and treaties that belong to no regulator (HSCS, UNCRC)
WORKS_WITH_CHILDREN = "children"  # the role in `only_for_roles` of child-related clauses


class ClauseKind(StrEnum):
    """What an entry is; only the first three are the text of a regulator's code."""

    CLAUSE = "clause"
    HEADING = "heading"  # a section heading of a code, verbatim
    STANDARD = "standard"  # a numbered standard (HCPC, Social Work England, HSCS)
    GUIDANCE = "guidance"  # a regulator's guidance: never presented as Code text
    TREATY = "treaty"

    @property
    def label(self) -> str:
        """How the kind is named beside the text, so guidance is never taken for the Code."""
        return {
            "clause": "Code",
            "heading": "Code, section heading",
            "standard": "Standard",
            "guidance": "Regulator guidance (not Code text)",
            "treaty": "Treaty",
        }[self.value]


class ClauseStatus(StrEnum):
    """Whether a clause's text was checked against its source; only verified text is shown."""

    VERIFIED = "verified"  # the text is verbatim as read in the cited source
    PARTIAL = "partial"  # the source was cut off: never shown
    UNVERIFIED = "unverified"  # not read anywhere: never shown


class ClauseEvidence(StrEnum):
    """Where a clause's text was read: on the regulator's own site, or only on a copy."""

    REGULATOR = "regulator"  # read on the regulator's own site or document
    THIRD_PARTY = "third-party"  # read only on a copy
    NONE = "none"


@dataclass(frozen=True)
class Edition:
    """One edition of a regulator's code."""

    id: str
    label: str


@dataclass(frozen=True)
class Regulator:
    """A regulator a worker can be registered with, and the editions of its code held here."""

    id: str
    name: str
    code_title: str = ""
    url: str = ""  # where the worker can read the code
    editions: tuple[Edition, ...] = ()  # newest first
    current_edition: str = ""
    default_edition: str = ""

    def edition(self, edition_id: str | None = None) -> Edition | None:
        """The edition the worker chose, or the default when they chose none (or an unknown one)."""
        wanted = edition_id or self.default_edition
        found = next((e for e in self.editions if e.id == wanted), None)
        return found or next((e for e in self.editions if e.id == self.default_edition), None)


@dataclass(frozen=True)
class Clause:
    """One entry of the catalogue. `text` is empty unless the entry was verified: the
    recollections kept in the file for verifiers (`text_unverified`) are never loaded."""

    id: str
    source: str  # the citation, as shown to the worker
    text: str
    applies_to: tuple[str, ...]
    kind: ClauseKind = ClauseKind.CLAUSE
    regulator: str = NO_REGULATOR
    edition: str = ANY_EDITION
    number: str = ""
    stem: str = ""  # the words the clause completes, verbatim ("In particular you must not:")
    url: str = ""
    evidence: ClauseEvidence = ClauseEvidence.NONE
    status: ClauseStatus = ClauseStatus.VERIFIED
    only_for_roles: tuple[str, ...] = ()

    @property
    def verified(self) -> bool:
        """True if the text was read in its source and may be shown."""
        return self.status is ClauseStatus.VERIFIED and bool(self.text)

    @property
    def is_code_text(self) -> bool:
        """A clause, heading or standard of a regulator's code (not guidance, not a treaty)."""
        return self.kind in (ClauseKind.CLAUSE, ClauseKind.HEADING, ClauseKind.STANDARD)

    @property
    def quote(self) -> str:
        """The text with its stem, read as one sentence.

        A code prints its stem once above a list ("As a worker I will" / "Form open, positive
        relationships…"); quoted alone, a stem that runs on into the item takes the item in
        lower case, and a heading is set off with a colon.
        """
        if not self.stem:
            return self.text
        stem = self.stem.rstrip()
        if stem.endswith((".", ":", ";", "?", "!")):
            return f"{stem} {self.text}"
        if stem.rsplit(" ", 1)[-1] in _RUNS_ON:
            return f"{stem} {_lower_first_word(self.text)}"
        return f"{stem}: {self.text}"

    def applies(self, regulator_id: str) -> bool:
        """True if the clause concerns workers registered with `regulator_id`."""
        return ALL_REGULATORS in self.applies_to or regulator_id in self.applies_to


@dataclass(frozen=True)
class ReportingRoute:
    """Somewhere a worker can raise a concern about a colleague or a service."""

    id: str
    kind: str  # employer | regulator | inspectorate
    name: str
    applies_to: tuple[str, ...]
    url: str = ""
    country: str = ""  # england | scotland | wales | northern-ireland; "" for UK-wide
    phone: str = ""

    def applies(self, regulator_id: str) -> bool:
        """True if the route is open to workers registered with `regulator_id`."""
        return ALL_REGULATORS in self.applies_to or regulator_id in self.applies_to


# A stem ending in one of these runs on into its item ("As a worker I will respect…").
_RUNS_ON = frozenset({"will", "must", "should", "shall", "not", "to"})


def _lower_first_word(text: str) -> str:
    """`text` with its first word in lower case, unless it is "I" or an acronym."""
    first = text.split(" ", 1)[0]
    if len(first) < 2 or not first[1:].islower():
        return text
    return text[0].lower() + text[1:]
