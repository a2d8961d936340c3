"""The tables of an audit file read into values: [platform], [platform.automation], each
[[item]] and its [item.probe], with every problem noted against its line.

`loader.py` reads a file and hands its tables here; `policy.py` reads a policy pack's with the
same functions.
"""

from __future__ import annotations

import re
from typing import Any

from app.checklists.fields import TableReader
from app.checklists.hosts import normal_url, url_problem
from app.checklists.model import (
    TITLE,
    Category,
    CheckItem,
    Concern,
    Evidence,
    Phrases,
    PlatformAutomation,
    Probe,
    ProbeRead,
    Severity,
    SignInPhrases,
)

FORMATS = (1, 2)  # 2 names each item three ways and gives its concerns; 1 still loads
FORMAT_VERSION = 2
_PLATFORM_KEYS = {"id", "name", "settings_url", "recheck_days", "notes", "automation"}
_ITEM_KEYS_V1 = {
    "id", "category", "title", "why", "codes", "steps", "safe",
    "open_url", "source", "severity", "probe",
}  # fmt: skip
_ITEM_KEYS_V2 = {
    "id", "category", "name", "goal", "action", "why", "concerns", "codes", "steps",
    "app_steps", "safe", "open_url", "source", "evidence", "steps_source", "severity", "probe",
}  # fmt: skip
_PROBE_KEYS = {"url", "urls", "locator", "locators", "read", "safe_when", "evidence"}
_PROBE_PHRASE_KEYS = {"title", "safe_when"}
_SIGN_IN_PHRASE_KEYS = {
    "signed_in", "consent", "username", "password", "next", "submit", "error_texts",
    "rate_limit_texts",
}  # fmt: skip
_AUTOMATION_KEYS = _SIGN_IN_PHRASE_KEYS | {
    "login_url", "session_cookies", "signed_out_paths", "pending_paths",
}  # fmt: skip
_FORM_PARTS = ("username", "password", "submit")
LANGUAGE = re.compile(r"^[a-z]{2,3}$")  # a language table's name: <html lang>'s primary subtag


def file_format(top: TableReader) -> int:
    """The file's `format` (1 when absent, as files from before format 2 have none)."""
    version = top.table.get("format", 1)
    if version not in FORMATS:
        top.problem(f"format = {version!r} is not supported (expected one of {FORMATS})")
        return FORMAT_VERSION
    return int(version)


def read_platform_fields(reader: TableReader, *, from_pack: bool) -> dict[str, Any]:
    """A [platform] table's fields. A policy pack's own platform cannot be read automatically
    (Footprint has no list of its hosts), so it may not have an automation table."""
    reader.reject_unknown(_PLATFORM_KEYS)
    platform_id = reader.identifier("id")
    automation_table = reader.subtable("automation")
    automation = None
    if automation_table is not None and from_pack:
        reader.child(automation_table, "automation").problem(
            "a policy pack's own platform cannot be read automatically: remove "
            "[platform.automation]"
        )
    elif automation_table is not None:
        automation = _read_automation(reader.child(automation_table, "automation"), platform_id)
    return {
        "id": platform_id,
        "name": reader.text("name"),
        "settings_url": platform_url(reader, "settings_url", platform_id),
        "recheck_days": reader.integer("recheck_days", 7, 366),
        "notes": reader.text("notes", required=False),
        "automation": automation,
    }


def platform_url(reader: TableReader, key: str, platform_id: str) -> str:
    """An address the platform's worker is sent to (or automation opens): https://, and on
    the platform's own hosts when Footprint knows them (app/checklists/hosts.py)."""
    value = reader.written(key)
    if value and (problem := url_problem(platform_id, value)):
        reader.problem(f"'{key}' {problem}", key)
    return normal_url(value) or value  # kept as the automation guard will compare it


