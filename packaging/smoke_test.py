"""Run an installed or frozen Footprint as a user would, from a folder that is not the checkout.

    python packaging/smoke_test.py dist/Footprint            (a frozen folder)
    python packaging/smoke_test.py dist/Footprint.app        (macOS)
    python packaging/smoke_test.py ~/.venv/bin/footprint     (an installed command)

Checks `--version`, `validate`, `demo --no-gui` and `report --out x.pdf` with a new data
home (FOOTPRINT_HOME) in a temporary folder and Qt offscreen; for a frozen folder also that
Playwright's bundled Node runs and that the windowed app starts and keeps running. Needs
nothing but the standard library. Exits non-zero, saying what failed, on the first failure.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EXE = ".exe" if os.name == "nt" else ""
GUI_START_SECONDS = 60  # generous: a cold start on a CI machine
GUI_ALIVE_SECONDS = 5


def programs(target: Path) -> tuple[Path, Path | None]:
    """The console program and, for a frozen folder, the windowed one."""
    if target.is_file():
        return target, None
    folder = target / "Contents" / "MacOS" if target.suffix == ".app" else target
    return folder / f"footprint-cli{EXE}", folder / f"Footprint{EXE}"


def check(command: list[str], cwd: Path, env: dict[str, str], expect: str = "") -> str:
    print("+", " ".join(command), flush=True)
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    output = result.stdout + result.stderr
    if result.returncode != 0 or expect not in output or "Traceback" in output:
        raise SystemExit(f"FAILED (exit {result.returncode}):\n{output}")
    return output


def check_commands(cli: Path, work: Path, env: dict[str, str]) -> None:
    program = str(cli)
    print(check([program, "--version"], work, env, "Footprint ").strip())
    validated = check([program, "validate"], work, env, ": ok (")
    print(f"validate: {validated.count(': ok (')} audit files ok")
    print(check([program, "demo", "--no-gui"], work, env, "Demo data written").strip())
    check([program, "report", "--out", "x.pdf"], work, env)
    pdf = work / "x.pdf"
    if not pdf.read_bytes().startswith(b"%PDF"):
        raise SystemExit("FAILED: report did not write a PDF")
    print(f"report: {pdf.stat().st_size // 1024} KB PDF")


def check_playwright_driver(bundle: Path, work: Path, env: dict[str, str]) -> None:
    nodes = [p for p in bundle.rglob(f"playwright/driver/node{EXE}") if p.is_file()]
    if not nodes:
        raise SystemExit("FAILED: Playwright's driver (playwright/driver/node) is not bundled")
    print("playwright driver: node", check([str(nodes[0]), "--version"], work, env).strip())
    if any(bundle.rglob("ms-playwright")) or any(bundle.rglob("chrome-linux*")):
        raise SystemExit("FAILED: a Playwright browser was bundled")


def check_gui_starts(gui: Path, work: Path, env: dict[str, str]) -> None:
    """The windowed app opens its data home and is still running a few seconds later."""
    home = Path(env["FOOTPRINT_HOME"]).with_name("gui-home")
    process = subprocess.Popen(
        [str(gui), "gui"], cwd=work, env={**env, "FOOTPRINT_HOME": str(home)},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + GUI_START_SECONDS
        while not (home / "footprint.db").exists() and process.poll() is None:
            if time.monotonic() > deadline:
                raise SystemExit("FAILED: the desktop app did not open its data home")
            time.sleep(0.2)
        time.sleep(GUI_ALIVE_SECONDS)
        if process.poll() is not None:
            output = process.stdout.read() if process.stdout else ""
            raise SystemExit(f"FAILED: the desktop app stopped (exit {process.returncode}):\n"
                             f"{output}")  # fmt: skip
        print(f"desktop app: started and running after {GUI_ALIVE_SECONDS} s")
    finally:
        process.kill()
        process.wait()


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    target = Path(argv[0]).resolve()
    cli, gui = programs(target)
    with tempfile.TemporaryDirectory(prefix="footprint-smoke-") as temp:
        work = Path(temp) / "elsewhere"
        work.mkdir()
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        env.update(FOOTPRINT_HOME=str(Path(temp) / "home"), QT_QPA_PLATFORM="offscreen")
        check_commands(cli, work, env)
        if gui is not None:
            check_playwright_driver(target, work, env)
            check_gui_starts(gui, work, env)
    print("Smoke test passed.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
