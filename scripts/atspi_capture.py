"""What a screen reader receives from Footprint: AT-SPI events, and Orca's speech if installed.

A developer's tool, not a test (CI machines have no session bus or accessibility bus). It
runs the real stack on Linux: the app on demo data in a temporary data home, driven by the
keyboard through xdotool, while an AT-SPI listener records every event a screen reader gets,
and (when `orca` is installed) Orca records what it would say. The transcript names each step
(the keys pressed), then the events in order, then Orca's speech for that step.

Needs Debian's (or Ubuntu's) packages: xvfb, dbus (dbus-run-session), at-spi2-core,
python3-pyatspi, xdotool, and optionally orca (Orca 43 in Debian 12). Run it with the system
Python that has pyatspi, naming the checkout to run and the Python that has its packages:

    /usr/bin/python3 scripts/atspi_capture.py --tree . --python .venv/bin/python \
        --out /tmp/after.txt

Without a display or a session bus it starts itself again under `dbus-run-session` and
`xvfb-run` (a 1366x768 screen). `--no-orca` leaves Orca out. The steps: start (the reminder
banner), Alt+S on the overview (start a full audit), answers (Alt+S, Alt+N, Alt+U), Back,
Next, Tab to the answers and an arrow key on a saved answer, Skip (Alt+K) to YouTube and
answers to its end (the platform-done line), Finish (Alt+I), I fixed it (Alt+I on the
summary) and Ctrl+Z, Done, Make a report (Alt+P) and Save as PDF (Alt+S, a path, Return).

Events are read as they arrive: an event's own text (`any_data`: the announcement, the new
name or description, the inserted text) is what was sent; the source's role and name are read
when the event arrives, so they may already be newer than the event.
"""

from __future__ import annotations

import argparse
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

EVENT_TYPES = (
    "object:announcement",
    "focus:",
    "object:state-changed:focused",
    "object:state-changed:checked",
    "object:property-change:accessible-name",
    "object:property-change:accessible-description",
    "object:text-changed",
    "window:activate",
)
QUIET_SECONDS = 2.5  # a step is over once nothing new arrived for this long…
FIRST_EVENT_TIMEOUT = 10.0  # …after its first event, or after this long without one
STEP_TIMEOUT = 30.0
ANSWER_NAMES = ("Safe", "Needs action", "Not applicable", "Not sure")
IN_PAGE = r"^focus: <- (?!menu item)"  # the focus moved into a page, not to the menu bar
SPEECH = re.compile(r"^(\d\d:\d\d:\d\d\.\d+) - SPEECH OUTPUT: '(.*?)'(?:\{| voice=|$)")

# Orca as it is, with two changes: its debug file is line-buffered, so the capture sees speech
# as it happens (to wait for it), and it has no speech server (speech-dispatcher with no sound
# card blocks Orca, and with it the app). Speech stays enabled, so Orca still composes every
# utterance and writes it to the debug file as SPEECH OUTPUT.
ORCA_WITHOUT_SOUND = """
import builtins, runpy, sys
import orca.speech
orca.speech._initSpeechServer = lambda *args, **kwargs: None
debug_file = sys.argv[sys.argv.index("--debug-file") + 1]
real_open = builtins.open
def line_buffered(file, mode="r", *args, **kwargs):
    if file == debug_file and "w" in mode:
        return real_open(file, mode, buffering=1)
    return real_open(file, mode, *args, **kwargs)
builtins.open = line_buffered
sys.argv[0] = "/usr/bin/orca"
runpy.run_path("/usr/bin/orca", run_name="__main__")
"""


@dataclass
class Heard:
    """One AT-SPI event as received."""

    at: float  # time.monotonic()
    line: str


@dataclass
class Step:
    """One thing done with the keyboard, and what came of it."""

    label: str
    started: float = 0.0
    wall_start: datetime.datetime = field(default_factory=datetime.datetime.now)
    events: list[Heard] = field(default_factory=list)


