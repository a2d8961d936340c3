"""Bidi controls in what a worker types: dropped in one place, before any output sees them."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.audit.profile import WorkerProfile
from app.formatting import BIDI_CONTROLS, display_text

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def test_every_bidi_control_the_issue_names_is_dropped_and_nothing_else() -> None:
    assert set(BIDI) == BIDI_CONTROLS
    assert display_text(f"\u202eJo{BIDI} Worker\u2066") == "Jo Worker"
    assert display_text("Zoë O’Neill — شريف") == "Zoë O’Neill — شريف"  # letters stay


@pytest.mark.parametrize("field", ["display_name", "role", "organisation", "supervisor"])
def test_a_profile_typed_or_read_back_holds_no_bidi_control(field) -> None:
    profile = WorkerProfile("Jo", "Carer", "Org", "sssc")
    hostile = replace(profile, **{field: f"\u202eegap{BIDI}"})
    assert getattr(hostile, field) == "egap"
