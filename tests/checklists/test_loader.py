from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.checklists.file_errors import ChecklistError
from app.checklists.loader import load_catalogue, load_platform_file, load_platform_text
from app.checklists.model import Category, ProbeRead, Severity

VALID = """\
format = 1

[platform]
id = "demo"
name = "Demo"
settings_url = "https://demo.example/settings"
recheck_days = 90

[[item]]
id = "private-account"
category = "account_privacy"
title = "Your account is private"
why = "Only people you approve see your posts."
codes = ["SSSC-5.7"]
steps = ["Settings", "Privacy", "Private account: on"]
safe = "Private account: on"
open_url = "https://demo.example/settings/privacy"
source = "https://help.demo.example/private"
severity = "high"

[item.probe]
url = "https://demo.example/settings/privacy"
locator = "role=checkbox[name='Private account']"
read = "checked"
safe_when = ["true"]

[[item]]
id = "tagging"
category = "tagging"
title = "You review tags"
why = "Photos others post of you stay off your profile until you approve them."
codes = ["SSSC-1.4", "HSCS-2.14"]
steps = ["Settings", "Tags", "Review tags: on"]
safe = "Review tags: on"
open_url = "https://demo.example/settings/tags"
source = "https://help.demo.example/tags"
severity = "medium"
"""
CODES = {"SSSC-5.7", "SSSC-1.4", "HSCS-2.14"}


def write(tmp_path: Path, text: str, name: str = "demo.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, fragment: str) -> int:
    """1-based line of the first line containing `fragment` (last match for '[[item]]')."""
    lines = text.splitlines()
    matches = [n for n, line in enumerate(lines, start=1) if fragment in line]
    return matches[-1] if fragment == "[[item]]" else matches[0]


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ChecklistError) as caught:
        load_platform_file(path, CODES)
    return caught.value.describe().splitlines()


def test_a_valid_file_becomes_a_platform(tmp_path: Path) -> None:
    platform = load_platform_file(write(tmp_path, VALID), CODES)
    assert platform.id == "demo" and platform.recheck_days == 90
    assert [i.id for i in platform.items] == ["private-account", "tagging"]
    first = platform.items[0]
    assert first.category is Category.ACCOUNT_PRIVACY and first.severity is Severity.HIGH
    assert first.steps == ("Settings", "Privacy", "Private account: on")
    assert first.probe is not None and first.probe.read is ProbeRead.CHECKED
    assert platform.items[1].probe is None


def test_a_missing_key_names_the_file_and_the_item_line(tmp_path: Path) -> None:
    text = VALID.replace('source = "https://help.demo.example/tags"\n', "")
    path = write(tmp_path, text)
    line = line_of(text, "[[item]]")
    assert problems_of(path) == [f"{path}:{line}: [item 1] is missing 'source'"]


def test_a_bad_value_names_its_own_line(tmp_path: Path) -> None:
    text = VALID.replace('severity = "medium"', 'severity = "urgent"')
    path = write(tmp_path, text)
    line = line_of(text, '"urgent"')
    assert problems_of(path) == [
        f"{path}:{line}: 'severity' = 'urgent' is not one of: high, medium, low"
    ]


def test_every_problem_in_a_file_is_reported(tmp_path: Path) -> None:
    text = VALID.replace("recheck_days = 90", "recheck_days = 3").replace(
        'codes = ["SSSC-5.7"]', 'codes = ["SSSC-9.9"]'
    )
    lines = problems_of(write(tmp_path, text))
    assert any(":7: 'recheck_days' must be a whole number from 7 to 366" in x for x in lines)
    line = line_of(text, "SSSC-9.9")
    assert any(f":{line}: code 'SSSC-9.9' is not in resources/codes.toml" in x for x in lines)


def test_toml_syntax_errors_keep_their_line(tmp_path: Path) -> None:
    path = write(tmp_path, VALID.replace('name = "Demo"', 'name = "Demo'))
    [message] = problems_of(path)
    assert message.startswith(f"{path}:5: not valid TOML")


def test_unknown_keys_are_reported_to_catch_typos(tmp_path: Path) -> None:
    text = VALID.replace('title = "You review tags"', 'titel = "You review tags"')
    path = write(tmp_path, text)
    lines = problems_of(path)
    unknown = f"{path}:{line_of(text, 'titel')}: unknown key 'titel' in [item 1] (expected: "
    assert any(line.startswith(unknown) for line in lines)
    assert any("[item 1] is missing 'title'" in x for x in lines)


