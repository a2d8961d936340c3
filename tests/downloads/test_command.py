"""`python main.py import-export PATH`: what it prints and its exit codes (0, 1, 2)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from app.cli import main
from tests.downloads import builders

ROOT = Path(__file__).resolve().parents[2]


def stored(data_home) -> tuple[int, int]:
    with closing(sqlite3.connect(data_home.database)) as db:
        answers = db.execute("SELECT count(*) FROM answer").fetchone()[0]
        imports = db.execute("SELECT count(*) FROM export_import").fetchone()[0]
    return answers, imports


def test_an_x_archive_prints_platform_date_and_answered_items(tmp_path, capsys, data_home):
    path = builders.write_zip(tmp_path / "x.zip", builders.x_archive(contacts=2))
    assert main(["import-export", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "Read:\n  X (Twitter) export of 20 Feb 2026 (JavaScript data files (data/*.js); date "
        "from the archive's manifest).\n"
    )
    assert "Answers saved to your audit history (audit 1):\n" in out
    assert (
        "  Protect your posts: Safe — Protect your posts: on (from your X (Twitter) "
        "export of 20 Feb 2026)\n" in out
    )
    assert "Address book: 2 contacts uploaded (from your X (Twitter) export of 20 Feb 2026)" in out
    assert "Connections:\n  2 followers, 1 following." in out
    assert "Check by hand:\n  X (Twitter) checklist items this export does not answer: " in out
    assert stored(data_home) == (2, 1)


def test_instagram_names_the_setting_the_checklist_has_no_item_for(tmp_path, capsys):
    path = builders.write_zip(tmp_path / "ig.zip", builders.instagram_export())
    assert main(["import-export", str(path), "--platform", "instagram"]) == 0
    out = capsys.readouterr().out
    assert "Private account: on (from your Instagram export of 20 Feb 2026)" in out
    assert "Also in the export: Contact syncing: on" in out
    assert "@sunny.days_77" not in out and "sunny.days" not in out  # names: in-app review only


def test_an_html_export_finds_nothing_usable(tmp_path, capsys, data_home):
    path = builders.write_zip(tmp_path / "fb.zip", builders.facebook_export(fmt="html"))
    assert main(["import-export", str(path)]) == 1
    assert "change Format from HTML to JSON" in capsys.readouterr().err
    assert stored(data_home) == (0, 0)


@pytest.mark.parametrize("case", ["corrupt", "traversal", "wrong-platform"])
def test_a_bad_archive_exits_2_and_saves_nothing(tmp_path, capsys, data_home, case):
    path = tmp_path / "export.zip"
    args = ["import-export", str(path)]
    if case == "corrupt":
        path.write_bytes(b"PK\x03\x04 this is not really a zip")
    elif case == "traversal":
        builders.write_zip(path, {**builders.x_archive(), "../../evil.js": "x"})
    else:
        builders.write_zip(path, builders.linkedin_export())
        args += ["--platform", "facebook"]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("footprint: ") and "Traceback" not in err
    assert stored(data_home) == (0, 0)


def test_from_a_shell_with_main_py(tmp_path):
    path = builders.write_zip(tmp_path / "li.zip", builders.linkedin_export())
    result = subprocess.run(
        [sys.executable, "main.py", "import-export", str(path)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "LinkedIn export of " in result.stdout and "(CSV; date from" in result.stdout
    assert "This export does not record any setting on the checklist." in result.stdout
    assert "3 connections, 1 request you received" in result.stdout


def test_the_command_has_help(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["import-export", "--help"])
    assert exit_.value.code == 0
    assert "usage: footprint import-export" in capsys.readouterr().out


def test_a_full_disk_while_importing_is_the_full_disk_sentence_not_a_traceback(
    tmp_path, capsys, data_home, monkeypatch
) -> None:
    from tests.storage.faults import every_write_fails_full

    every_write_fails_full(monkeypatch)
    path = builders.write_zip(tmp_path / "x.zip", builders.x_archive())
    assert main(["import-export", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(
        f"footprint: Footprint cannot write its database {data_home.database}: the disk is full"
    )
    assert "Traceback" not in err and "Nothing was changed" in err
    assert stored(data_home) == (0, 0)
