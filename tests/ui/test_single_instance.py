"""One desktop app per data home, tested with real processes: a second launch brings the first
forward and ends; a lock left by a crash is taken over; commands that change the data wait
for the open app or refuse with a sentence, while commands that only read run alongside."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from app.cli import main
from app.commands import common
from app.file_lock import FileLock
from app.paths import DataHome
from app.ui.single_instance import InstanceServer, hand_off
from tests.conftest import WAIT_MS

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "resources" / "examples" / "riverside-care-policy.toml"
HOLD_THE_HOME = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from app.file_lock import FileLock
    lock = FileLock(Path(sys.argv[1]))
    assert lock.acquire()
    print("held", flush=True)
    if sys.stdin.readline().strip() == "crash":
        import os
        os._exit(9)  # no clean shutdown: the system is left to release the lock
    """
)


@contextmanager
def home_held_by_another_process(home: DataHome) -> Iterator[Callable[[str], None]]:
    """Another Footprint process holds the data home's lock; the function yielded ends it
    ("quit" or "crash")."""
    home.ensure()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_HOME, str(home.lock_file)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdin is not None and holder.stdout is not None

    def end(how: str = "quit") -> None:
        if holder.poll() is None:
            holder.stdin.write(how + "\n")
            holder.stdin.close()
        holder.wait(timeout=60)

    try:
        assert holder.stdout.readline().strip() == "held"
        yield end
    finally:
        end()
        holder.stdout.close()


def footprint(home: DataHome, *args: str, **kwargs) -> subprocess.Popen[str]:  # noqa: ANN003
    env = {**os.environ, "FOOTPRINT_HOME": str(home.root), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def test_a_second_launch_brings_the_open_app_forward_and_ends(qtbot, data_home) -> None:
    data_home.ensure()
    lock = FileLock(data_home.lock_file)
    assert lock.acquire()
    server = InstanceServer(data_home.root)
    assert server.listening
    try:
        with qtbot.waitSignal(server.show_requested, timeout=WAIT_MS):
            second = footprint(data_home, "gui")
        out, err = second.communicate(timeout=WAIT_MS / 1000)
    finally:
        lock.release()
    assert second.returncode == 0, err
    assert "already open" in out and "Traceback" not in err


def test_a_launch_at_login_does_not_pop_the_open_window_up(qtbot, data_home) -> None:
    data_home.ensure()
    lock = FileLock(data_home.lock_file)
    assert lock.acquire()
    server = InstanceServer(data_home.root)
    asked: list[object] = []
    server.show_requested.connect(lambda: asked.append(None))
    try:
        second = footprint(data_home, "gui", "--minimised")
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=WAIT_MS)
    finally:
        lock.release()
    second.communicate()
    assert second.returncode == 0 and asked == []


def test_two_real_apps_on_one_home_make_one_window(data_home) -> None:
    assert main(["demo", "--no-gui"]) == 0
    first = footprint(data_home, "gui")
    try:
        deadline = time.monotonic() + WAIT_MS / 1000
        while not hand_off(data_home.root, show=False):  # until the first app listens
            assert first.poll() is None, first.communicate()
            assert time.monotonic() < deadline, "the first app never started listening"
        second = footprint(data_home, "gui")
        out, err = second.communicate(timeout=WAIT_MS / 1000)
        assert second.returncode == 0 and "already open" in out, err
        assert first.poll() is None  # the first app is still the one open
        log = data_home.log_file.read_text(encoding="utf-8")
        assert "a later launch asked for the window" in log
    finally:
        first.kill()
        first.communicate()


def test_a_lock_left_by_a_crash_is_taken_over(data_home) -> None:
    with home_held_by_another_process(data_home) as end:
        assert not FileLock(data_home.lock_file).acquire()
        end("crash")
    assert data_home.lock_file.exists()  # the crash left the file behind
    taken = FileLock(data_home.lock_file)
    assert taken.acquire()
    taken.release()


def test_a_socket_left_by_a_crashed_app_is_replaced(qtbot, data_home) -> None:
    crashed = textwrap.dedent(
        """
        import os, sys
        from pathlib import Path
        from PySide6.QtCore import QCoreApplication
        from app.ui.single_instance import InstanceServer
        app = QCoreApplication([])
        server = InstanceServer(Path(sys.argv[1]))
        assert server.listening
        os._exit(9)
        """
    )
    data_home.ensure()
    subprocess.run([sys.executable, "-c", crashed, str(data_home.root)], cwd=ROOT, check=False)
    server = InstanceServer(data_home.root)
    assert server.listening
    with qtbot.waitSignal(server.show_requested, timeout=WAIT_MS):
        assert hand_off(data_home.root, show=True)


def test_commands_that_change_data_refuse_while_the_app_is_open(
    data_home, monkeypatch, capsys
) -> None:
    monkeypatch.setattr(common, "WRITER_WAIT_S", 0.2)
    assert main(["due"]) == 0
    with home_held_by_another_process(data_home):
        for command in (["policy", "add", str(PACK)], ["demo", "--no-gui"]):
            assert main(command) == 2
            err = capsys.readouterr().err
            assert "Footprint is open for this data folder" in err and "nothing was changed" in err
        assert main(["policy", "list"]) == 0  # reading runs alongside
        assert main(["due"]) == 0
        assert main(["validate", str(PACK)]) == 0
    assert not (data_home.policy_dir / "riverside-care-policy.toml").exists()
    assert main(["policy", "add", str(PACK)]) == 0  # once the app has closed


@pytest.mark.parametrize("command", [["import-export", "missing.zip"]])
def test_import_export_waits_for_the_home_too(data_home, monkeypatch, capsys, command) -> None:
    monkeypatch.setattr(common, "WRITER_WAIT_S", 0.2)
    with home_held_by_another_process(data_home):
        assert main(command) == 2
    assert "Footprint is open for this data folder" in capsys.readouterr().err
