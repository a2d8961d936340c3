"""The data home: any folder name works, a shared folder is never taken over, and everything
Footprint writes there (or has a browser write there) is readable by the worker only."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.paths import APP_NAME, HOME_ENV, HomeError, data_home, owner_only_files
from tests.conftest import WAIT_MS
from tests.downloads.builders import write_zip, x_archive

ROOT = Path(__file__).resolve().parents[1]
PACK = ROOT / "resources" / "examples" / "riverside-care-policy.toml"
POSIX = os.name == "posix"
# '?' cannot be in a Windows file name; '#' and '%' can, and URLs read all three specially.
ODD_NAME = "we#ird%20na%me?[1]" if POSIX else "we#ird%20na%me[1]"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def run(home: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, HOME_ENV: str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=WAIT_MS / 1000,
        check=False,
    )


@pytest.mark.real_migrations  # a '%' in the path must survive Alembic's configuration too
def test_every_command_works_in_a_folder_with_hash_question_mark_and_percent(
    tmp_path, monkeypatch, capsys
) -> None:
    """In this process (each command as `footprint` runs it, from `app.cli.main`): nine
    interpreters started for it cost ~6 s of CPU. Starting from another folder is
    tests/test_install.py's, and the desktop app's start in such a folder the next test's."""
    outside = tmp_path / ODD_NAME
    outside.mkdir()  # commands run from here: a stray relative file would land here
    home = outside / "home"
    monkeypatch.setenv(HOME_ENV, str(home))
    monkeypatch.chdir(outside)
    out = tmp_path / "out"
    out.mkdir()
    export = write_zip(out / "x export #1.zip", x_archive())
    commands = [
        ["demo", "--no-gui"],
        ["due"],
        ["validate"],
        ["policy", "add", str(PACK)],
        ["policy", "list"],
        ["reminders", "--ics", str(out / "r.ics")],
        ["report", "--out", str(out / "r.pdf")],
        ["import-export", str(export)],
        ["policy", "remove", "riverside-care-policy"],
    ]
    for command in commands:
        expected = {"due": 1}.get(command[0], 0)
        assert main(command) == expected, (command, capsys.readouterr())
    assert (out / "r.pdf").exists() and (out / "r.ics").exists()
    stray = [p.name for p in outside.iterdir() if p != home]
    assert stray == []  # nothing was created beside the home, under a cut-short name
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([ODD_NAME, "out"])


def test_the_desktop_app_starts_in_such_a_folder_too(tmp_path) -> None:
    from app.ui.single_instance import hand_off

    outside = tmp_path / ODD_NAME
    outside.mkdir()
    home = outside / "home"
    assert run(home, "demo", "--no-gui", cwd=outside).returncode == 0
    env = {**os.environ, HOME_ENV: str(home), "QT_QPA_PLATFORM": "offscreen"}
    app = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "gui"], cwd=outside, env=env)
    try:
        import time

        deadline = time.monotonic() + WAIT_MS / 1000
        while not hand_off(home, show=False):  # until the window is up and listening
            assert app.poll() is None and time.monotonic() < deadline
    finally:
        app.kill()
        app.wait()
    assert [p.name for p in outside.iterdir()] == ["home"]


def test_a_folder_of_other_files_is_left_alone_and_a_footprint_folder_made_inside(
    tmp_path, monkeypatch
) -> None:
    shared = tmp_path / "Documents"
    shared.mkdir()
    (shared / "letter.txt").write_text("someone else's")
    shared.chmod(0o755)
    monkeypatch.setenv(HOME_ENV, str(shared))
    assert main(["due"]) == 0
    assert mode(shared) == 0o755  # not tightened: it is not Footprint's folder
    assert (shared / APP_NAME / "footprint.db").exists()
    assert not (shared / "footprint.db").exists()
    assert data_home().root == shared / APP_NAME  # the next start finds the same place
    if POSIX:
        assert mode(shared / APP_NAME) == 0o700


def test_an_existing_data_home_or_an_empty_folder_is_used_as_it_is(tmp_path, monkeypatch):
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv(HOME_ENV, str(empty))
    assert main(["due"]) == 0
    assert (empty / "footprint.db").exists() and data_home().root == empty


def test_a_folder_whose_footprint_folder_holds_other_files_is_refused(
    tmp_path, monkeypatch, capsys
) -> None:
    shared = tmp_path / "Shared"
    (shared / APP_NAME).mkdir(parents=True)
    (shared / "notes.txt").write_text("x")
    (shared / APP_NAME / "readme.txt").write_text("another program's")
    monkeypatch.setenv(HOME_ENV, str(shared))
    with pytest.raises(HomeError):
        data_home()
    assert main(["due"]) == 2
    assert "holds other files" in capsys.readouterr().err
    assert sorted(p.name for p in (shared / APP_NAME).iterdir()) == ["readme.txt"]


@pytest.mark.skipif(not POSIX, reason="POSIX file modes")
def test_log_policy_packs_and_calendar_files_are_owner_only(data_home, tmp_path) -> None:
    previous = os.umask(0o022)  # a usual desktop umask: files readable by everyone
    try:
        assert main(["demo", "--no-gui"]) == 0
        assert main(["policy", "add", str(PACK)]) == 0
        assert main(["reminders", "--ics", str(tmp_path / "r.ics")]) == 0
    finally:
        os.umask(previous)
    assert mode(data_home.log_file) == 0o600
    assert mode(data_home.policy_dir) == 0o700
    assert mode(data_home.policy_dir / "riverside-care-policy.toml") == 0o600
    assert mode(tmp_path / "r.ics") == 0o600
    assert mode(data_home.database) == 0o600


@pytest.mark.skipif(not POSIX, reason="POSIX file modes")
def test_a_log_left_readable_by_an_older_version_is_tightened(data_home) -> None:
    data_home.ensure()
    data_home.log_file.write_text("old\n")
    data_home.log_file.chmod(0o644)
    assert main(["due"]) == 0
    assert mode(data_home.log_file) == 0o600


@pytest.mark.skipif(not POSIX, reason="POSIX file modes")
def test_programs_footprint_starts_make_owner_only_files(tmp_path) -> None:
    """The browser that reads settings writes its profile files itself; it inherits this."""
    previous = os.umask(0o022)
    try:
        with owner_only_files():
            subprocess.run(
                [sys.executable, "-c", "import sys; open(sys.argv[1], 'w').close()", "f"],
                cwd=tmp_path,
                check=True,
            )
            (tmp_path / "profile").mkdir()
    finally:
        os.umask(previous)
    assert mode(tmp_path / "f") == 0o600 and mode(tmp_path / "profile") == 0o700


def test_every_command_runs_with_owner_only_files(monkeypatch) -> None:
    import app.cli

    seen: list[int] = []

    def record(_args: object) -> int:
        current = os.umask(0o077)
        seen.append(current)
        return 0

    monkeypatch.setattr(app.cli, "_run_due", record)
    assert main(["due"]) == 0
    assert seen == [0o077]
