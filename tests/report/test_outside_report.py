"""The report's "What a stranger could see": findings with their caveats, in Footprint's words."""

from __future__ import annotations

from dataclasses import replace
from html import escape

import pytest

from app.checklists.codes import load_code_book
from app.checklists.loader import load_catalogue, shipped_audit_files
from app.checklists.model import Catalogue
from app.report.html import render_html
from app.report.wording import NO_ADDRESS, NO_LOOK_KEPT, outside_lines
from app.stranger.evidence import NO, SIGNED_IN_NOTE, YES, SeenFinding
from app.stranger.public_profiles import profile_of
from tests.conftest import START
from tests.report.test_report_model import report


@pytest.fixture(scope="module")
def shipped() -> Catalogue:
    return load_catalogue(shipped_audit_files(), set(load_code_book().known_ids())).catalogue


def caveat(platform_id: str) -> str:
    profile = profile_of(platform_id)
    assert profile is not None
    return profile.wall_caveat or profile.always_public


def test_a_hedged_wall_is_reported_with_its_caveat(shipped) -> None:
    wall = SeenFinding("linkedin", "page", NO, "asked to sign in, but that is no proof", START,
                       caveat("linkedin"))  # fmt: skip
    opened = SeenFinding("x", "page", YES, "the page opens", START, caveat("x"))
    linkedin, x = outside_lines(shipped, ["linkedin", "x"], [wall, opened])
    [said] = linkedin.findings
    assert said.startswith("Your profile page: no — ") and said.endswith(caveat("linkedin"))
    assert x.findings[0].endswith(caveat("x"))  # what X always shows anyone


def test_the_report_html_carries_the_caveat(shipped, catalogue) -> None:
    wall = SeenFinding("linkedin", "page", NO, "asked to sign in", START, caveat("linkedin"))
    made = replace(report(catalogue), outside=outside_lines(shipped, ["linkedin"], [wall]))
    html = render_html(made)
    assert "LinkedIn also asks automated browsers to sign in" in html


def test_the_report_says_signed_in_people_may_see_more(shipped, catalogue) -> None:
    opened = SeenFinding("facebook", "page", YES, "the page opens", START)
    made = replace(report(catalogue), outside=outside_lines(shipped, ["facebook"], [opened]))
    assert escape(SIGNED_IN_NOTE) in render_html(made)
    assert "for example a Facebook user" in SIGNED_IN_NOTE


def test_only_the_reports_platforms_are_listed(shipped) -> None:
    seen = [SeenFinding(pid, "page", YES, "the page opens", START) for pid in ("x", "tiktok")]
    [line] = outside_lines(shipped, ["x"], seen)  # a report of one audit of X
    assert line.seen_at == START and line.platform != "TikTok"


def test_a_platform_nobody_looked_at_says_so_and_why(shipped, catalogue) -> None:
    """No address: nobody could look. An address but no findings: a look may have been
    stopped or met an obstacle, which keeps nothing, and the report says it cannot tell why."""
    x, youtube = outside_lines(shipped, ["x", "youtube"], [], addressed={"youtube"})
    assert (x.seen_at, x.findings, x.not_looked) == (None, (), NO_ADDRESS)
    assert youtube.not_looked == NO_LOOK_KEPT
    html = render_html(replace(report(catalogue), outside=(x, youtube)))
    assert html.count("Not looked at") == 2 and "no findings kept" not in html
    assert escape(NO_ADDRESS) in html and escape(NO_LOOK_KEPT) in html


def test_a_platform_looked_at_has_no_not_looked_reason(shipped) -> None:
    opened = SeenFinding("x", "page", YES, "the page opens", START)
    [line] = outside_lines(shipped, ["x"], [opened], addressed={"x"})
    assert line.seen_at == START and line.not_looked == ""