def test_http_addresses_and_duplicate_ids_are_refused(tmp_path: Path) -> None:
    text = VALID.replace('"https://help.demo.example/tags"', '"http://help.demo.example/tags"')
    text = text.replace('id = "tagging"', 'id = "private-account"')
    lines = problems_of(write(tmp_path, text))
    assert any("'source' must be an https:// address" in x for x in lines)
    line = line_of(text, "[[item]]") + 1
    assert any(f":{line}: item id 'private-account' is used twice" in x for x in lines)


def test_the_platform_id_must_match_the_file_name(tmp_path: Path) -> None:
    path = write(tmp_path, VALID, name="other.toml")
    assert problems_of(path) == [f"{path}:4: platform id 'demo' must match the file name 'other'"]


def test_a_file_that_is_not_utf8_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "demo.toml"
    path.write_bytes(b"\xff\xfe[platform]")
    assert problems_of(path)[0].startswith(f"{path}:1: not UTF-8 text")


def test_a_catalogue_keeps_the_valid_files_and_reports_the_others(tmp_path: Path) -> None:
    good = write(tmp_path, VALID)
    bad = write(tmp_path, "[platform]\nid = 'broken'\n", name="broken.toml")
    report = load_catalogue([good, bad], CODES)
    assert report.catalogue.ids == ("demo",)
    assert [e.path for e in report.errors] == [bad]


toml_like = st.text(alphabet=st.sampled_from(list("[]=\"'.,#\n abcdeiklmnoprstuy0123456789_-")))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.one_of(toml_like, st.text(), st.builds(lambda cut: VALID[:cut], st.integers(0, 1200))))
def test_any_text_gives_a_platform_or_the_loaders_own_error(text: str) -> None:
    try:
        load_platform_text(text, Path("fuzz.toml"), CODES)
    except ChecklistError as error:
        assert all(p.line >= 1 for p in error.problems)
        assert str(error).startswith("fuzz.toml:")


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_any_value_in_any_field_gives_the_loaders_own_error(data: st.DataObject) -> None:
    values = st.one_of(
        st.integers(), st.booleans(), st.text(max_size=5), st.just("[1, 2]"), st.just("{a = 1}")
    )
    lines = VALID.splitlines()
    index = data.draw(st.sampled_from([i for i, line in enumerate(lines) if " = " in line]))
    key = lines[index].split(" = ")[0]
    value = data.draw(values)
    rendered = value if isinstance(value, str) and value[:1] in "[{" else repr(value).lower()
    lines[index] = f"{key} = {rendered}"
    try:
        load_platform_text("\n".join(lines), Path("fuzz.toml"), CODES)
    except ChecklistError:
        pass


VALID_V2 = """\
format = 2

[platform]
id = "demo"
name = "Demo"
settings_url = "https://demo.example/settings"
recheck_days = 90

[[item]]
id = "private-account"
category = "account_privacy"
name = "Account privacy"
goal = "Your account is private"
action = "Make your account private"
why = "Only people you approve see your posts."
concerns = ["findability", "boundaries"]
steps = ["Settings", "Privacy", "Private account: on"]
app_steps = ["Profile", "Menu", "Account privacy"]
safe = "Private account: on"
open_url = "https://demo.example/settings/privacy"
source = "https://help.demo.example/private"
evidence = "platform"
severity = "high"
"""


def test_format_2_names_an_item_three_ways_and_gives_its_concerns(tmp_path) -> None:
    from app.checklists.model import Concern, Evidence

    [item] = load_platform_file(write(tmp_path, VALID_V2), CODES).items
    assert (item.name, item.goal, item.action) == (
        "Account privacy",
        "Your account is private",
        "Make your account private",
    )
    assert item.concerns == (Concern.FINDABILITY, Concern.BOUNDARIES) and item.codes == ()
    assert item.app_steps == ("Profile", "Menu", "Account privacy")
    assert item.evidence is Evidence.PLATFORM


def test_format_1_still_loads_its_title_serving_as_all_three_names(tmp_path) -> None:
    first = load_platform_file(write(tmp_path, VALID), CODES).items[0]
    assert first.name == first.goal == first.action == "Your account is private"


def test_format_2_rejects_an_unknown_concern_and_a_format_1_title(tmp_path) -> None:
    text = VALID_V2.replace('"boundaries"]', '"gossip"]').replace(
        'goal = "Your account is private"', 'title = "Your account is private"'
    )
    with pytest.raises(ChecklistError) as raised:
        load_platform_file(write(tmp_path, text), CODES)
    message = raised.value.describe()
    assert "'concerns' has 'gossip'" in message and "unknown key 'title'" in message
    assert "missing 'goal'" in message