def _read_automation(reader: TableReader, platform_id: str) -> PlatformAutomation:
    languages = _language_tables(reader, _AUTOMATION_KEYS)
    phrases = tuple(_sign_in_phrases(reader.child(t, code), code) for code, t in languages)
    lists = {key: _texts(reader, key) for key in _SIGN_IN_PHRASE_KEYS}
    paths = {key: _texts(reader, key) for key in ("signed_out_paths", "pending_paths")}
    for key, found in paths.items():
        for path in found:
            if not path.startswith("/"):
                reader.problem(f"'{key}' entries are paths starting with '/', not '{path}'", key)
    automation = PlatformAutomation(
        login_url=platform_url(reader, "login_url", platform_id),
        session_cookies=_texts(reader, "session_cookies"),
        **paths,
        phrases=phrases,
        **lists,
    )
    words = automation.words("")
    for part in _FORM_PARTS:
        if not getattr(words, part):
            reader.problem(f"[{reader.label}] needs at least one '{part}' locator")
    if not automation.session_cookies and not words.signed_in:
        reader.problem(
            f"[{reader.label}] needs 'session_cookies' (or 'signed_in' locators) to tell a "
            "signed-in page"
        )
    return automation


def _sign_in_phrases(reader: TableReader, language: str) -> SignInPhrases:
    reader.reject_unknown(_SIGN_IN_PHRASE_KEYS)
    lists = {key: _texts(reader, key) for key in _SIGN_IN_PHRASE_KEYS}
    return SignInPhrases(language=language, **lists)


def _language_tables(reader: TableReader, keys: set[str]) -> list[tuple[str, dict[str, Any]]]:
    """The table's language sub-tables (`[….en]`, `[….es]`), after checking its own keys."""
    languages = []
    for key, value in reader.table.items():
        if key in keys:
            continue
        if isinstance(value, dict) and LANGUAGE.match(key):
            languages.append((key, value))
        else:
            expected = ", ".join(sorted(keys))
            reader.problem(
                f"unknown key '{key}' in [{reader.label}] (expected: {expected}, or a "
                "language table such as [….en])",
                key,
            )
    return languages


def _texts(reader: TableReader, key: str, *, required: bool = False) -> tuple[str, ...]:
    """A text or a list of texts (`locator = "…"` or `locators = ["…", "…"]`)."""
    value = reader.table.get(key)
    if value is None:
        if required:
            reader.problem(f"[{reader.label}] is missing '{key}'")
        return ()
    if isinstance(value, str) and value.strip():
        return (value.strip(),)
    return reader.text_list(key)


def read_item(
    reader: TableReader,
    known_codes: set[str] | None,
    version: int = FORMAT_VERSION,
    extra_keys: frozenset[str] = frozenset(),
    *,
    platform_id: str,
    probes_allowed: bool = True,
) -> CheckItem:
    """One [[item]] table of `platform_id` in a file in `version`; `extra_keys` are allowed
    keys the caller reads itself. `probes_allowed` is off for a policy pack's own platform
    (never read)."""
    reader.reject_unknown((_ITEM_KEYS_V2 if version >= 2 else _ITEM_KEYS_V1) | extra_keys)
    codes = _codes(reader, known_codes, required=version < 2)
    probe_table = reader.subtable("probe")
    probe = None
    if probe_table is not None and not probes_allowed:
        reader.child(probe_table, "probe").problem(
            f"'{platform_id}' is not read automatically, so its items cannot have a probe"
        )
    elif probe_table is not None:
        probe = _read_probe(reader.child(probe_table, "probe"), platform_id)
    common: dict[str, Any] = {
        "id": reader.identifier("id"),
        "category": reader.choice("category", Category),
        "why": reader.text("why"),
        "codes": codes,
        "steps": reader.text_list("steps"),
        "safe": reader.text("safe"),
        "open_url": platform_url(reader, "open_url", platform_id),
        "source": reader.https_url("source"),
        "severity": reader.choice("severity", Severity),
        "probe": probe,
    }
    if version < 2:
        # Format 1 had one title, written as the goal; it serves as all three names.
        title = reader.text("title")
        return CheckItem(name=title, goal=title, action=title, concerns=(), **common)
    return CheckItem(
        name=reader.text("name"),
        goal=reader.text("goal"),
        action=reader.text("action"),
        concerns=tuple(reader.choices("concerns", Concern)),
        app_steps=reader.text_list("app_steps") if "app_steps" in reader.table else (),
        evidence=reader.choice("evidence", Evidence),
        steps_source=reader.https_url("steps_source") if "steps_source" in reader.table else "",
        **common,
    )


