"""Issue 16: pages in another language. Signed in is told by a session cookie, whatever the
language; structural locators read in any language; words are per language in the audit
file, so adding one is a change to the audit file only."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.audit.answers import AnswerStatus
from app.automation.failures import Failure
from app.automation.results import platform_problem
from app.checklists.loader import load_platform_file
from app.checklists.model import Catalogue, Platform
from tests.automation.conftest import Recorder, by_item, read
from tests.sites.replica import PASSWORD, USERNAME, ReplicaServer

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("not_cancelled")]
AUDITS = Path(__file__).resolve().parents[2] / "audits"
SPANISH = (
    "your Facebook is set to a language Footprint can't read yet (the page says its "
    'language is "es")'
)


def with_spanish(tmp_path: Path, replica: ReplicaServer) -> Platform:
    """facebook.toml plus a Spanish table beside each English one: a data change only."""
    words: dict[str, str] = replica.sites["facebook"].config["phrases"]["es"]

    def spanish(match: re.Match[str]) -> str:
        english = match.group(0)
        title = re.search(r'title = "(.*)"', english)
        assert title is not None, english
        table = f'{english}\n[item.probe.es]\ntitle = "{words[title.group(1)]}"\n'
        if values := re.search(r"safe_when = \[(.*)\]", english):
            found = [v for v in re.findall(r'"([^"]*)"', values.group(1)) if v in words]
            table += "safe_when = [" + ", ".join(f'"{words[v]}"' for v in found) + "]\n"
        return table

    text = (AUDITS / "facebook.toml").read_text(encoding="utf-8")
    text = re.sub(r"\[item\.probe\.en\]\n(?:[a-z_]+ = .*\n)+", spanish, text)
    path = tmp_path / "facebook.toml"
    path.write_text(text, encoding="utf-8")
    return load_platform_file(path)


def test_a_spanish_facebook_signs_in_and_reads_what_needs_no_words(
    engine, shipped: Catalogue, replica, saved_credentials
) -> None:
    site = replica.sites["facebook"]
    site.language = "es"
    recorder = Recorder()
    results = by_item(read(engine, shipped.platform("facebook"), recorder))
    # The login form is found by its structure (#email, #pass): signing in works in Spanish.
    assert recorder.waits == ["Signing in to Facebook with your saved details…"]
    search = results.pop("search-engine-visibility")  # the tab's only switch: no words needed
    assert (search.observed, search.suggested) == ("Off", AnswerStatus.SAFE)
    assert {(r.failure, r.problem) for r in results.values()} == {(Failure.LANGUAGE, SPANISH)}
    assert all(r.where is not None and r.where.screenshot for r in results.values())


def test_a_spanish_facebook_is_read_once_the_audit_file_has_spanish_words(
    engine, replica, saved_credentials, tmp_path
) -> None:
    site = replica.sites["facebook"]
    site.language = "es"
    facebook = with_spanish(tmp_path, replica)
    results = read(engine, facebook)
    assert len(results) == 7 and all(r.ok for r in results)
    assert all(r.suggested is AnswerStatus.SAFE for r in results)
    assert by_item(results)["find-by-email"].observed == "Solo yo"
    assert {r.language for r in results} == {"es"}

    site.make_unsafe()
    unsafe = by_item(read(engine, facebook))
    assert all(r.suggested is AnswerStatus.NEEDS_ACTION for r in unsafe.values())
    assert unsafe["future-posts-audience"].observed == "Público"
    assert unsafe["friend-requests"].observed == "Todos"


def test_signing_in_by_hand_on_a_spanish_page_is_recognised_by_its_cookie(
    engine, shipped, replica
) -> None:
    site = replica.sites["facebook"]
    site.language = "es"

    def worker_signs_in_in_spanish(platform_id: str, message: str) -> None:
        assert message.startswith("Sign in to Facebook in the browser window")
        page = engine.page(platform_id)
        page.get_by_label("Correo electrónico o número de teléfono").fill(USERNAME)
        page.get_by_label("Contraseña").fill(PASSWORD)
        page.get_by_role("button", name="Entrar").click()

    results = read(engine, shipped.platform("facebook"), Recorder(worker_signs_in_in_spanish))
    assert not any(r.failure is Failure.SIGNED_OUT for r in results)
    assert by_item(results)["search-engine-visibility"].ok


def test_an_x_page_in_another_language_reads_its_structural_controls_only(
    engine, shipped, replica, saved_credentials
) -> None:
    site = replica.sites["x"]
    for path in site.config["pages"]:
        site.rename(path, '<html lang="en">', '<html lang="cy">')
        site.rename(path, 'aria-label="Account menu"', 'aria-label="Dewislen y cyfrif"')
    results = by_item(read(engine, shipped.platform("x")))
    # aria-describedby="CHECKBOX_1_LABEL" needs no words (Brave's 2026 x.com scripts).
    assert results.pop("private-account").ok and results.pop("find-by-email").ok
    welsh = "your X (Twitter) is set to a language Footprint can't read yet"
    assert {r.kind_message for r in results.values()} == {welsh}
    assert platform_problem(list(results.values())) == (
        f"Could not read any of these settings: {welsh} (the page says its language is "
        '"cy"). Next: check these settings by hand; there is no need to change your language.'
    )
