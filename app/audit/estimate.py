"""How long an audit takes, said honestly, per platform.

Counted from what each setting asks of the worker, not timed with workers (nobody has yet):
read one card (a question, the safe value, a few lines), open the platform's settings page
(one key press), find the setting there, come back and answer (one key press). We allow a
minute for that, and two minutes per platform to sign in and reach its settings. Slower
readers, two-factor sign-ins and settings moved by the platform take longer, so the figure
is rounded up and always said as "about".
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from app.checklists.model import Platform

SECONDS_PER_SETTING = 60
SECONDS_TO_SIGN_IN = 120


def minutes_for(platform: Platform) -> int:
    """Whole minutes, rounded up, to check every setting of `platform`."""
    seconds = SECONDS_TO_SIGN_IN + SECONDS_PER_SETTING * len(platform.items)
    return math.ceil(seconds / 60)


def minutes_for_all(platforms: Iterable[Platform]) -> int:
    """Whole minutes for an audit of all of `platforms`."""
    return sum(minutes_for(platform) for platform in platforms)


def say_minutes(minutes: int) -> str:
    """'about 14 minutes', 'about 1 hour 10 minutes'."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"about {minutes} minute{'' if minutes == 1 else 's'}"
    hour_text = f"{hours} hour{'' if hours == 1 else 's'}"
    return f"about {hour_text}" + (f" {rest} minutes" if rest else "")
