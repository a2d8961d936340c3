"""Issue 13.1: audit files and policy packs may only point a platform at its own hosts.

The list is in code (app/checklists/hosts.py); `validate` and `policy add` refuse any other
address for a probe, a login page, a settings page or an "Open settings" button.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from app.audit.answers import AnswerStatus
from app.automation.config import readable_items
from app.automation.origins import SiteGuard
from app.automation.urls import UrlMap
from app.checklists.file_errors import ChecklistError
from app.checklists.hosts import PLATFORM_HOSTS, is_allowed, normal_url, url_problem
from app.checklists.loader import load_catalogue, load_platform_file, shipped_audit_files
from app.cli import main
from app.services.policy_packs import installed_pack_files
from tests.automation.conftest import AUTOMATED

FACEBOOK = Path(__file__).resolve().parents[2] / "audits" / "facebook.toml"


@pytest.mark.parametrize(
    "url",
    [
        "https://www.facebook.com/settings/?tab=posts",
        "https://accountscenter.facebook.com/password_and_security/two_factor/",
        "https://facebook.com/",
        "https://www.facebook.com:443/login/",
    ],
)
def test_a_platform_s_own_https_addresses_are_allowed(url: str) -> None:
    assert is_allowed("facebook", url) and url_problem("facebook", url) is None


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http://www.facebook.com/login/", "must be an https:// address"),
        ("http://127.0.0.1:8123/login/", "must be an https:// address"),
        ("javascript:alert(1)", "must be an https:// address"),
        ("file:///etc/passwd", "must be an https:// address"),
        ("https://www.facebook.com.example.net/login/", "own site"),
        ("https://www.faceb00k.com/login/", "own site"),
        ("https://www.facebook.com@evil.example/login/", "must not carry a user name"),
        ("https://www.facebook.com:8443/login/", "own site"),
        ("https://www.instagram.com/accounts/login/", "own site"),  # another platform's
        ("https://[::1/", "is not a valid address"),
    ],
)
def test_anything_else_is_refused_with_the_reason(url: str, why: str) -> None:
    problem = url_problem("facebook", url)
    assert problem is not None and why in problem
    assert not is_allowed("facebook", url)


def test_a_platform_footprint_does_not_know_may_name_any_https_address_but_is_never_read(
    shipped,
) -> None:
    assert is_allowed("staff-network", "https://network.riverside-care.example/settings")
    assert not is_allowed("staff-network", "http://network.riverside-care.example/settings")
    facebook = shipped.platform("facebook")
    unknown = replace(facebook, id="facebook-copy")
    assert readable_items(facebook) and readable_items(unknown) == []


def test_every_shipped_platform_has_its_hosts_and_every_shipped_address_is_on_them() -> None:
    report = load_catalogue(shipped_audit_files())
    assert report.errors == ()
    for platform in report.catalogue.platforms:
        assert platform.id in PLATFORM_HOSTS, platform.id
    assert set(AUTOMATED) <= set(PLATFORM_HOSTS)


def test_the_guard_compares_against_the_mapped_origins_and_paths() -> None:
    urls = UrlMap({"https://www.facebook.com": "http://127.0.0.1:8000/facebook",
                   "https://x.com": "http://127.0.0.1:8000/x"})  # fmt: skip
    guard = SiteGuard("facebook", urls)
    assert guard.allows("http://127.0.0.1:8000/facebook/login/")
    assert guard.allows("http://127.0.0.1:8000/facebook?next=1")
    assert not guard.allows("http://127.0.0.1:8001/facebook/login/")  # a second local port
    assert not guard.allows("http://127.0.0.1:8000/x/i/flow/login")  # another platform
    assert not guard.allows("http://127.0.0.1:8000/facebookx/login/")
    assert guard.allows("https://accountscenter.facebook.com/")  # not mapped: the real one
    real = SiteGuard("facebook", UrlMap())
    assert real.allows("https://www.facebook.com/login/")
    assert not real.allows("https://www.facebook.com.evil.example/login/")
    assert not real.allows("https://www.facebook.com@evil.example/login/")
    assert not real.allows("http://www.facebook.com/login/")
    assert SiteGuard("staff-network", UrlMap()).allows("https://anything.example/") is False


# -- validate ----------------------------------------------------------------------------------
def line_of(text: str, needle: str) -> int:
    """The first line that starts with `needle`."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(needle))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('\nurl = "https://www.facebook.com/settings/?tab=posts"',
         '\nurl = "http://127.0.0.1:8123/login/"'),
        ('login_url = "https://www.facebook.com/login/"',
         'login_url = "https://www.facebook.com.login-check.example/"'),
        ('open_url = "https://www.facebook.com/settings?tab=privacy"',
         'open_url = "https://facebook-settings.example/privacy"'),
        ('settings_url = "https://www.facebook.com/settings?tab=privacy"',
         'settings_url = "javascript:alert(1)"'),
    ],
)  # fmt: skip
def test_validate_refuses_an_audit_file_pointing_elsewhere_with_file_and_line(
    tmp_path, capsys, old, new
) -> None:
    text = FACEBOOK.read_text(encoding="utf-8")
    assert old in text
    changed = text.replace(old, new, 1)
    path = tmp_path / "facebook.toml"
    path.write_text(changed, encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    key = new.split(" = ")[0].strip()
    out = capsys.readouterr()
    expected_line = line_of(changed, new.strip())
    assert f"{path}:{expected_line}: '{key}' must be " in out.out + out.err


# -- policy packs ------------------------------------------------------------------------------
PACK_HEAD = '[policy]\norganisation = "Org"\ntitle = "Policy"\n'
ITEM = """
[[item]]
platform = "{platform}"
id = "extra-check"
category = "connections"
title = "A check"
why = "Because."
codes = ["SSSC-5.7"]
steps = ["Settings"]
safe = "Off"
open_url = "{open_url}"
source = "https://www.facebook.com/help/1"
severity = "high"
"""
PROBE = """
[item.probe]
url = "{url}"
locator = "role=checkbox[name='A']"
read = "checked"
safe_when = ["true"]
"""
NEW_PLATFORM = """
[[platform]]
id = "staff-network"
name = "Staff network"
settings_url = "{settings_url}"
recheck_days = 90
"""
AUTOMATION = """
[platform.automation]
login_url = "https://network.example/login"
signed_in = "role=button[name='Me']"
username = "label=Email"
password = "label=Password"
submit = "role=button[name='Log in']"
"""


def add(tmp_path: Path, capsys, body: str) -> tuple[int, str]:
    path = tmp_path / "pack.toml"
    path.write_text(PACK_HEAD + body, encoding="utf-8")
    code = main(["policy", "add", str(path)])
    return code, capsys.readouterr().err.replace(f"{path}:", "pack.toml:")


def test_a_pack_probe_on_a_look_alike_page_is_refused_and_nothing_is_installed(
    tmp_path, capsys, data_home
) -> None:
    body = ITEM.format(platform="facebook", open_url="https://www.facebook.com/groups/")
    body += PROBE.format(url="http://127.0.0.1:8123/login/")
    code, err = add(tmp_path, capsys, body)
    assert code == 2 and installed_pack_files(data_home) == []
    line = line_of(PACK_HEAD + body, 'url = "http://127.0.0.1')
    assert f"pack.toml:{line}: 'url' must be an https:// address, not 'http://127.0.0.1" in err


@pytest.mark.parametrize(
    ("body", "needle", "message"),
    [
        (
            ITEM.format(platform="facebook", open_url="https://www.facebook.com/groups/")
            + PROBE.format(url="https://facebook.login-help.example/settings"),
            "url = ",
            "'url' must be an address on facebook's own site (",
        ),
        (
            ITEM.format(platform="facebook", open_url="https://facebook.help-centre.example/"),
            "open_url",
            "'open_url' must be an address on facebook's own site (",
        ),
        (
            NEW_PLATFORM.format(settings_url="https://network.example/settings") + AUTOMATION,
            "[platform.automation]",
            "a policy pack's own platform cannot be read automatically",
        ),
        (
            NEW_PLATFORM.format(settings_url="https://network.example/settings")
            + ITEM.format(platform="staff-network", open_url="https://network.example/me")
            + PROBE.format(url="https://network.example/me"),
            "[item.probe]",
            "'staff-network' is not read automatically, so its items cannot have a probe",
        ),
        (
            NEW_PLATFORM.format(settings_url="http://network.example/settings")
            + ITEM.format(platform="staff-network", open_url="https://network.example/me"),
            "settings_url",
            "'settings_url' must be an https:// address, not 'http://network.example/settings'",
        ),
    ],
)
def test_a_pack_may_name_only_the_platform_s_own_hosts(
    tmp_path, capsys, data_home, body, needle, message
) -> None:
    code, err = add(tmp_path, capsys, body)
    assert code == 2 and installed_pack_files(data_home) == []
    assert f"pack.toml:{line_of(PACK_HEAD + body, needle)}: {message}" in err


def test_a_pack_s_own_platform_with_https_addresses_is_accepted(tmp_path, capsys, data_home):
    body = NEW_PLATFORM.format(settings_url="https://network.example/settings") + ITEM.format(
        platform="staff-network", open_url="https://network.example/me"
    )
    code, _ = add(tmp_path, capsys, body)
    assert code == 0 and len(installed_pack_files(data_home)) == 1


# -- "Open the settings page" ------------------------------------------------------------------
def test_the_open_settings_button_opens_only_the_platform_s_own_site(qtbot, data_home, clock):
    from app.audit.session import AuditSession
    from app.checklists.model import Catalogue
    from app.footprint import open_footprint
    from app.ui.audit_page import AuditPage

    footprint = open_footprint(data_home, clock)
    try:
        facebook = footprint.catalogue.platform("facebook")
        planted = replace(facebook.items[0], open_url="https://facebook-help.example/settings")
        catalogue = Catalogue((replace(facebook, items=(planted, *facebook.items[1:])),))
        session = AuditSession.start(("facebook",), catalogue, footprint.store, footprint.clock)
        opened: list[str] = []
        page = AuditPage(codes=footprint.codes, regulator="SSSC", open_url=opened.append)
        qtbot.addWidget(page)
        page.start(session)
        page.open_button.click()
        assert opened == []  # a tampered address is not opened
        session.record(AnswerStatus.SAFE, "")
        page.start(session)
        page.open_button.click()
        assert opened == [facebook.items[1].open_url]
    finally:
        footprint.close()


# -- one normal form for the loader and the guard ----------------------------------------------
SPELLINGS = [
    "HTTPS://www.facebook.com/settings/?tab=posts",
    "https://WWW.FACEBOOK.COM/settings/?tab=posts",
    "hTTpS://Www.FaceBook.com:443/settings/?tab=posts",
    "https://www.facebook.com:443/settings/?tab=posts",
    "https://www.faceboo\u212a.com/settings/?tab=posts",  # Kelvin sign: lower() gives "k"
    "https://www.ｆacebook.com/settings/?tab=posts",  # a fullwidth letter
    "https://xn--www-facebook-xyz.com/settings/",
    "https://www.facebook.com:444/settings/",
    "https://www.face\tbook.com/settings/",  # urlsplit would drop the tab
    "https://www.facebook.com/settings/\n?tab=posts",
    "https://www.facebook.com\u202e/settings/",
    "https://www.facebook.com.:443/settings/",
]


@pytest.mark.parametrize("url", SPELLINGS)
def test_an_address_the_loader_accepts_is_one_the_guard_allows_and_the_other_way_round(
    tmp_path, url: str
) -> None:
    """A pack that validates can be read, and one the guard would refuse fails validation
    with file:line: the loader keeps each address in the form the guard compares."""
    text = FACEBOOK.read_text(encoding="utf-8")
    old = 'url = "https://www.facebook.com/settings/?tab=posts"'
    assert old in text
    path = tmp_path / "facebook.toml"
    written = f"url = {json.dumps(url)}"  # TOML's escapes for a tab, a newline, U+212A
    path.write_text(text.replace(old, written, 1), encoding="utf-8")
    guard = SiteGuard("facebook", UrlMap())
    try:
        platform = load_platform_file(path)
    except ChecklistError as error:
        line = line_of(path.read_text(encoding="utf-8"), written)
        assert f"{path}:{line}: 'url' must " in error.describe()
        assert not guard.allows(url)
        return
    urls = {url for item in platform.items if item.probe for url in item.probe.urls}
    assert urls and all(guard.allows(url) for url in urls)
    assert "https://www.facebook.com/settings/?tab=posts" in urls


def test_the_spellings_of_one_address_share_one_normal_form() -> None:
    assert {normal_url(url) for url in SPELLINGS[:4]} == {
        "https://www.facebook.com/settings/?tab=posts"
    }
    assert [normal_url(url) for url in SPELLINGS[4:6]] == [None, None]
