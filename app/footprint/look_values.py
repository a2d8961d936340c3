"""The values of the stranger's view and the watch that the windows show.

Plain frozen dataclasses, enums and Footprint's own sentences, from `app.automation` and the
watch's service. The windows import them from here, never from `app.automation` or
`app.services` (the architecture test checks it).
"""

from app.services.watch_runs import WatchedLook, WatchPlan, WatchRun
from app.services.watch_signed_in import RereadFinished
from app.stranger.look import LookFinished, LookStarted
from app.stranger.look_config import OutsideConfig, StrangerRequest
from app.stranger.use_cases import AddressField
from app.stranger.view import COUNTRY_NOTE, StrangerView, Verdict, WorkerTerms

__all__ = [
    "COUNTRY_NOTE",
    "AddressField",
    "LookFinished",
    "LookStarted",
    "OutsideConfig",
    "RereadFinished",
    "StrangerRequest",
    "StrangerView",
    "Verdict",
    "WatchPlan",
    "WatchRun",
    "WatchedLook",
    "WorkerTerms",
]
