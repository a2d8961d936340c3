"""One automated read as plain Python: what a background job runs, and what it tells the UI.

`read_settings` owns a browser engine for exactly one run: it creates it, reads each request
and closes it, all on the calling thread (Playwright's objects belong to the thread that made
them). Progress goes out as small event values through `send`; Cancel comes in through
`cancelled`. No Qt here: `app.ui.jobs.Job` runs it on a thread. Playwright is imported only
when a run starts, never when the app starts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.automation.config import AutomationConfig, readable_items
from app.automation.results import ReadResult, platform_problem
from app.checklists.model import Platform

if TYPE_CHECKING:  # importing the engine at run time would import Playwright
    from app.automation.engine import AutomationEngine

log = logging.getLogger(__name__)
Send = Callable[[object], None]


class ReadCancelled(Exception):
    """The worker pressed Stop; what was read so far was already sent."""


@dataclass(frozen=True)
class ReadRequest:
    """Read these items of a platform (all of its readable items when item_ids is None)."""

    platform: Platform
    item_ids: tuple[str, ...] | None = None


@dataclass(frozen=True)
class PlatformStarted:
    """Reading of a platform began; `total` items are to be read."""

    platform_id: str
    total: int  # items to read


@dataclass(frozen=True)
class Waiting:
    """The worker has something to do in the browser (sign in, finish a check)."""

    platform_id: str
    message: str


@dataclass(frozen=True)
class ItemStarted:
    """Item `index` of `total` (counted from 0) of a platform is being read."""

    platform_id: str
    item_id: str
    index: int
    total: int


@dataclass(frozen=True)
class ItemRead:
    """An item was read, or failed to be; `result` says which."""

    result: ReadResult


@dataclass(frozen=True)
class PlatformFinished:
    """Reading of a platform ended, with or without a problem."""

    platform_id: str
    problem: str  # one message when nothing could be read; empty otherwise


def read_settings(
    config: AutomationConfig,
    requests: list[ReadRequest],
    *,
    send: Send,
    cancelled: Callable[[], bool],
) -> None:
    """Read every request in order with one browser engine, then close it.

    Raises:
        ReadCancelled: the worker pressed Stop.
        app.automation.engine.BrowserUnavailable: the browser could not be started.
    """
    from app.automation.engine import AutomationEngine
    from app.automation.page import Cancelled

    engine = AutomationEngine(config, cancelled)
    try:
        for request in requests:
            _read_one(engine, request, send)
    except Cancelled:
        raise ReadCancelled from None
    finally:
        try:
            engine.close()
        except Exception:  # a browser that will not close must not hide the run's outcome
            log.exception("closing the browser failed")


def _read_one(engine: AutomationEngine, request: ReadRequest, send: Send) -> None:
    platform = request.platform
    send(PlatformStarted(platform.id, len(readable_items(platform, request.item_ids))))
    results = engine.read_platform(platform, _Reporter(send), request.item_ids)
    send(PlatformFinished(platform.id, platform_problem(results) or ""))


class _Reporter:
    """The engine's Reporter protocol, as events."""

    def __init__(self, send: Send) -> None:
        self._send = send

    def waiting(self, platform_id: str, message: str) -> None:
        self._send(Waiting(platform_id, message))

    def item_started(self, platform_id: str, item_id: str, index: int, total: int) -> None:
        self._send(ItemStarted(platform_id, item_id, index, total))

    def item_read(self, result: ReadResult) -> None:
        self._send(ItemRead(result))
