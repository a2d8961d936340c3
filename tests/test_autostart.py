"""Start at login on the three systems, with the system calls faked."""

from __future__ import annotations

import plistlib
from pathlib import Path
from typing import Any

import pytest

from app.autostart import (
    RUN_KEY,
    RUN_VALUE,
    Autostart,
    Launch,
    desktop_entry,
    desktop_exec_argument,
)

COMMAND = ["/opt/Foot & Print/bin/footprint-gui", "gui", "--minimised"]


def _touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("")
    return path


def _launch(tmp_path: Path, **overrides: Any) -> Launch:
    values: dict[str, Any] = {
        "platform": "linux",
        "executable": tmp_path / "venv/bin/python",
        "script": tmp_path / "elsewhere/pytest",
        "frozen": False,
        "package": tmp_path / "site-packages/app",
    }
    return Launch(**{**values, **overrides})


# --- the command comes from how Footprint was started --------------------------------------


def test_a_frozen_app_starts_its_windowed_executable(tmp_path) -> None:
    gui = _touch(tmp_path / "Footprint/Footprint.exe")
    cli = _touch(tmp_path / "Footprint/footprint-cli.exe")
    launch = _launch(tmp_path, platform="win32", frozen=True, executable=cli)
    assert launch.command() == [str(gui), "gui", "--minimised"]


def test_a_frozen_mac_app_starts_the_executable_inside_the_bundle(tmp_path) -> None:
    exe = _touch(tmp_path / "Footprint.app/Contents/MacOS/Footprint")
    launch = _launch(tmp_path, platform="darwin", frozen=True, executable=exe)
    assert launch.command() == [str(exe), "gui", "--minimised"]


def test_an_installed_entry_point_prefers_the_windowless_gui_script(tmp_path) -> None:
    scripts = tmp_path / "venv/Scripts"
    console = _touch(scripts / "footprint.exe")
    gui = _touch(scripts / "footprint-gui.exe")
    launch = _launch(tmp_path, platform="win32", script=console)
    assert launch.command() == [str(gui), "gui", "--minimised"]


def test_an_installed_gui_script_on_linux_is_used_as_it_is(tmp_path) -> None:
    gui = _touch(tmp_path / ".local/bin/footprint-gui")
    assert _launch(tmp_path, script=gui).command()[0] == str(gui)


def test_a_checkout_runs_main_py_with_pythonw_on_windows(tmp_path) -> None:
    main_py = _touch(tmp_path / "checkout/main.py")
    pythonw = _touch(tmp_path / "checkout/.venv/Scripts/pythonw.exe")
    launch = _launch(
        tmp_path,
        platform="win32",
        executable=tmp_path / "checkout/.venv/Scripts/python.exe",
        script=main_py,
        package=tmp_path / "checkout/app",
    )
    assert launch.command() == [str(pythonw), str(main_py), "gui", "--minimised"]


def test_without_script_or_checkout_it_runs_the_package_with_the_same_python(tmp_path) -> None:
    python = tmp_path / "venv/bin/python"
    assert _launch(tmp_path).command() == [str(python), "-m", "app", "gui", "--minimised"]


# --- Windows: the per-user Run key ---------------------------------------------------------


class FakeWinreg:
    """The parts of winreg that autostart uses, over a dict of key -> {name: value}."""

    HKEY_CURRENT_USER = "HKCU"
    KEY_SET_VALUE, KEY_QUERY_VALUE, REG_SZ = 2, 1, 1

    def __init__(self) -> None:
        self.keys: dict[tuple[str, str], dict[str, tuple[str, int]]] = {}

    class _Key:
        def __init__(self, values: dict[str, tuple[str, int]]) -> None:
            self.values = values

        def __enter__(self) -> FakeWinreg._Key:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

    def CreateKeyEx(self, root: str, path: str, reserved: int, access: int) -> _Key:
        assert access == self.KEY_SET_VALUE
        return self._Key(self.keys.setdefault((root, path), {}))

    def OpenKey(self, root: str, path: str, reserved: int, access: int) -> _Key:
        if (root, path) not in self.keys:
            raise FileNotFoundError(path)
        return self._Key(self.keys[(root, path)])

    def SetValueEx(self, key: _Key, name: str, reserved: int, kind: int, value: str) -> None:
        key.values[name] = (value, kind)

    def QueryValueEx(self, key: _Key, name: str) -> tuple[str, int]:
        if name not in key.values:
            raise FileNotFoundError(name)
        return key.values[name]

    def DeleteValue(self, key: _Key, name: str) -> None:
        if name not in key.values:
            raise FileNotFoundError(name)
        del key.values[name]


def test_windows_writes_a_quoted_command_line_to_the_per_user_run_key(tmp_path) -> None:
    registry = FakeWinreg()
    appdata = tmp_path / "AppData/Roaming"
    old_cmd = _touch(appdata / "Microsoft/Windows/Start Menu/Programs/Startup/footprint.cmd")
    autostart = Autostart("win32", tmp_path, registry, {"APPDATA": str(appdata)})
    exe = r"C:\Users\Jo Bloggs\AppData\Local\Programs\Footprint\Footprint.exe"
    assert not autostart.is_enabled()
    assert autostart.enable([exe, "gui", "--minimised"]) is None
    value, kind = registry.keys[("HKCU", RUN_KEY)][RUN_VALUE]
    assert value == f'"{exe}" gui --minimised' and kind == FakeWinreg.REG_SZ
    assert autostart.is_enabled()
    assert not old_cmd.exists(), "the old console-opening Startup file is removed"
    autostart.disable()
    assert RUN_VALUE not in registry.keys[("HKCU", RUN_KEY)] and not autostart.is_enabled()
    autostart.disable()  # turning it off twice is fine


