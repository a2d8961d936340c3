"""Work the facade hands to the windows to run off the UI thread; no Qt here.

A `Background` is a named plain function and the rule that turns its errors into sentences.
`app/ui/jobs.py` runs it as a `Job` on its own thread; the function sees only `Progress`, so
the same work could run under any runner (the commands call the services directly instead).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

T = TypeVar("T", covariant=True)  # a job of a bool is a job of an object
Explain = Callable[[BaseException], str | None]


class Cancelled(Exception):
    """Raised inside background work when the worker pressed Cancel; it ends `cancelled`."""


class Progress(Protocol):
    """What background work may do while it runs: report, send values, notice Cancel."""

    def progress(self, done: int, total: int) -> None:
        """Report `done` of `total` steps (total 0: unknown)."""

    def send(self, value: object) -> None:
        """Send a value (an event of the work) to the window."""

    def cancelled(self) -> bool:
        """Whether Cancel was pressed; long work polls this."""
        return False

    def check_cancelled(self) -> None:
        """Raise Cancelled if Cancel was pressed."""


def nothing_to_explain(_error: BaseException) -> str | None:
    """No error of this work is the worker's to know about in its own words."""
    return None


@dataclass(frozen=True)
class Background(Generic[T]):
    """A use case's slow part: the work, its name in the log, and which errors are sentences
    for the worker (anything else is a problem inside Footprint)."""

    name: str
    work: Callable[[Progress], T]
    explain: Explain = nothing_to_explain
