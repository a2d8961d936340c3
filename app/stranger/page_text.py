"""Reading a page's words: phrases, the worker's organisation and role, contact details,
labelled fields and places, each matched the way pages write them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.stranger.snapshot import PageSnapshot


def says(text: str, phrases: Sequence[str]) -> bool:
    """Whether `text` contains any of `phrases`, ignoring case and curly apostrophes (pages
    and the platforms' own wording differ in both)."""
    plain = straight_apostrophes(text).casefold()
    return any(straight_apostrophes(p).casefold() in plain for p in phrases if p)


def straight_apostrophes(text: str) -> str:
    """`text` with curly apostrophes made straight."""
    return text.replace("’", "'").replace("‘", "'")


# -- employer and job title ----------------------------------------------------------------
_SUFFIXES = ("limited", "ltd", "plc", "llp", "llc", "inc", "cic", "community interest company")
_ABBREVIATIONS = (
    ("national health service", "nhs"),
    ("health and social care partnership", "hscp"),
    ("health and social care trust", "hsc trust"),
    ("saint", "st"),
)
# Words that name a kind of organisation, not one in particular: a variant made only of these
# ("Care Services", "NHS Trust") would match countless strangers' pages.
_GENERIC = frozenset(
    "the and of for a an care health social services service support home homes council "
    "trust nhs group community housing agency team staff company partnership hscp hsc city "
    "county borough local authority centre center work worker workers st saint my our "
    "limited ltd plc llp llc inc cic uk scotland england wales ireland northern".split()
)


def organisation_variants(organisation: str) -> list[str]:
    """The organisation as a stranger may see it written, normalised (see `_normal`): as
    given, without a legal suffix ("Ltd", "Limited"…), without a leading "The", without a
    bracketed aside, and with well-known abbreviations swapped either way ("National Health
    Service" ⇄ "NHS"). Variants that are too short or only generic words are dropped."""
    base = _normal(re.sub(r"\([^)]*\)", " ", organisation))
    forms = {_normal(organisation), base}
    for form in list(forms):
        words = _without_suffix(form.split())
        forms.add(" ".join(words[1:] if words[:1] == ["the"] else words))
    for long, short in _ABBREVIATIONS:
        for form in list(forms):
            padded = f" {form} "
            if f" {long} " in padded:
                forms.add(padded.replace(f" {long} ", f" {short} ").strip())
            if f" {short} " in padded:
                forms.add(padded.replace(f" {short} ", f" {long} ").strip())
    return sorted(f for f in forms if _distinctive(f))


def _without_suffix(words: list[str]) -> list[str]:
    """The words without trailing legal suffixes ("… Care Ltd", "… Limited")."""
    changed = True
    while changed:
        changed = False
        for suffix in _SUFFIXES:
            tail = suffix.split()
            if len(words) > len(tail) and words[-len(tail) :] == tail:
                words, changed = words[: -len(tail)], True
    return words


def _distinctive(form: str) -> bool:
    """Long enough, and not only generic words, also once abbreviations are contracted
    ("National Health Service Trust" is "NHS Trust": generic)."""
    contracted = f" {form} "
    for long, short in _ABBREVIATIONS:
        contracted = contracted.replace(f" {long} ", f" {short} ")
    words = contracted.split()
    return len(form.replace(" ", "")) >= 4 and any(w not in _GENERIC for w in words)


def role_variants(role: str) -> list[str]:
    """The job title, normalised; kept when it is at least five letters long."""
    form = _normal(role)
    return [form] if len(form.replace(" ", "")) >= 5 else []


def _normal(text: str) -> str:
    """Lower case, "&" as "and", apostrophes dropped, other punctuation as spaces."""
    lowered = straight_apostrophes(text).casefold().replace("&", " and ").replace("'", "")
    return " ".join(re.sub(r"[^\w]+", " ", lowered).split())


# Where one phrase of a page ends and the next begins: a line break, a bar or bullet, or a
# full stop after a word of four or more letters ("St." and "Ltd." do not end a phrase).
_BREAK = re.compile(r"[\n\r!?;|•·]+|(?<=\w{4})\.(?=\s|$)")


def phrases(text: str) -> str:
    """The text normalised phrase by phrase, each padded with spaces and kept apart by a
    line break, so a name never matches across two lines or sentences ("… the riverside.
    Care for …" is not "Riverside Care")."""
    return "\n".join(f" {_normal(part)} " for part in _BREAK.split(text))


def contains_phrase(text: str, phrase: str) -> bool:
    """Whether `phrase` appears in `text` as whole words, ignoring case and punctuation,
    within one phrase of it."""
    wanted = _normal(phrase)
    return bool(wanted) and f" {wanted} " in phrases(text)


# -- phone numbers and email addresses -----------------------------------------------------
# Not after a letter, digit, "+", "/" or "=": a number inside an address or a query (an ISBN in
# "amazon.com/dp/0805078533/", on a captured LinkedIn page) is not a phone number.
_PHONE_CANDIDATE = re.compile(r"(?<![\w+/=])(?:\+|\(?0)[\d\s().\-]{8,20}\d(?!\w)")
_EMAIL = re.compile(
    r"(?<![\w.%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}(?![\w\-])"
)


def has_phone_number(text: str) -> bool:
    """A phone number's shape: starting with + or 0, 10 to 13 digits, spaces, dots, hyphens
    and brackets between them (never two separators in a row, so counts and dates do not
    count)."""
    for match in _PHONE_CANDIDATE.finditer(text):
        candidate = match.group()
        digits = sum(c.isdigit() for c in candidate)
        if 10 <= digits <= 13 and not re.search(r"[\s.\-]{2,}", candidate.replace("(", "")):
            return True
    return False


def has_email_address(text: str) -> bool:
    """Whether `text` holds something shaped like an email address."""
    return _EMAIL.search(text) is not None


# -- label and value, however laid out ------------------------------------------------------
# The labels platforms put before a location or a workplace. A label "Location" followed by the
# town on the next line (or in the next element), with no colon, is as shown as "Location: …".
LOCATION_LABELS = ("location", "lives in", "based in", "from", "hometown", "home town",
                   "current city", "city", "town", "address", "lives")  # fmt: skip
# LinkedIn's "Current" then the workplaces.
WORK_LABELS = (
    "works at",
    "workplace",
    "employer",
    "company",
    "current company",
    "job title",
    "occupation",
    "position",
    "work",
    "experience",
    "current position",
    "current",
)
LABELS = LOCATION_LABELS + WORK_LABELS
_LONGEST_VALUE = 120  # a field's value, not a paragraph


def labelled(snapshot: PageSnapshot, labels: Sequence[str]) -> tuple[bool, bool]:
    """Whether one of `labels` is on the page, and whether one has a value beside it: in
    the same line after it ("Lives in Leeds", "Location: Leeds"), on the next line ("Location"
    then "Leeds"), or in the element after it (`pairs`, read by the browser)."""
    wanted = {_label(label) for label in labels}
    present = valued = False
    for label, value in snapshot.pairs:
        if _label(label) in wanted:
            present = True
            valued = valued or _is_value(value, wanted)
    lines = [line.strip() for line in snapshot.text.splitlines()]
    lines = [line for line in lines if line]
    for index, line in enumerate(lines):
        head = _label(line)
        if head in wanted:
            present = True
            following = lines[index + 1] if index + 1 < len(lines) else ""
            valued = valued or _is_value(following, wanted)
            continue
        for label in wanted:
            rest = _after_label(line, label)
            if rest is not None:
                present = True
                valued = valued or _is_value(rest, wanted)
    return present, valued


def _label(text: str) -> str:
    return " ".join(straight_apostrophes(text).strip().rstrip(":：").casefold().split())


def _after_label(line: str, label: str) -> str | None:
    """What follows `label` at the start of `line` ("Location: Leeds" → "Leeds"); None
    when the line does not start with the label as a word of its own. Without a colon only
    the labels that read as a phrase ("Lives in Leeds", "From Leeds") count."""
    plain = " ".join(straight_apostrophes(line).split())
    if not plain.casefold().startswith(label) or len(plain) == len(label):
        return None
    rest = plain[len(label) :]
    if rest[0] in ":：":
        return rest[1:].strip()
    if rest[0] == " " and label in _PHRASE_LABELS:
        return rest.strip()
    return None


_PHRASE_LABELS = frozenset({"lives in", "based in", "works at"})  # "From the …" is a sentence


def _is_value(text: str, labels: set[str]) -> bool:
    value = text.strip()
    return 0 < len(value) <= _LONGEST_VALUE and _label(value) not in labels


# A postcode, or a short line ending in a country ("Postfach 1242, Bad Kreuznach, Germany").
_UK_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b")
_COUNTRIES = ("united kingdom", "uk", "england", "scotland", "wales", "northern ireland",
              "ireland", "germany", "france", "spain", "italy", "portugal", "netherlands",
              "belgium", "poland", "romania", "united states", "usa", "canada", "australia",
              "new zealand", "india", "nigeria", "south africa", "philippines", "brazil",
              "mexico", "switzerland", "austria", "sweden", "norway", "denmark", "finland",
              "greece", "turkey", "egypt", "kenya", "ghana", "zimbabwe", "pakistan")  # fmt: skip
_PLACE_LINE = re.compile(
    r"^[^\n]{2,60},\s*(?:" + "|".join(re.escape(c) for c in _COUNTRIES) + r")\s*$",
    re.IGNORECASE | re.MULTILINE,
)


def has_place(text: str) -> bool:
    """A postcode, or a short line that ends in a country: a location, whatever its label."""
    return bool(_UK_POSTCODE.search(text) or _PLACE_LINE.search(text))
