"""The desktop app says why it cannot start in a window — however it was started (`footprint`,
`footprint gui`, `footprint-gui`) — and offers Retry where trying again can help."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

# Imported before any test hides the shipped data: they keep its folders in module constants.
import app.checklists.codes  # noqa: F401
import app.checklists.loader  # noqa: F401
import app.desktop
import app.resources
import app.storage.database  # noqa: F401
from app.cli import main
from app.resources import ShippedData
from app.ui import startup_dialogs

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def shown(monkeypatch) -> list[str]:
    """What the start-up error window would have said (it is never really opened)."""
    said: list[str] = []
    monkeypatch.setattr(startup_dialogs, "show_startup_error", said.append)
    return said


@pytest.fixture
def retries(monkeypatch) -> list[str]:
    """Retry/Quit windows: the worker answers Quit; each message is kept."""
    asked: list[str] = []
    monkeypatch.setattr(startup_dialogs, "ask_retry", lambda m: asked.append(m) is not None)
    return asked


def _missing_data(monkeypatch, tmp_path) -> None:
    empty = ShippedData(tmp_path / "nowhere", tmp_path / "nowhere" / "app")
    monkeypatch.setattr(app.resources, "shipped", lambda: empty)


def test_the_desktop_app_shows_why_it_cannot_start(monkeypatch, tmp_path, capsys, shown) -> None:
    _missing_data(monkeypatch, tmp_path)
    assert app.desktop.main([]) == 2
    assert len(shown) == 1 and "installation is incomplete" in shown[0]
    assert "installation is incomplete" in capsys.readouterr().err  # a console still gets it


def test_without_a_console_the_sentence_still_reaches_the_window(
    monkeypatch, tmp_path, shown
) -> None:
    _missing_data(monkeypatch, tmp_path)
    monkeypatch.setattr(sys, "stderr", None)  # pythonw.exe, a windowed frozen app
    assert app.desktop.main(["gui", "--minimised"]) == 2
    assert sys.stderr is None
    assert "Please reinstall Footprint." in shown[0]


def test_other_commands_print_as_the_console_command_does(
    monkeypatch, tmp_path, capsys, shown
) -> None:
    _missing_data(monkeypatch, tmp_path)
    assert app.desktop.main(["validate"]) == 2
    assert app.desktop.main(["demo", "--no-gui"]) == 2
    assert shown == [] and "installation is incomplete" in capsys.readouterr().err


def test_the_demo_opens_the_app_so_its_errors_get_the_window_too(
    monkeypatch, tmp_path, shown
) -> None:
    _missing_data(monkeypatch, tmp_path)
    assert app.desktop.main(["demo"]) == 2
    assert len(shown) == 1


def test_a_newer_database_is_shown_in_a_window_by_footprint_gui_too(
    data_home, capsys, shown, retries
) -> None:
    assert main(["due"]) == 0
    with closing(sqlite3.connect(data_home.database)) as db, db:
        db.execute("UPDATE alembic_version SET version_num = 'ffff'")
    assert main(["gui"]) == 2
    assert retries == [] and len(shown) == 1  # retrying cannot help: Quit only
    assert "newer version of Footprint" in shown[0]
    assert "newer version of Footprint" in capsys.readouterr().err


def test_a_busy_database_offers_retry_and_starts_once_it_is_free(
    data_home, monkeypatch, shown
) -> None:
    from app.storage import database
    from tests.storage.test_database_faults import locked_by_another_process

    monkeypatch.setattr(database, "BUSY_TIMEOUT_S", 0.2)
    assert main(["due"]) == 0
    started: list[object] = []
    monkeypatch.setattr(
        "app.ui.application.run_application",
        lambda footprint, minimised=False: started.append(footprint) or 0,
    )
    asked: list[str] = []
    with locked_by_another_process(data_home.database) as release:

        def answer(message: str) -> bool:
            asked.append(message)
            release()  # the worker closes the other program, then presses Retry
            return True

        monkeypatch.setattr(startup_dialogs, "ask_retry", answer)
        assert main(["gui"]) == 0
    assert len(asked) == 1 and "in use by another program" in asked[0]
    assert len(started) == 1 and shown == []


def test_an_unusable_folder_offers_retry_and_quit_ends_with_2(tmp_path, monkeypatch, retries):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    monkeypatch.setenv("FOOTPRINT_HOME", str(blocker / "home"))
    assert main(["gui"]) == 2
    assert len(retries) == 1 and "cannot use the data folder" in retries[0]


def test_python_dash_m_app_runs_the_command_line(tmp_path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", "--version"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
    )
    assert result.returncode == 0 and result.stdout.startswith("Footprint ")


# --- Linux: the libraries Qt's X11 plugin needs, checked before Qt can abort -------------


@pytest.mark.parametrize(
    ("platform", "environ", "expected"),
    [
        ("linux", {"DISPLAY": ":0"}, True),
        ("linux", {"QT_QPA_PLATFORM": "xcb"}, True),
        ("linux", {"QT_QPA_PLATFORM": "offscreen"}, False),
        ("linux", {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}, False),
        ("linux", {"XDG_SESSION_TYPE": "wayland"}, True),  # no compositor to talk to
        ("win32", {}, False),
        ("darwin", {}, False),
    ],
)
def test_only_linux_on_x11_is_checked(platform, environ, expected) -> None:
    assert app.desktop.uses_x11(platform, environ) is expected


def test_the_loader_is_asked_for_each_library() -> None:
    assert app.desktop._loads("libc.so.6") is (sys.platform.startswith("linux"))
    assert not app.desktop._loads("libfootprint-no-such-library.so.0")
    missing = app.desktop.missing_x11_libraries(lambda soname: "cursor" not in soname)
    assert missing == ["libxcb-cursor0"]


def test_missing_libraries_stop_the_window_with_the_packages_to_install(monkeypatch) -> None:
    told: list[str] = []
    started: list[list[str]] = []
    monkeypatch.setattr(app.desktop, "uses_x11", lambda platform, environ: True)
    monkeypatch.setattr(app.desktop, "_loads", lambda soname: "xcb-cursor" not in soname)
    monkeypatch.setattr(app.desktop, "tell_without_qt", told.append)
    monkeypatch.setattr(app.desktop, "run_command", lambda argv: started.append(argv) or 0)
    assert app.desktop.main(["gui", "--minimised"]) == 2
    assert started == [] and len(told) == 1
    assert "sudo apt install libxcb-cursor0" in told[0]
    # Commands that open no window run as before.
    assert app.desktop.main(["validate"]) == 0 and started == [["validate"]]


def test_the_sentence_reaches_a_dialog_when_there_is_no_terminal(monkeypatch) -> None:
    shown: list[list[str]] = []
    monkeypatch.setattr(sys, "stderr", None)
    monkeypatch.setattr(app.desktop.shutil, "which", lambda name: name == "kdialog")
    monkeypatch.setattr(
        app.desktop.subprocess, "run", lambda command, **kwargs: shown.append(command)
    )
    app.desktop.tell_without_qt("Footprint cannot open its window")
    assert shown == [
        ["kdialog", "--title", "Footprint", "--error", "Footprint cannot open its window"]
    ]
