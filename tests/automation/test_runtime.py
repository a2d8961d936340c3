"""The Playwright driver of a thread is shared by its runtimes: the first starts it, the last
stops it, and another thread has its own."""

from __future__ import annotations

import threading
from collections.abc import Callable

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Playwright

from app.automation.runtime import PlaywrightRuntime


def answers(playwright: Playwright) -> bool:
    """Whether the driver still answers (a request context is made by the driver)."""
    try:
        playwright.request.new_context().dispose()
    except PlaywrightError:
        return False
    return True


def on_own_thread(check: Callable[[], None]) -> None:
    """Run `check` on a fresh thread (none of the session's runtimes there), re-raising."""
    errors: list[BaseException] = []

    def run() -> None:
        try:
            check()
        except BaseException as error:  # noqa: BLE001 - handed to the test's thread
            errors.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=120)
    assert not thread.is_alive(), "the check did not finish"
    if errors:
        raise errors[0]


def test_runtimes_of_one_thread_share_its_driver_until_the_last_stops() -> None:
    def check() -> None:
        first, second = PlaywrightRuntime(), PlaywrightRuntime()
        driver = first.start()
        assert second.start() is driver and first.start() is driver  # start is idempotent
        first.stop()
        first.stop()  # safe to repeat: it does not let go of the driver twice
        assert not first.started and second.started and answers(driver)
        second.stop()
        assert not answers(driver)  # the last one stopped it
        third = PlaywrightRuntime()
        assert third.start() is not driver and answers(third.start())
        third.stop()

    on_own_thread(check)


def test_another_thread_starts_a_driver_of_its_own() -> None:
    here = PlaywrightRuntime()
    mine = here.start()
    try:
        theirs: list[Playwright] = []

        def check() -> None:
            runtime = PlaywrightRuntime()
            try:
                theirs.append(runtime.start())
                assert answers(theirs[0])
            finally:
                runtime.stop()

        on_own_thread(check)
        assert theirs and theirs[0] is not mine and answers(mine)
    finally:
        here.stop()


def test_a_runtime_stopped_on_another_thread_is_refused_and_both_threads_keep_working() -> None:
    def check() -> None:
        runtime = PlaywrightRuntime()
        driver = runtime.start()
        refused: list[BaseException] = []

        def stop_elsewhere() -> None:
            try:
                runtime.stop()
            except RuntimeError as error:
                refused.append(error)

        other = threading.Thread(target=stop_elsewhere)
        other.start()
        other.join(timeout=60)
        assert refused and runtime.started and answers(driver)
        runtime.stop()  # on its own thread it stops as usual
        assert not answers(driver)

    on_own_thread(check)


def test_a_driver_that_cannot_start_leaves_no_event_loop_behind(monkeypatch) -> None:
    import asyncio

    import app.automation.runtime as runtime_module

    class Broken:
        def start(self) -> Playwright:
            raise OSError("node could not be started")

    monkeypatch.setattr(runtime_module, "sync_playwright", Broken)
    loops: list[object] = []

    def check() -> None:
        runtime = PlaywrightRuntime()
        try:
            runtime.start()
        except OSError:
            pass
        assert not runtime.started
        try:
            loops.append(asyncio.get_event_loop_policy().get_event_loop())
        except RuntimeError:
            pass  # no loop set on this thread: what we want

    on_own_thread(check)
    assert loops == []
