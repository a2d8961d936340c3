"""The windowed entry point: a desktop app that cannot start says why in a message box."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import app.desktop
import app.resources
from app.resources import ShippedData

ROOT = Path(__file__).resolve().parents[1]


def _missing_data(monkeypatch, tmp_path) -> list[str]:
    empty = ShippedData(tmp_path / "nowhere", tmp_path / "nowhere" / "app")
    monkeypatch.setattr(app.resources, "shipped", lambda: empty)
    shown: list[str] = []
    monkeypatch.setattr(app.desktop, "show_error", shown.append)
    return shown


def test_the_desktop_app_shows_why_it_cannot_start(monkeypatch, tmp_path, capsys) -> None:
    shown = _missing_data(monkeypatch, tmp_path)
    assert app.desktop.main([]) == 2
    assert len(shown) == 1 and "installation is incomplete" in shown[0]
    assert "installation is incomplete" in capsys.readouterr().err  # a console still gets it


def test_without_a_console_the_sentence_still_reaches_the_box(monkeypatch, tmp_path) -> None:
    shown = _missing_data(monkeypatch, tmp_path)
    monkeypatch.setattr(sys, "stderr", None)  # pythonw.exe, a windowed frozen app
    assert app.desktop.main(["gui", "--minimised"]) == 2
    assert sys.stderr is None
    assert "Please reinstall Footprint." in shown[0]


def test_other_commands_print_as_the_console_command_does(monkeypatch, tmp_path, capsys) -> None:
    shown = _missing_data(monkeypatch, tmp_path)
    assert app.desktop.main(["validate"]) == 2
    assert app.desktop.main(["demo", "--no-gui"]) == 2
    assert shown == [] and "installation is incomplete" in capsys.readouterr().err


def test_the_demo_opens_the_app_so_its_errors_get_the_box_too(monkeypatch, tmp_path) -> None:
    shown = _missing_data(monkeypatch, tmp_path)
    assert app.desktop.main(["demo"]) == 2
    assert len(shown) == 1


def test_python_dash_m_app_runs_the_command_line(tmp_path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", "--version"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
    )
    assert result.returncode == 0 and result.stdout.startswith("Footprint ")
