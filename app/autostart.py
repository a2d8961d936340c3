"""Starting Footprint minimised at login, in each system's own per-user place.

- Windows: a value in the per-user Run key (HKCU\\...\\CurrentVersion\\Run), no admin rights
  needed, pointing at a windowless program so no console opens at login.
- macOS: a LaunchAgent plist in ~/Library/LaunchAgents, written with plistlib.
- Linux and other XDG desktops: an autostart .desktop file, Exec quoted as the Desktop Entry
  specification asks.

The command is the way this Footprint was started: the frozen executable, the installed
`footprint-gui`/`footprint` script, or `python main.py` in a checkout (`python -m app`
otherwise). Nothing is written unless the worker turns the option on.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ENTRY_NAME = "footprint"
LAUNCH_AGENT_LABEL = "org.footprint.app"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "Footprint"
LOGIN_ARGUMENTS = ("gui", "--minimised")
LOGIN_DELAY_SECONDS = 10  # GNOME's autostart delay: the tray is up by then
# Where a Mac app may start at login from. Run from the disk image (/Volumes/…) or from
# Downloads (where macOS runs it from a random read-only "App Translocation" copy), the
# LaunchAgent would point at a path that is gone after the next restart.
MAC_APPLICATION_FOLDERS = (Path("/Applications"), Path.home() / "Applications")
GUI_SCRIPT, CONSOLE_SCRIPT = "footprint-gui", "footprint"
# Before 0.2 Windows had a command file in the Startup folder; it opened a console.
_OLD_WINDOWS_ENTRY = "Microsoft/Windows/Start Menu/Programs/Startup/footprint.cmd"


def is_windows(platform: str) -> bool:
    """True for a `sys.platform` value that means Windows."""
    return platform.startswith("win")


@dataclass(frozen=True)
class Launch:
    """How this Footprint was started: what a login entry must run to start it again."""

    platform: str  # sys.platform
    executable: Path  # sys.executable: Python, or the frozen app
    script: Path  # sys.argv[0], made absolute
    frozen: bool
    package: Path  # the folder of the `app` package

    @classmethod
    def current(cls) -> Launch:
        """How the running process was started."""
        return cls(
            platform=sys.platform,
            executable=Path(sys.executable),
            script=Path(sys.argv[0]).absolute() if sys.argv and sys.argv[0] else Path(),
            frozen=bool(getattr(sys, "frozen", False)),
            package=Path(__file__).resolve().parent,
        )

    def command(self) -> list[str]:
        """The program and arguments that start Footprint minimised, without a console."""
        return [*self._program(), *LOGIN_ARGUMENTS]

    def _program(self) -> list[str]:
        if self.frozen:
            return [str(self._frozen_gui())]
        if script := self._entry_script():
            return [str(script)]
        python = str(self._windowless_python())
        checkout_main = self.package.parent / "main.py"
        if checkout_main.is_file():
            return [python, str(checkout_main)]
        return [python, "-m", "app"]

    def _frozen_gui(self) -> Path:
        """The windowed executable beside the console one (footprint-cli runs commands)."""
        sibling = self.executable.with_name("Footprint" + self.executable.suffix)
        return sibling if sibling.is_file() else self.executable

    def _entry_script(self) -> Path | None:
        """The installed `footprint-gui` (or `footprint`) script this run came through."""
        suffix = ".exe" if is_windows(self.platform) else ""
        if self.script.name.removesuffix(".exe") not in (GUI_SCRIPT, CONSOLE_SCRIPT):
            return None
        for name in (GUI_SCRIPT, CONSOLE_SCRIPT):
            candidate = self.script.with_name(name + suffix)
            if candidate.is_file():
                return candidate
        return None

    def _windowless_python(self) -> Path:
        """pythonw.exe on Windows (no console window); the same Python elsewhere."""
        if is_windows(self.platform):
            pythonw = self.executable.with_name("pythonw.exe")
            if pythonw.is_file():
                return pythonw
        return self.executable


# --- Linux and other XDG desktops ---------------------------------------------------------

_EXEC_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def desktop_exec_argument(argument: str) -> str:
    """One argument of an Exec key, quoted as the Desktop Entry specification says."""
    if argument and not _EXEC_RESERVED.intersection(argument):
        quoted = argument
    else:
        escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument)
        quoted = f'"{escaped}"'
    return quoted.replace("%", "%%")  # a literal percent sign is %% (field codes)


def desktop_string(value: str) -> str:
    """A value of type string in a .desktop file: backslash and control escapes first."""
    for raw, escaped in (("\\", "\\\\"), ("\n", "\\n"), ("\t", "\\t"), ("\r", "\\r")):
        value = value.replace(raw, escaped)
    return value


def desktop_entry(command: list[str]) -> str:
    """The autostart .desktop file that runs `command` at login.

    TryExec names the program, so a desktop skips the entry once Footprint is uninstalled
    instead of failing at every login (Desktop Entry specification, "Recognized desktop entry
    keys"). GNOME waits X-GNOME-Autostart-Delay seconds first, so the tray is there when
    Footprint puts its icon in it (vorta and Slack's entries do the same)."""
    exec_line = desktop_string(" ".join(desktop_exec_argument(a) for a in command))
    return (
        "[Desktop Entry]\nType=Application\nName=Footprint\n"
        "Comment=Privacy self-audit reminders\n"
        f"Icon={ENTRY_NAME}\nTryExec={desktop_string(command[0])}\nExec={exec_line}\n"
        "Terminal=false\nX-GNOME-Autostart-enabled=true\n"
        f"X-GNOME-Autostart-Delay={LOGIN_DELAY_SECONDS}\n"
    )


def xdg_autostart_file(home: Path, environ: dict[str, str]) -> Path:
    """Where the XDG autostart entry goes: $XDG_CONFIG_HOME, else ~/.config."""
    config = Path(environ.get("XDG_CONFIG_HOME") or home / ".config")
    return config / "autostart" / f"{ENTRY_NAME}.desktop"


# --- macOS -------------------------------------------------------------------------------


def launch_agent(command: list[str]) -> bytes:
    """The LaunchAgent plist that runs `command` at login, as bytes."""
    import plistlib  # here, not at start-up: it brings in an XML parser (issue 24)

    return plistlib.dumps(
        {
            "Label": LAUNCH_AGENT_LABEL,
            "ProgramArguments": command,
            "RunAtLoad": True,
            "ProcessType": "Interactive",
        }
    )


def launch_agent_file(home: Path) -> Path:
    """Where the LaunchAgent plist goes, in the user's ~/Library/LaunchAgents."""
    return home / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"


# --- Windows -----------------------------------------------------------------------------


def run_key_command(command: list[str]) -> str:
    """The Run value: one command line, quoted the way Windows programs parse it."""
    return subprocess.list2cmdline(command)


def _set_run_value(registry: Any, command: str | None) -> None:
    """Write (or, for None, remove) our value under HKCU's Run key."""
    hkcu, access = registry.HKEY_CURRENT_USER, registry.KEY_SET_VALUE
    with registry.CreateKeyEx(hkcu, RUN_KEY, 0, access) as key:
        if command is not None:
            registry.SetValueEx(key, RUN_VALUE, 0, registry.REG_SZ, command)
            return
        try:
            registry.DeleteValue(key, RUN_VALUE)
        except FileNotFoundError:
            pass


def _run_value(registry: Any) -> str | None:
    hkcu, access = registry.HKEY_CURRENT_USER, registry.KEY_QUERY_VALUE
    try:
        with registry.OpenKey(hkcu, RUN_KEY, 0, access) as key:
            value, _kind = registry.QueryValueEx(key, RUN_VALUE)
    except FileNotFoundError:
        return None
    return str(value)


def _winreg() -> Any:
    import winreg  # only on Windows

    return winreg


# --- One interface for the three ---------------------------------------------------------


@dataclass(frozen=True)
class Autostart:
    """The login entry of one user on one system. Tests pass a fake registry and home."""

    platform: str = sys.platform
    home: Path | None = None
    registry: Any = None  # the winreg module, or an object with the same functions
    environ: dict[str, str] | None = None

    def _home(self) -> Path:
        return self.home or Path.home()

    def _environ(self) -> dict[str, str]:
        return dict(os.environ) if self.environ is None else self.environ

    def entry_file(self) -> Path | None:
        """The file that holds the entry, or None where it is a registry value (Windows)."""
        if is_windows(self.platform):
            return None
        if self.platform == "darwin":
            return launch_agent_file(self._home())
        return xdg_autostart_file(self._home(), self._environ())

    def enable(self, command: list[str]) -> Path | None:
        """Write the entry that runs `command` at login; its file, or None on Windows."""
        if is_windows(self.platform):
            _set_run_value(self._registry(), run_key_command(command))
            self._remove_old_windows_entry()
            return None
        path = self.entry_file()
        assert path is not None
        path.parent.mkdir(parents=True, exist_ok=True)
        if self.platform == "darwin":
            path.write_bytes(launch_agent(command))
        else:
            path.write_text(desktop_entry(command), encoding="utf-8")
        return path

    def disable(self) -> Path | None:
        """Remove the entry if there is one; its file, or None on Windows."""
        if is_windows(self.platform):
            _set_run_value(self._registry(), None)
            self._remove_old_windows_entry()
            return None
        path = self.entry_file()
        if path is not None and path.exists():
            path.unlink()
        return path

    def is_enabled(self) -> bool:
        """True if the login entry exists."""
        if is_windows(self.platform):
            return _run_value(self._registry()) is not None
        path = self.entry_file()
        return path is not None and path.exists()

    def _registry(self) -> Any:
        return self.registry if self.registry is not None else _winreg()

    def _remove_old_windows_entry(self) -> None:
        appdata = self._environ().get("APPDATA") or str(self._home() / "AppData" / "Roaming")
        (Path(appdata) / _OLD_WINDOWS_ENTRY).unlink(missing_ok=True)


class AutostartNotPossible(OSError):
    """Start at login cannot be turned on from where Footprint runs; `strerror` says why."""

    def __init__(self, sentence: str) -> None:
        super().__init__(0, sentence)


def mac_app_outside_applications(launch: Launch) -> Path | None:
    """The .app bundle of a frozen Mac Footprint that is not in an Applications folder."""
    if launch.platform != "darwin" or not launch.frozen:
        return None
    bundle = next((p for p in launch.executable.parents if p.suffix == ".app"), None)
    if bundle is None or bundle.parent in MAC_APPLICATION_FOLDERS:
        return None
    return bundle


def set_autostart(
    enabled: bool, platform: str = sys.platform, home: Path | None = None
) -> Path | None:
    """Turn start at login on or off; the entry's file, or None for the Windows registry.

    Raises AutostartNotPossible for a Mac app run from outside Applications."""
    autostart = Autostart(platform, home)
    if not enabled:
        return autostart.disable()
    launch = Launch.current()
    if bundle := mac_app_outside_applications(launch):
        raise AutostartNotPossible(
            f"Footprint is running from {bundle.parent}, not from Applications, so it cannot "
            "start at login from here. Drag Footprint into the Applications folder, open it "
            "from there and turn this on again."
        )
    return autostart.enable(launch.command())


def is_autostart_enabled(platform: str = sys.platform, home: Path | None = None) -> bool:
    """True if Footprint starts at login for this user."""
    return Autostart(platform, home).is_enabled()
