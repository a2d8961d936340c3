"""The Code-of-Practice catalogue: what a worker is shown, and what they are never shown."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from app.checklists.clauses import ClauseKind
from app.checklists.codes import CODES_FILE, CodeBook, load_code_book
from app.checklists.codes_file import read_code_file
from app.checklists.file_errors import ChecklistError
from app.checklists.model import Concern
from tests.conftest import make_item

CODES = load_code_book()
RAW = tomllib.loads(CODES_FILE.read_text(encoding="utf-8"))
REGULATORS = [r for r in CODES.regulators if r.editions]  # everyone but "none"
EDITIONS = [(r.id, e.id) for r in REGULATORS for e in r.editions]
EVERY_CONCERN = replace(make_item("every-concern"), concerns=tuple(Concern), codes=())

# Where Footprint has nothing verified of the worker's regulator to show for a concern, so the
# worker is told so instead. A change here is a change in what workers see: fill a gap by
# verifying text (resources/codes.toml), never by loosening this list.
WHOLE_CODE_UNVERIFIED = {("niscc", "2019"), ("niscc", "2015-sw"), ("scw", "2026"), ("scw", "2015")}
CONCERN_GAPS = {
    ("sssc", "2024"): {Concern.PUBLIC_TRUST},
    ("sssc", "2016"): {Concern.FINDABILITY, Concern.SELF_PROTECTION},
    ("sssc", "2003"): set(),
    ("swe", "2019"): {Concern.REPORTING},
    ("hcpc", "2024"): {Concern.REPORTING},
    ("hcpc", "2016"): {Concern.FINDABILITY, Concern.BOUNDARIES, Concern.SELF_PROTECTION,
                       Concern.EMPLOYER_POLICY},
}  # fmt: skip


def one_concern(concern: Concern):  # type: ignore[no-untyped-def]
    return replace(make_item(concern.value), concerns=(concern,), codes=())


def everything_shown(book: CodeBook = CODES):  # type: ignore[no-untyped-def]
    """Every clause any worker can be shown: each regulator, edition, role and concern."""
    for regulator in book.regulators:
        for edition in [e.id for e in regulator.editions] or [None]:
            for children in (False, True):
                for concern in Concern:
                    yield from book.clauses_for(
                        one_concern(concern), regulator.id, edition, works_with_children=children
                    )


def test_the_shipped_catalogue_loads_with_editions_and_defaults() -> None:
    assert {r.id for r in CODES.regulators} == {"sssc", "swe", "hcpc", "niscc", "scw", "none"}
    for regulator in REGULATORS:
        assert regulator.url.startswith("https://") and regulator.code_title
        assert regulator.default_edition in {e.id for e in regulator.editions}
    sssc = CODES.regulator("sssc")
    assert sssc is not None and [e.id for e in sssc.editions] == ["2024", "2016", "2003"]


def test_no_unverified_or_cut_off_text_is_ever_returned() -> None:
    shown = list(everything_shown())
    assert shown and all(c.verified and c.text.strip() for c in shown)
    verified = {c["text"] for c in RAW["clause"] if c["status"] == "verified"}
    hidden = [c.get("text_unverified") or c["text"] for c in RAW["clause"]
              if c["status"] != "verified" and (c.get("text_unverified") or c["text"])]  # fmt: skip
    assert hidden, "the file keeps recollections and cut-off texts for verifiers"
    # A recollection may match another code's verified wording (NISCC's and the SSSC's 2003
    # codes share their roots); that wording is shown under its own code, never under this one.
    hidden = [text for text in hidden if text not in verified]
    texts = {c.quote for c in shown}
    notices = {CODES.notice_for(EVERY_CONCERN, r, e) for r, e in EDITIONS}
    for text in hidden:
        assert all(text not in shown_text for shown_text in texts | notices)
    # Not even loaded: a caller reaching into the catalogue finds no such text.
    assert all(not c.text for c in CODES.clauses.values() if not c.verified)


def test_commentary_is_never_presented_as_code_text() -> None:
    assert all("social media posts" not in c.text for c in CODES.clauses.values())
    for clause in everything_shown():
        if clause.kind is ClauseKind.GUIDANCE:
            assert "not Code text" in clause.kind.label


@pytest.mark.parametrize(("regulator", "edition"), EDITIONS)
def test_a_worker_sees_one_edition_of_their_own_code_never_a_mix(regulator, edition) -> None:
    shown = CODES.clauses_for(EVERY_CONCERN, regulator, edition, works_with_children=True)
    own = [c for c in shown if c.regulator == regulator]
    assert {c.edition for c in own} <= {edition, "any"}
    others = {c.regulator for c in shown} - {regulator}
    assert others <= {"-"}, "never another regulator's clauses"


def test_without_a_chosen_edition_the_default_is_shown() -> None:
    assert CODES.clauses_for(EVERY_CONCERN, "sssc") == CODES.clauses_for(
        EVERY_CONCERN, "sssc", "2024"
    )
    assert CODES.edition_for("sssc", "1999") == "2024"  # an unknown choice falls back
    assert CODES.edition_for("none") == ""


def test_the_uncrc_is_cited_only_to_workers_whose_role_involves_children() -> None:
    item = one_concern(Concern.PRIVACY_OF_OTHERS)
    for regulator in [r.id for r in CODES.regulators]:
        adults = CODES.clauses_for(item, regulator)
        children = CODES.clauses_for(item, regulator, works_with_children=True)
        assert "UNCRC-16" not in {c.id for c in adults}
        assert "UNCRC-16" in {c.id for c in children}


def test_the_scottish_health_and_social_care_standards_are_for_sssc_workers_only() -> None:
    item = one_concern(Concern.CONFIDENTIALITY)
    for regulator in [r.id for r in CODES.regulators]:
        cited = {c.id for c in CODES.clauses_for(item, regulator)}
        assert ("HSCS-2.14" in cited) == (regulator == "sssc")


def test_social_work_england_speaks_in_its_own_words_on_being_found_online() -> None:
    """Until 3.10 can be read on SWE's own page, findability and self-protection show SWE's own
    guidance, read on socialworkengland.org.uk, as guidance: never as a standard."""
    for concern in (Concern.FINDABILITY, Concern.SELF_PROTECTION):
        shown = [c for c in CODES.clauses_for(one_concern(concern), "swe") if c.regulator == "swe"]
        own = [c for c in shown if c.evidence.value == "regulator"]
        assert own and all("socialworkengland.org.uk" in c.url for c in own)
        assert all(c.kind is ClauseKind.GUIDANCE for c in shown)
    assert not CODES.clauses["SWE-3.10"].verified


@pytest.mark.parametrize(("regulator", "edition"), EDITIONS)
def test_every_concern_shows_a_verified_clause_or_an_honest_notice(regulator, edition) -> None:
    url = CODES.regulator(regulator).url  # type: ignore[union-attr]
    gaps = set()
    for concern in Concern:
        item = one_concern(concern)
        clauses = CODES.clauses_for(item, regulator, edition)
        notice = CODES.notice_for(item, regulator, edition)
        assert clauses or notice, f"{regulator} {edition}: nothing at all for {concern}"
        if notice:
            assert url in notice and "not yet verified" in notice
            gaps.add(concern)
    if (regulator, edition) in WHOLE_CODE_UNVERIFIED:
        assert gaps == set(Concern)
        assert CODES.unverified_notice(regulator, edition).startswith(
            "Footprint has not yet verified the text of your code's clauses"
        )
    else:
        assert gaps == CONCERN_GAPS[(regulator, edition)]
        assert CODES.unverified_notice(regulator, edition) == ""


def test_a_worker_with_no_regulator_gets_no_notice_and_no_code() -> None:
    assert CODES.notice_for(EVERY_CONCERN, "none") == ""
    assert CODES.clauses_for(EVERY_CONCERN, "none") == []


def test_the_ids_of_the_first_catalogue_still_resolve_for_employer_packs() -> None:
    assert {"SSSC-5.7", "SSSC-1.4", "HCPC-SM", "SWE-5.6", "HSCS-2.14"} <= CODES.known_ids()
    assert [c.id for c in CODES.clauses_for(("SSSC-1.4",), "sssc", "2003")] == ["SSSC2003-1.4"]
    assert [c.id for c in CODES.clauses_for(("SSSC-1.4",), "sssc")] == ["SSSC2024-1.5"]
    assert CODES.clauses_for(("SSSC-5.7",), "sssc", "2016") == []  # 2016 5.7 is not verified


def test_explicit_codes_of_an_item_add_to_those_of_its_concerns() -> None:
    item = replace(one_concern(Concern.BOUNDARIES), codes=("SSSC-5.8",))
    cited = [c.id for c in CODES.clauses_for(item, "sssc", "2003")]
    assert "SSSC2003-5.8" in cited and "SSSC2003-5.4" in cited
    assert cited.index("SSSC2003-5.4") < cited.index("SSSC-G-friends"), "the code before guidance"


@pytest.mark.parametrize(
    ("regulator", "country", "expected"),
    [
        ("sssc", None, ["employer", "sssc", "care-inspectorate"]),
        ("swe", None, ["employer", "swe", "cqc"]),
        ("hcpc", "scotland", ["employer", "hcpc", "care-inspectorate"]),
        ("niscc", None, ["employer", "niscc", "rqia"]),
        ("scw", None, ["employer", "scw", "ciw"]),
        ("none", None, ["employer", "cqc"]),
    ],
)
def test_reporting_routes_include_the_regulator_and_the_inspectorate(
    regulator, country, expected
) -> None:
    routes = CODES.routes_for(regulator, country)
    assert [r.id for r in routes] == expected
    assert all(r.url.startswith("https://") for r in routes if r.kind != "employer")


# -- the file's own rules ------------------------------------------------------------------------


def write_variant(tmp_path: Path, old: str, new: str) -> Path:
    text = CODES_FILE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "codes.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def problems(path: Path) -> str:
    with pytest.raises(ChecklistError) as caught:
        read_code_file(path)
    return caught.value.describe()


def test_a_concern_cannot_point_at_an_unverified_clause(tmp_path) -> None:
    old, new = 'findability = [\n  "SSSC2003-5.7"', 'findability = [\n  "SWE-2.2"'
    path = write_variant(tmp_path, old, new)
    assert "'SWE-2.2' is not verified" in problems(path)


def test_a_verified_clause_needs_its_text_and_a_regulator_clause_its_edition(tmp_path) -> None:
    old, new = 'edition = "2019"\nnumber = "5.6"', 'edition = "2020"\nnumber = "5.6"'
    path = write_variant(tmp_path, old, new)
    said = problems(path)
    assert "edition '2020' is not in" in said and ":" in said.splitlines()[0]
    path = write_variant(
        tmp_path,
        'text = "You must use media-sharing networks and social networking sites responsibly."',
        'text = ""',
    )
    assert "a verified clause needs its verbatim 'text'" in problems(path)


def test_a_regulator_clause_is_only_for_that_regulators_workers(tmp_path) -> None:
    path = write_variant(tmp_path, 'applies_to = ["swe"]', 'applies_to = ["all"]')
    assert 'must have applies_to = ["swe"]' in problems(path)


def test_a_quoted_clause_reads_as_one_sentence() -> None:
    clauses = CODES.clauses
    # The stem runs on into the item: "I will form", not "I will Form".
    assert clauses["SSSC2024-2.8"].quote.startswith("As a worker I will form open, positive")
    for clause in everything_shown():
        stem = clause.stem.rstrip()
        if stem and not stem.endswith((".", ":", ";", "?", "!")):
            joined = clause.quote[len(stem) :]
            # Either a run-on in lower case (or "I"), or a heading set off by a colon.
            assert joined.startswith(": ") or not joined[1:2].isupper() or joined[1:3] == "I "
