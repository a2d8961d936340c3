"""Issue 13.1: the saved password is never typed into a page off the platform's own site.

A look-alike sign-in page runs on a second local port. Whether a probe points at it, the
login page redirects to it, or it is simply showing when Footprint would sign in, it never
receives the password (nor the user name).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from app import credentials
from app.automation.failures import Failure, PageProblem
from app.automation.origins import SiteGuard
from app.automation.page import ReadOnlyPage
from app.automation.signin import sign_in
from tests.automation.conftest import FAST, NOBODY_SIGNS_IN, Recorder, by_item, read
from tests.sites.lookalike import LookAlike
from tests.sites.replica import PASSWORD, USERNAME, ReplicaServer

pytestmark = [
    pytest.mark.browser,
    pytest.mark.usefixtures("not_cancelled", "saved_credentials"),
]


@pytest.fixture
def look_alike() -> Iterator[LookAlike]:
    server = LookAlike("facebook").start()
    yield server
    server.stop()


def nothing_sent(look_alike: LookAlike) -> bool:
    """No form was sent, and neither the password nor the user name reached it anyhow."""
    received = " ".join(look_alike.received)
    leaked = (PASSWORD, PASSWORD.replace(" ", "+"), USERNAME, USERNAME.replace("@", "%40"))
    return not any(entry.startswith("POST") for entry in look_alike.received) and not any(
        secret in received for secret in leaked
    )


def test_a_probe_on_a_look_alike_page_is_never_opened_on_a_second_audit(
    engine, shipped, replica, look_alike
) -> None:
    facebook = shipped.platform("facebook")
    assert all(r.ok for r in read(engine, facebook))  # the first audit: signed in
    item = facebook.item("friend-requests")
    assert item.probe is not None
    planted = replace(item, probe=replace(item.probe, urls=(f"{look_alike.base}/login/",)))
    tampered = replace(facebook, items=tuple(planted if i.id == item.id else i
                                             for i in facebook.items))  # fmt: skip
    results = by_item(read(engine, tampered))
    where = look_alike.base.removeprefix("http://")
    assert (results["friend-requests"].failure, results["friend-requests"].problem) == (
        Failure.WRONG_SITE,
        f"the page is not on Facebook's own site (it is on {where})",
    )
    assert all(r.ok for key, r in results.items() if key != "friend-requests")
    assert look_alike.received == [] and nothing_sent(look_alike)


def test_a_sign_in_page_that_sends_the_browser_to_a_look_alike_gets_nothing(
    engine, shipped, replica, look_alike
) -> None:
    replica.sites["facebook"].redirects["/login/"] = f"{look_alike.base}/login/"
    recorder = Recorder()
    results = read(engine, shipped.platform("facebook"), recorder)
    assert look_alike.received == ["GET /login/"]  # the browser was sent there, and stopped
    assert nothing_sent(look_alike)
    assert {r.failure for r in results} == {Failure.WRONG_SITE}
    assert not any("saved details" in message for message in recorder.waits)


def test_the_login_form_is_filled_only_on_the_platform_s_own_site(
    engine, shipped, replica: ReplicaServer, look_alike
) -> None:
    """The last check, right before typing: the page showing is the look-alike's."""
    facebook = shipped.platform("facebook")
    assert facebook.automation is not None
    page = engine.page("facebook")
    page.goto(f"{look_alike.base}/login/")
    urls = engine._config.urls
    view = ReadOnlyPage(
        page,
        facebook.automation,
        urls=urls,
        timeouts=replace(FAST, sign_in=NOBODY_SIGNS_IN),  # nobody signs in here
        cancelled=lambda: False,
        guard=SiteGuard("facebook", urls),
        platform_name=facebook.name,
    )
    waits: list[str] = []
    try:
        with pytest.raises(PageProblem) as stopped:
            sign_in(view, facebook, load_credential=credentials.load, waiting=waits.append)
    finally:
        view.close()
    assert stopped.value.kind is Failure.SIGNED_OUT  # nobody signed in by hand meanwhile
    where = look_alike.base.removeprefix("http://")
    assert waits == [
        f"The sign-in page showing is not on Facebook's own site (it is on {where}), so "
        "Footprint did not type your saved details into it. Do not sign in there: go to "
        "Facebook itself in the browser window and sign in there. Footprint carries on by "
        "itself once you are signed in."
    ]
    assert page.get_by_label("Password").input_value() == ""
    assert look_alike.received == ["GET /login/"] and nothing_sent(look_alike)
