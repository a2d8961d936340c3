"""The values of automated reading that the windows show, taken from `app.automation`.

Plain frozen dataclasses and pure functions: the read's requests, its events (one kind each,
for the window's typed signals) and results. The windows import them from here, never from
`app.automation` (the architecture test checks it).
"""

from app.automation.config import AutomationConfig, readable_items
from app.automation.reading import (
    ItemRead,
    ItemStarted,
    PlatformFinished,
    PlatformStarted,
    ReadRequest,
    Waiting,
)
from app.automation.results import ReadResult, platform_problem

__all__ = [
    "AutomationConfig",
    "ItemRead",
    "ItemStarted",
    "PlatformFinished",
    "PlatformStarted",
    "ReadRequest",
    "ReadResult",
    "Waiting",
    "platform_problem",
    "readable_items",
]