class Listener:
    """Records AT-SPI events from every application but Orca."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.heard: list[Heard] = []

    def __call__(self, event: object) -> None:
        line = describe(event)
        if line is not None:
            with self.lock:
                self.heard.append(Heard(time.monotonic(), line))

    def since(self, moment: float) -> list[Heard]:
        """Events received after `moment`."""
        with self.lock:
            return [h for h in self.heard if h.at >= moment]

    def last_at(self) -> float:
        """When the latest event arrived (0 before any)."""
        with self.lock:
            return self.heard[-1].at if self.heard else 0.0


def short(text: object, limit: int) -> str:
    """`text` on one line, cut at `limit` characters."""
    flat = str(text).replace("\n", "\\n").replace("\u2029", "\\n")
    return repr(flat if len(flat) <= limit else flat[:limit] + "…")


def describe(event: object) -> str | None:
    """One line for an event: its type, what it carries and its source (None for Orca's)."""
    kind: str = event.type  # type: ignore[attr-defined]
    try:
        app = event.host_application.name  # type: ignore[attr-defined]
    except Exception:
        app = "?"
    if app and "orca" in app.lower():
        return None
    try:
        source = event.source  # type: ignore[attr-defined]
        role, name, description = source.getRoleName(), source.name, source.description
    except Exception as error:  # the object may be gone already
        role, name, description = "?", f"<{error.__class__.__name__}>", ""
    data = event.any_data  # type: ignore[attr-defined]
    parts = [kind]
    if kind.startswith("object:state-changed"):
        parts.append("=" + str(event.detail1))  # type: ignore[attr-defined]
    elif kind == "object:announcement" or kind.startswith("object:property-change"):
        parts.append(short(data, 400))
    elif kind.startswith("object:text-changed"):
        parts.append(short(data, 120))
    parts.append(f"<- {role} {short(name, 160)}")
    if kind.startswith("focus") or kind == "object:state-changed:focused" and event.detail1:  # type: ignore[attr-defined]
        parts.append(f"description={short(description, 400)}")
    if app != "Footprint":
        parts.append(f"[{app}]")
    return " ".join(parts)


class Capture:
    """Drives the app by keyboard and keeps, step by step, what a screen reader received."""

    def __init__(self, args: argparse.Namespace, home: Path) -> None:
        self.args = args
        self.home = home
        self.listener = Listener()
        self.steps: list[Step] = []
        self.orca_log = home.parent / "orca-debug.out"
        self.processes: list[subprocess.Popen[bytes]] = []

    # -- the stack --------------------------------------------------------------------------
    def app_env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            FOOTPRINT_HOME=str(self.home),
            PYTHONPATH=str(self.args.tree),
            QT_QPA_PLATFORM="xcb",
            QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
            QT_ACCESSIBILITY="1",
        )
        return env

    def write_demo(self) -> None:
        subprocess.run(
            [self.args.python, "-m", "app", "demo", "--no-gui"],
            cwd=self.args.tree,
            env=self.app_env(),
            check=True,
        )

    def start_orca(self) -> None:
        prefs = self.home.parent / "orca-prefs"
        prefs.mkdir()
        command = [sys.executable, "-c", ORCA_WITHOUT_SOUND, "-u", str(prefs)]
        command += ["--debug-file", str(self.orca_log)]
        self.processes.append(subprocess.Popen(command, stderr=subprocess.DEVNULL))
        self.wait_for(lambda: "Screen reader on" in self.orca_text(), 60, "Orca to start")

    def start_app(self) -> None:
        log = open(self.home.parent / "app.log", "wb")  # noqa: SIM115 - lives as long as the app
        command = [self.args.python, "-m", "app"]
        self.processes.append(
            subprocess.Popen(command, cwd=self.args.tree, env=self.app_env(), stderr=log)
        )

    def focus_window(self) -> None:
        """Give the main window the keyboard (Xvfb has no window manager to do it)."""
        found = subprocess.run(
            ["xdotool", "search", "--sync", "--onlyvisible", "--name", "^Footprint —"],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        window = found.stdout.split()[0]
        subprocess.run(["xdotool", "windowfocus", "--sync", window], check=True, timeout=30)

    def stop(self) -> None:
        for process in reversed(self.processes):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()

    # -- waiting ----------------------------------------------------------------------------
    def orca_text(self) -> str:
        try:
            return self.orca_log.read_text(errors="replace")
        except FileNotFoundError:
            return ""

    def orca_size(self) -> int:
        try:
            return self.orca_log.stat().st_size
        except FileNotFoundError:
            return 0

    def wait_for(self, condition: object, timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while not condition():  # type: ignore[operator]
            if time.monotonic() > deadline:
                raise TimeoutError(f"gave up waiting for {what}")
            time.sleep(0.1)

    def settle(self, since: float, until: str = "") -> None:
        """Wait for the step's first event (or one matching `until`, for a step that opens a
        page: a loaded machine can take seconds to build one), then until neither the app nor
        Orca has said anything new for QUIET_SECONDS."""
        size, size_at = self.orca_size(), time.monotonic()
        while time.monotonic() < since + STEP_TIMEOUT:
            time.sleep(0.1)
            now = time.monotonic()
            if self.orca_size() != size:
                size, size_at = self.orca_size(), now
            heard = self.listener.last_at()
            if heard < since and now < since + FIRST_EVENT_TIMEOUT:
                continue
            if until and not any(re.search(until, h.line) for h in self.listener.since(since)):
                continue
            if now - max(since, heard, size_at) >= QUIET_SECONDS:
                return

    # -- steps ------------------------------------------------------------------------------
    def step(self, label: str, *keys: str, text: str = "", until: str = "") -> Step:
        """Press `keys` (xdotool names) or type `text`, and keep what followed (waiting for
        an event line matching the pattern `until`, if given)."""
        step = Step(label, time.monotonic())
        self.steps.append(step)
        if keys:
            subprocess.run(["xdotool", "key", *keys], check=True)
        if text:
            subprocess.run(["xdotool", "type", "--delay", "20", text], check=True)
        self.settle(step.started, until)
        step.events = self.listener.since(step.started)
        return step

    def tab_to_answers(self) -> None:
        """Tab until an answer has the focus (at most 15 presses)."""
        for _ in range(15):
            step = self.step("Tab", "Tab")
            if any(
                h.line.startswith("focus:") and any(a in h.line for a in ANSWER_NAMES)
                for h in step.events
            ):
                return

    def run(self) -> None:
        start = Step("Start the app on demo data (the reminder banner appears)", time.monotonic())
        self.steps.append(start)
        self.start_app()
        self.focus_window()
        self.settle(start.started)
        start.events = self.listener.since(start.started)

        self.step("Alt+S on the overview: Start a full audit", "alt+s", until=IN_PAGE)
        self.step("Alt+S: answer Safe", "alt+s")
        self.step("Alt+N: answer Needs action", "alt+n")
        self.step("Alt+U: answer Not sure", "alt+u")
        self.step("Alt+B: Back (to the item answered Not sure)", "alt+b")
        self.step("Alt+X: Next", "alt+x")
        self.step("Alt+B: Back again", "alt+b")
        self.tab_to_answers()
        self.step("Right arrow on the answers (must not change the saved answer)", "Right")
        self.step("Left arrow", "Left")
        for _ in range(7):  # Facebook … X (Twitter), to YouTube's 7 settings
            self.step("Alt+K: Skip this platform for now", "alt+k")
        for _ in range(7):
            self.step("Alt+S: answer Safe", "alt+s")
        self.step("Alt+I: Finish and see the summary", "alt+i", until=IN_PAGE)
        self.step("Alt+I on the summary: I fixed it (Marked as fixed)", "alt+i")
        self.step("Ctrl+Z: Undo I fixed it (Undone)", "ctrl+z")
        self.step("Alt+D: Done, back to the overview", "alt+d", until=IN_PAGE)
        self.step("Alt+P: Make a report…", "alt+p", until="combo box")
        self.step("Alt+S in the report: Save as PDF…", "alt+s", until="File name")
        pdf = self.home.parent / "report.pdf"
        self.step("Type the PDF's path", "ctrl+a", text=str(pdf))
        self.step("Return: save (Saved to … PDF)", "Return", until="Saved to")
        self.step("Escape: close the report", "Escape")

    # -- the transcript -------------------------------------------------------------------
    def transcript(self) -> str:
        speech = [
            (datetime.datetime.combine(datetime.date.today(), parse_time(m[1])), m[2])
            for m in (SPEECH.match(line) for line in self.orca_text().splitlines())
            if m
        ]
        lines = [f"# AT-SPI capture of {self.args.tree} ({self.args.label})", ""]
        if not self.args.orca:
            lines += ["(Orca not run: AT-SPI events only)", ""]
        for index, step in enumerate(self.steps):
            until = self.steps[index + 1].wall_start if index + 1 < len(self.steps) else None
            lines.append(f"## {index + 1}. {step.label}  ({step.wall_start:%H:%M:%S})")
            for heard in step.events:
                lines.append(f"  +{heard.at - step.started:5.2f}s {heard.line}")
            if self.args.orca:
                said = [
                    text
                    for at, text in speech
                    if at >= step.wall_start and (until is None or at < until)
                ]
                lines.append("  Orca says: " + (" | ".join(said) if said else "(nothing)"))
            lines.append("")
        return "\n".join(lines)


def parse_time(text: str) -> datetime.time:
    return datetime.datetime.strptime(text, "%H:%M:%S.%f").time()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, default=Path.cwd(), help="the checkout to run")
    parser.add_argument("--python", default=".venv/bin/python", help="Python with its packages")
    parser.add_argument("--out", type=Path, required=True, help="the transcript to write")
    parser.add_argument("--label", default="", help="a word for the transcript's title")
    parser.add_argument("--no-orca", dest="orca", action="store_false")
    args = parser.parse_args()
    args.tree = args.tree.resolve()
    args.orca = args.orca and shutil.which("orca") is not None
    if not os.environ.get("DISPLAY") or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        # A private runtime folder: the accessibility bus puts its socket there, so other
        # sessions on the machine are neither heard nor disturbed.
        os.environ["XDG_RUNTIME_DIR"] = tempfile.mkdtemp(prefix="atspi-runtime-")
        screen = ["-a", "-s", "-screen 0 1366x768x24"]
        wrapper = ["dbus-run-session", "--", "xvfb-run", *screen, sys.executable]
        os.execvp("dbus-run-session", [*wrapper, *sys.argv])

    import pyatspi  # the system's (python3-pyatspi); only needed from here on

    folder = Path(tempfile.mkdtemp(prefix="atspi-capture-"))
    capture = Capture(args, folder / "home")
    capture.write_demo()
    for kind in EVENT_TYPES:
        pyatspi.Registry.registerEventListener(capture.listener, kind)
    failure: list[BaseException] = []

    def drive() -> None:
        try:
            if args.orca:
                capture.start_orca()
            capture.run()
        except BaseException as error:  # reported after the event loop stops
            failure.append(error)
        finally:
            capture.stop()
            from gi.repository import GLib

            GLib.idle_add(pyatspi.Registry.stop)

    threading.Thread(target=drive, daemon=True).start()
    pyatspi.Registry.start()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(capture.transcript(), encoding="utf-8")
    print(f"{args.out}: {len(capture.steps)} steps; work folder {folder}")
    if failure:
        print(f"stopped early: {failure[0]!r}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
