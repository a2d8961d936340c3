"""The stranger's-view evidence beside an audit item: used when fresh, withheld when stale."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from app.audit.answers import AnswerSource, AnswerStatus
from app.audit.session import AuditSession
from app.footprint import Footprint
from app.stranger.evidence import YES, SeenFinding, evidence_for
from app.ui.audit_page import AuditPage
from tests.conftest import START


def _page_on_x_private_account(qtbot, footprint: Footprint, now) -> AuditPage:  # noqa: ANN001
    finding = SeenFinding("x", "posts", YES, "posts shown", START)
    x = footprint.catalogue.get("x")
    assert x is not None
    evidence = evidence_for([finding], now=now, recheck_days={"x": x.recheck_days})
    session = AuditSession.start(("x",), footprint.catalogue, footprint.store, footprint.clock)
    page = AuditPage(codes=footprint.codes, regulator="sssc")
    qtbot.addWidget(page)
    page.set_outside_evidence(evidence)
    page.start(session)
    session.go_to("x", "private-account")
    page.show_current()
    return page


def test_fresh_evidence_is_offered_and_saved_as_seen_by_a_stranger(qtbot, set_up) -> None:  # noqa: ANN001
    page = _page_on_x_private_account(qtbot, set_up, START + timedelta(days=1))
    assert "This suggests: Needs action." in page.outside_label.text()
    assert page.outside_button.isEnabled()
    qtbot.mouseClick(page.outside_button, Qt.MouseButton.LeftButton)
    answer = set_up.history()[-1].answers[("x", "private-account")]
    assert (answer.status, answer.source) == (AnswerStatus.NEEDS_ACTION, AnswerSource.OUTSIDE)


def test_evidence_older_than_the_recheck_interval_is_shown_but_not_offered(
    qtbot,  # noqa: ANN001
    set_up,  # noqa: ANN001
) -> None:
    x = set_up.catalogue.get("x")
    assert x is not None
    page = _page_on_x_private_account(qtbot, set_up, START + timedelta(days=x.recheck_days + 1))
    text = page.outside_label.text()
    assert "A signed-out stranger could see your posts on X" in text
    assert "older than this platform's re-check interval" in text
    assert "This suggests" not in text
    assert not page.outside_button.isEnabled()