def _codes(reader: TableReader, known: set[str] | None, *, required: bool) -> tuple[str, ...]:
    if not required and "codes" not in reader.table:
        return ()
    codes = reader.text_list("codes")
    for code in codes:
        if known is not None and code not in known:
            reader.problem(f"code '{code}' is not in resources/codes.toml", "codes")
    return codes


def _read_probe(reader: TableReader, platform_id: str) -> Probe:
    languages = _language_tables(reader, _PROBE_KEYS)
    phrases = tuple(_probe_phrases(reader.child(t, code), code) for code, t in languages)
    urls = _one_or_many(reader, "url", "urls")
    for key in ("url", "urls"):
        for url in _texts(reader, key):
            if problem := url_problem(platform_id, url):
                reader.problem(f"'{key}' {problem}", key)
    urls = tuple(normal_url(url) or url for url in urls)  # as the automation guard compares
    read = reader.choice("read", ProbeRead)
    probe = Probe(
        urls=urls,
        locators=_one_or_many(reader, "locator", "locators"),
        read=read,
        safe_when=_texts(reader, "safe_when"),
        phrases=phrases,
        evidence=reader.text("evidence", required=False),
    )
    _check_probe_words(reader, probe)
    return probe


def _one_or_many(reader: TableReader, one: str, many: str) -> tuple[str, ...]:
    if one in reader.table and many in reader.table:
        reader.problem(f"[{reader.label}] has both '{one}' and '{many}': keep one", many)
    found = _texts(reader, one) + _texts(reader, many)
    if not found:
        reader.problem(f"[{reader.label}] is missing '{one}' (or '{many}')")
    return found


def _probe_phrases(reader: TableReader, language: str) -> Phrases:
    reader.reject_unknown(_PROBE_PHRASE_KEYS)
    return Phrases(
        language=language,
        title=reader.text("title", required=False),
        safe_when=_texts(reader, "safe_when"),
    )


def _check_probe_words(reader: TableReader, probe: Probe) -> None:
    """Words where they are needed: titles for `{title}` locators, safe values for reads
    judged on words (per language), true/false for on/off reads."""
    if probe.phrases and "en" not in probe.languages:
        reader.problem(f"[{reader.label}] has language tables but no [….en] (English first)")
    if any(TITLE in locator for locator in probe.locators):
        if not probe.phrases:
            reader.problem(f"a '{TITLE}' locator needs language tables with a 'title'")
        for phrase in probe.phrases:
            if not phrase.title:
                reader.problem(f"[{reader.label} {phrase.language}] needs a 'title'")
    if probe.judged_by_words:
        if probe.phrases and probe.safe_when:
            reader.problem(
                f"a '{probe.read}' probe keeps 'safe_when' in its language tables", "safe_when"
            )
        elif not probe.phrases and not probe.safe_when:
            reader.problem(f"[{reader.label}] is missing 'safe_when'")
        for phrase in probe.phrases:
            if not phrase.safe_when:
                reader.problem(f"[{reader.label} {phrase.language}] is missing 'safe_when'")
        return
    if any(phrase.safe_when for phrase in probe.phrases):
        reader.problem(f"a '{probe.read}' probe's safe_when is true/false, in [{reader.label}]")
    if not probe.safe_when:
        reader.problem(f"[{reader.label}] is missing 'safe_when'")
    for value in probe.safe_when:
        if value not in ("true", "false"):
            reader.problem(
                f"a '{probe.read}' probe is safe when \"true\" or \"false\", not '{value}'",
                "safe_when",
            )
