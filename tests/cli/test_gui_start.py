"""`footprint gui` pauses Python's cycle collector while it starts, and always resumes it
(issue 24): once the window is painted, or when the start ends early."""

from __future__ import annotations

import gc

import pytest

from app.cli import main
from app.ui import startup_dialogs


def test_the_collector_is_paused_while_starting_and_runs_again_after(
    data_home, monkeypatch
) -> None:
    during: list[bool] = []
    monkeypatch.setattr(
        "app.ui.application.run_application",
        lambda footprint, minimised=False: during.append(gc.isenabled()) or 0,
    )
    assert gc.isenabled()
    assert main(["gui"]) == 0
    assert during == [False]
    assert gc.isenabled()


def test_the_collector_runs_again_when_the_start_fails(data_home, monkeypatch) -> None:
    def fail(footprint: object, minimised: bool = False) -> int:
        raise RuntimeError("a start that breaks")

    monkeypatch.setattr("app.ui.application.run_application", fail)
    monkeypatch.setattr(startup_dialogs, "show_startup_error", lambda message: None)
    with pytest.raises(RuntimeError):
        main(["gui"])
    assert gc.isenabled()