def test_windows_run_key_path_is_the_current_users_run_key() -> None:
    assert RUN_KEY == r"Software\Microsoft\Windows\CurrentVersion\Run"


# --- macOS: a LaunchAgent built with plistlib ----------------------------------------------


def test_macos_writes_a_launch_agent_that_survives_an_ampersand(tmp_path) -> None:
    autostart = Autostart("darwin", tmp_path)
    path = autostart.enable(COMMAND)
    assert path == tmp_path / "Library/LaunchAgents/org.footprint.app.plist"
    agent = plistlib.loads(path.read_bytes())
    assert agent["ProgramArguments"] == COMMAND
    assert agent["Label"] == "org.footprint.app" and agent["RunAtLoad"] is True
    assert autostart.is_enabled()
    autostart.disable()
    assert not path.exists() and not autostart.is_enabled()


# --- Linux: an XDG autostart entry ---------------------------------------------------------


def _unescape_string(value: str) -> str:
    """A .desktop string value: \\s \\n \\t \\r and \\\\ escapes."""
    escapes = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}
    out, chars = "", iter(value)
    for char in chars:
        out += escapes[next(chars)] if char == "\\" else char
    return out


def _split_exec(value: str) -> list[str]:
    """Exec arguments: double-quoted ones have \\" \\` \\$ \\\\ escapes; then %% is %."""
    arguments: list[str] = []
    current, quoted, started, chars = "", False, False, iter(value)
    for char in chars:
        if quoted and char == "\\":
            current += next(chars)
        elif char == '"':
            quoted, started = not quoted, True
        elif char == " " and not quoted:
            if started:
                arguments.append(current)
            current, started = "", False
        else:
            current, started = current + char, True
    if started:
        arguments.append(current)
    return [argument.replace("%%", "%") for argument in arguments]


def _exec_arguments(entry: str) -> list[str]:
    """Read Exec back as the Desktop Entry spec says: string escapes first, then quoting."""
    line = next(v for k, _, v in (x.partition("=") for x in entry.splitlines()) if k == "Exec")
    return _split_exec(_unescape_string(line))


@pytest.mark.parametrize(
    "program",
    [
        "/usr/bin/footprint-gui",
        "/home/jo/My Apps/footprint-gui",
        '/home/jo/odd "quotes" $HOME `tick` back\\slash 100%/footprint-gui',
    ],
)
def test_linux_exec_line_reads_back_as_the_same_command(program) -> None:
    command = [program, "gui", "--minimised"]
    assert _exec_arguments(desktop_entry(command)) == command


def test_linux_exec_quoting_follows_the_specification() -> None:
    assert desktop_exec_argument("/usr/bin/footprint-gui") == "/usr/bin/footprint-gui"
    assert desktop_exec_argument("/a b/c") == '"/a b/c"'
    assert desktop_exec_argument('a"$`\\b') == '"a\\"\\$\\`\\\\b"'
    assert desktop_exec_argument("100%") == "100%%"
    entry = desktop_entry(["/a b\\c/footprint-gui"])
    assert 'Exec="/a b\\\\\\\\c/footprint-gui"' in entry  # four backslashes in the file


def test_linux_writes_and_removes_the_autostart_file_under_xdg_config_home(tmp_path) -> None:
    config = tmp_path / "config"
    autostart = Autostart("linux", tmp_path, environ={"XDG_CONFIG_HOME": str(config)})
    path = autostart.enable(COMMAND)
    assert path == config / "autostart/footprint.desktop"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("[Desktop Entry]\n") and "Type=Application" in text
    assert _exec_arguments(text) == COMMAND
    assert autostart.is_enabled()
    autostart.disable()
    assert not autostart.is_enabled()


# --- issue 30: TryExec and a delay on Linux; Mac apps only from Applications ---------------


def test_the_linux_entry_names_its_program_for_tryexec_and_waits_for_the_tray(tmp_path) -> None:
    entry = desktop_entry(COMMAND)
    assert "TryExec=/opt/Foot & Print/bin/footprint-gui\n" in entry
    assert "X-GNOME-Autostart-Delay=10\n" in entry


def test_a_mac_app_run_from_the_disk_image_cannot_start_at_login(tmp_path, monkeypatch) -> None:
    import app.autostart as autostart

    exe = Path("/Volumes/Footprint 0.2.0/Footprint.app/Contents/MacOS/Footprint")
    from_dmg = _launch(tmp_path, platform="darwin", frozen=True, executable=exe)
    monkeypatch.setattr(Launch, "current", classmethod(lambda cls: from_dmg))
    with pytest.raises(autostart.AutostartNotPossible) as refused:
        autostart.set_autostart(True, platform="darwin", home=tmp_path)
    assert "Drag Footprint into the Applications folder" in refused.value.strerror
    assert "/Volumes/Footprint 0.2.0" in refused.value.strerror
    assert not (tmp_path / "Library/LaunchAgents").exists()
    assert autostart.set_autostart(False, platform="darwin", home=tmp_path) is not None


def test_a_mac_app_in_applications_starts_at_login(tmp_path, monkeypatch) -> None:
    import app.autostart as autostart

    exe = Path("/Applications/Footprint.app/Contents/MacOS/Footprint")
    installed = _launch(tmp_path, platform="darwin", frozen=True, executable=exe)
    monkeypatch.setattr(Launch, "current", classmethod(lambda cls: installed))
    path = autostart.set_autostart(True, platform="darwin", home=tmp_path)
    assert plistlib.loads(path.read_bytes())["ProgramArguments"][0] == str(exe)
