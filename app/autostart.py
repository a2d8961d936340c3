"""Starting Footprint minimised at login: one small file in the user's usual place.

Linux: an XDG autostart entry; Windows: a command file in the Startup folder; macOS: a
LaunchAgent. Nothing is written unless the worker turns the option on.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENTRY_NAME = "footprint"


def autostart_file(platform: str = sys.platform, home: Path | None = None) -> Path:
    home = home or Path.home()
    if platform.startswith("win"):
        appdata = Path(os.environ.get("APPDATA", home / "AppData" / "Roaming"))
        return appdata / "Microsoft/Windows/Start Menu/Programs/Startup" / f"{ENTRY_NAME}.cmd"
    if platform == "darwin":
        return home / "Library/LaunchAgents" / "org.footprint.app.plist"
    config = Path(os.environ.get("XDG_CONFIG_HOME", home / ".config"))
    return config / "autostart" / f"{ENTRY_NAME}.desktop"


def launch_command() -> list[str]:
    main = Path(__file__).resolve().parent.parent / "main.py"
    return [sys.executable, str(main), "gui", "--minimised"]


def entry_text(platform: str, command: list[str]) -> str:
    if platform.startswith("win"):
        return '@echo off\r\nstart "" ' + " ".join(f'"{part}"' for part in command) + "\r\n"
    if platform == "darwin":
        arguments = "".join(f"<string>{part}</string>" for part in command)
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><dict>'
            "<key>Label</key><string>org.footprint.app</string>"
            f"<key>ProgramArguments</key><array>{arguments}</array>"
            "<key>RunAtLoad</key><true/></dict></plist>\n"
        )
    quoted = " ".join(f'"{part}"' for part in command)
    return (
        "[Desktop Entry]\nType=Application\nName=Footprint\n"
        "Comment=Privacy self-audit reminders\n"
        f"Exec={quoted}\nX-GNOME-Autostart-enabled=true\n"
    )


def set_autostart(enabled: bool, platform: str = sys.platform, home: Path | None = None) -> Path:
    path = autostart_file(platform, home)
    if enabled:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(entry_text(platform, launch_command()), encoding="utf-8")
    elif path.exists():
        path.unlink()
    return path


def is_autostart_enabled(platform: str = sys.platform, home: Path | None = None) -> bool:
    return autostart_file(platform, home).exists()
