from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from app.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_validate_passes_on_the_shipped_audits(capsys) -> None:
    assert main(["validate"]) == 0
    assert ": ok (" in capsys.readouterr().out


def test_validate_fails_with_file_and_line(tmp_path, capsys) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[platform]\nid = 'bad'\nname = 3\n")
    assert main(["validate", str(bad)]) == 1
    assert f"{bad}:3: 'name' in [platform] must be non-empty text" in capsys.readouterr().err


def test_due_on_an_empty_home_says_to_set_up_and_finds_nothing_due(capsys) -> None:
    assert main(["due"]) == 0
    assert "not set up yet" in capsys.readouterr().out


def test_due_after_the_demo_reports_the_overdue_and_drifted_platforms(capsys) -> None:
    assert main(["demo", "--no-gui"]) == 0
    capsys.readouterr()
    assert main(["due", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    reasons = " ".join(r for entry in report["due"] for r in entry["reasons"])
    assert "overdue" in reasons and "slid back" in reasons


def test_demo_refuses_a_home_that_already_has_audits(capsys) -> None:
    assert main(["demo", "--no-gui"]) == 0
    assert main(["demo", "--no-gui"]) == 2
    assert "already holds audits" in capsys.readouterr().err


def test_due_reports_a_database_from_a_newer_version_without_a_traceback(data_home) -> None:
    assert main(["due"]) == 0
    import sqlite3

    with sqlite3.connect(data_home.database) as db:
        db.execute("UPDATE alembic_version SET version_num = 'ffff'")
    result = subprocess.run(
        [sys.executable, "main.py", "due"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "newer version of Footprint" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("command", [[], ["validate"], ["due"], ["demo"], ["gui"], ["watch"]])
def test_every_command_has_help(command, capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([*command, "--help"])
    assert exit_.value.code == 0
    assert "usage: footprint" in capsys.readouterr().out


def test_version_and_unknown_commands() -> None:
    version = subprocess.run(
        [sys.executable, "main.py", "--version"], cwd=ROOT, capture_output=True, text=True
    )
    assert version.returncode == 0 and version.stdout.startswith("Footprint ")
    unknown = subprocess.run(
        [sys.executable, "main.py", "frobnicate"], cwd=ROOT, capture_output=True, text=True
    )
    assert unknown.returncode == 2 and "invalid choice" in unknown.stderr


def test_watch_is_off_until_enabled_and_says_what_it_watches(capsys) -> None:
    assert main(["watch", "--status"]) == 0
    assert "The watch is off" in capsys.readouterr().out
    assert main(["watch", "--once"]) == 2  # off: nothing is looked at
    assert "The watch is off" in capsys.readouterr().err
    assert main(["watch", "--enable"]) == 0
    out = capsys.readouterr().out
    assert "The watch is on" in out and "No public profile addresses are saved" in out
    assert main(["watch", "--confirm"]) == 0
    assert "Confirmed 0 change(s)" in capsys.readouterr().out
    assert main(["watch", "--disable"]) == 0
    assert "The watch is off" in capsys.readouterr().out


@pytest.mark.browser
def test_watch_once_without_a_usable_browser_says_so_and_records_no_look(capsys) -> None:
    from app.clock import FixedClock
    from app.footprint import open_footprint
    from app.paths import data_home
    from tests.conftest import START

    assert main(["watch", "--enable"]) == 0
    footprint = open_footprint(data_home(), FixedClock(START))
    assert footprint.save_public_addresses({"x": "https://x.com/jo_public"}) == {}
    footprint.close()
    capsys.readouterr()
    assert main(["watch", "--once", "--browser", "/nonexistent/chrome"]) == 2
    assert "was not found" in capsys.readouterr().err
    assert main(["watch", "--once", "--browser", "/bin/false"]) == 2  # starts, then fails
    err = capsys.readouterr().err
    assert err.startswith("footprint: ") and "Traceback" not in err
    footprint = open_footprint(data_home(), FixedClock(START))
    try:
        assert footprint.store.watch_looks_since(START - timedelta(days=365)) == []
    finally:
        footprint.close()


def test_watch_rereads_are_chosen_per_platform_and_said_in_the_status(capsys) -> None:
    assert main(["watch", "--reread", "instagram"]) == 0
    out = capsys.readouterr().out
    assert "The watch is off" in out  # the signed-out looks stay off until chosen
    assert "Signed-in re-reads (only on a session already signed in; never signs in)" in out
    assert "Instagram settings: not re-read yet" in out
    assert main(["watch", "--reread", "nowhere"]) == 2
    assert "cannot re-read 'nowhere'" in capsys.readouterr().err
    assert main(["watch", "--once", "--browser", "/nonexistent/chrome"]) == 2  # re-reads: on
    assert "was not found" in capsys.readouterr().err
    assert main(["watch", "--no-reread", "instagram"]) == 0
    assert "Signed-in re-reads" not in capsys.readouterr().out
    assert main(["watch", "--once"]) == 2  # nothing chosen at all
    assert "The watch is off" in capsys.readouterr().err
