from __future__ import annotations

from pathlib import Path

import pytest

from app.checklists.codes import load_code_book
from app.checklists.file_errors import ChecklistError
from app.checklists.model import Severity
from app.checklists.policy import apply_pack, load_policy_pack
from app.cli import main
from app.clock import FixedClock
from app.footprint import load_shipped_catalogue, open_footprint
from app.services.policy_packs import install_pack, installed_pack_files
from tests.conftest import START

SAMPLE = Path(__file__).resolve().parents[2] / "resources/examples/riverside-care-policy.toml"
CODES = load_code_book()
SHIPPED, _ = load_shipped_catalogue(CODES)
KNOWN = set(CODES.known_ids())


def test_the_sample_pack_adds_items_platforms_severity_and_intervals() -> None:
    pack = load_policy_pack(SAMPLE, SHIPPED, KNOWN)
    catalogue = apply_pack(SHIPPED, pack)
    facebook = catalogue.platform("facebook")
    assert facebook.policy_recheck_days == 60
    assert facebook.item("tag-review").severity is Severity.HIGH
    added = facebook.item("no-service-groups")
    assert added.origin == "employer: Riverside Care (sample)"
    network = catalogue.platform("staff-network")
    assert network.origin == added.origin and network.item_ids == ("no-service-user-details",)
    assert catalogue.ids[-1] == "general"  # general checks stay last


def write_pack(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "pack.toml"
    path.write_text('[policy]\norganisation = "Org"\ntitle = "Policy"\n' + body)
    return path


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        (
            '[[change]]\nplatform = "myspace"\nrecheck_days = 30\n',
            5,
            "no shipped platform 'myspace'",
        ),
        (
            '[[change]]\nplatform = "facebook"\n'
            'raise_severity = { "two-step-verification" = "low" }\n',
            6,
            "can only be raised, not lowered",
        ),
        ('[[change]]\nplatform = "facebook"\nrecheck_days = 1000\n', 6, "from 7 to 366"),
    ],
)
def test_bad_changes_name_their_line(tmp_path, body, line, message) -> None:
    path = write_pack(tmp_path, body)
    with pytest.raises(ChecklistError) as caught:
        load_policy_pack(path, SHIPPED, KNOWN)
    assert f"{path}:{line}: " in caught.value.describe()
    assert message in caught.value.describe()


def test_an_item_clashing_with_a_shipped_one_is_refused(tmp_path) -> None:
    item = SAMPLE.read_text().split("[[item]]")[1].replace("no-service-groups", "friend-requests")
    path = write_pack(tmp_path, "[[item]]" + item.split("# A platform")[0])
    with pytest.raises(ChecklistError, match="facebook already has an item 'friend-requests'"):
        load_policy_pack(path, SHIPPED, KNOWN)


def test_a_bad_pack_is_not_installed_at_all(tmp_path, data_home) -> None:
    footprint = open_footprint(data_home, FixedClock(START))
    bad = write_pack(tmp_path, '[[change]]\nplatform = "myspace"\n')
    with pytest.raises(ChecklistError):
        install_pack(data_home, bad, footprint.shipped, KNOWN)
    assert installed_pack_files(data_home) == []
    footprint.close()


def test_cli_add_list_remove_and_the_interval_reaches_the_schedule(capsys, data_home) -> None:
    assert main(["policy", "add", str(SAMPLE)]) == 0
    assert main(["policy", "list"]) == 0
    assert "riverside-care-policy.toml: Staff social media policy" in capsys.readouterr().out
    footprint = open_footprint(data_home, FixedClock(START))
    assert "staff-network" in footprint.catalogue.ids
    [facebook] = [o for o in footprint.dashboard().overviews if o.platform.id == "facebook"]
    assert facebook.due.interval_days == 60
    footprint.close()
    assert main(["policy", "remove", "riverside-care-policy.toml"]) == 0
    assert main(["policy", "remove", "riverside-care-policy.toml"]) == 2
    assert "no installed policy pack" in capsys.readouterr().err


def test_cli_add_reports_file_and_line_and_exits_2(tmp_path, capsys) -> None:
    bad = write_pack(tmp_path, '[[change]]\nplatform = "myspace"\n')
    assert main(["policy", "add", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:5: no shipped platform 'myspace'" in err and "was not installed" in err


BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def test_bidi_controls_in_a_packs_platform_name_never_reach_its_outputs(tmp_path) -> None:
    """A pack's platform name goes into the .ics, the report and the CLI: its bidi controls
    are dropped where the pack is read (one place: app.formatting.display_text)."""
    hostile = f"\u202eRiverside{BIDI} staff\u2066 network\u200f"
    text = SAMPLE.read_text(encoding="utf-8").replace("Riverside staff network", hostile)
    path = tmp_path / "pack.toml"
    path.write_text(text, encoding="utf-8")
    catalogue = apply_pack(SHIPPED, load_policy_pack(path, SHIPPED, KNOWN))
    assert catalogue.platform("staff-network").name == "Riverside staff network"


def test_an_id_with_a_bidi_control_is_still_refused_not_quietly_cleaned(tmp_path) -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace(
        'id = "staff-network"', 'id = "staff\u202e-network"'
    )
    path = tmp_path / "pack.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ChecklistError, match="must be lowercase letters"):
        load_policy_pack(path, SHIPPED, KNOWN)
