"""[platform.automation] and [item.probe]: how automation signs in and reads, in the audit
file's words (several locators in order, words per language, English first)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.checklists.file_errors import ChecklistError
from app.checklists.loader import load_platform_file
from app.checklists.model import Phrases, PlatformAutomation, Probe, ProbeRead, SignInPhrases
from tests.checklists.test_loader import CODES, VALID, line_of, write

AUTOMATION = """
[platform.automation]
login_url = "https://demo.example/login"
session_cookies = ["sid"]
signed_out_paths = ["/login"]
pending_paths = ["/checkpoint"]
username = ["css=input[name='user']", "css=#user"]
password = "css=input[type='password']"
submit = ["css=button[type='submit']"]

[platform.automation.en]
signed_in = ["role=button[name='Your profile']"]
consent = ["role=button[name='Decline optional cookies']"]
submit = ["role=button[name='Log in']"]
error_texts = ["Something went wrong"]

[platform.automation.es]
consent = ["role=button[name='Rechazar cookies opcionales']"]
"""
PROBE = """
[item.probe]
urls = ["https://demo.example/settings/tags", "https://demo.example/old/tags"]
locators = ["css=main input[role='switch']", "row={title} >> css=input[role='switch']"]
read = "checked"
safe_when = ["true"]
evidence = "Where the page's structure is documented."

[item.probe.en]
title = "Review tags"

[item.probe.es]
title = "Revisar etiquetas"
"""
TEXT_PROBE = """
[item.probe]
url = "https://demo.example/settings/audience"
locator = "row={title} >> css=[role='button']"
read = "text"

[item.probe.en]
title = "Who can see your posts?"
safe_when = ["Friends", "Only me"]

[item.probe.cy]
title = "Pwy all weld eich postiadau?"
safe_when = ["Ffrindiau", "Fi yn unig"]
"""


def with_tables(automation: str = AUTOMATION, probe: str = PROBE) -> str:
    head, _, rest = VALID.partition("\n[[item]]")
    text = f"{head}{automation}\n[[item]]{rest}"
    return text.rstrip("\n") + "\n" + probe


def test_the_sign_in_description_is_read(tmp_path: Path) -> None:
    platform = load_platform_file(write(tmp_path, with_tables()), CODES)
    assert platform.automation == PlatformAutomation(
        login_url="https://demo.example/login",
        username=("css=input[name='user']", "css=#user"),
        password=("css=input[type='password']",),
        submit=("css=button[type='submit']",),
        session_cookies=("sid",),
        signed_out_paths=("/login",),
        pending_paths=("/checkpoint",),
        phrases=(
            SignInPhrases(
                "en",
                signed_in=("role=button[name='Your profile']",),
                consent=("role=button[name='Decline optional cookies']",),
                submit=("role=button[name='Log in']",),
                error_texts=("Something went wrong",),
            ),
            SignInPhrases("es", consent=("role=button[name='Rechazar cookies opcionales']",)),
        ),
    )
    words = platform.automation.words("es")
    assert words.consent == ("role=button[name='Rechazar cookies opcionales']",)
    assert words.submit == ("css=button[type='submit']",)  # the structural ones stay
    assert words.error_texts == ("Something went wrong",)  # error screens: any language


def test_a_probe_with_several_addresses_locators_and_languages(tmp_path: Path) -> None:
    platform = load_platform_file(write(tmp_path, with_tables()), CODES)
    probe = platform.items[-1].probe
    assert probe == Probe(
        urls=("https://demo.example/settings/tags", "https://demo.example/old/tags"),
        locators=("css=main input[role='switch']", "row={title} >> css=input[role='switch']"),
        read=ProbeRead.CHECKED,
        safe_when=("true",),
        phrases=(Phrases("en", "Review tags"), Phrases("es", "Revisar etiquetas")),
        evidence="Where the page's structure is documented.",
    )
    assert probe.url == probe.urls[0] and probe.languages == ("en", "es")


def test_a_text_probe_keeps_its_safe_values_per_language(tmp_path: Path) -> None:
    platform = load_platform_file(write(tmp_path, with_tables(probe=TEXT_PROBE)), CODES)
    probe = platform.items[-1].probe
    assert probe is not None
    assert probe.safe_values("cy") == ("Ffrindiau", "Fi yn unig")
    assert probe.safe_values("en") == ("Friends", "Only me")
    assert probe.safe_values("") == ("Friends", "Only me", "Ffrindiau", "Fi yn unig")
    assert probe.safe_values("pl") is None  # no words: never judged


def test_an_older_single_locator_probe_still_loads(tmp_path: Path) -> None:
    platform = load_platform_file(write(tmp_path, VALID), CODES)
    probe = platform.items[0].probe
    assert probe is not None
    assert (probe.urls, probe.locators) == (
        ("https://demo.example/settings/privacy",),
        ("role=checkbox[name='Private account']",),
    )


def test_a_platform_without_it_has_none(tmp_path: Path) -> None:
    assert load_platform_file(write(tmp_path, VALID), CODES).automation is None


@pytest.mark.parametrize(
    ("tables", "change", "message"),
    [
        ("automation", ('username = ["css=input[name=\'user\']", "css=#user"]\n', ""),
         "needs at least one 'username' locator"),
        ("automation", [('session_cookies = ["sid"]\n', ""),
                        ("signed_in = [\"role=button[name='Your profile']\"]\n", "")],
         "needs 'session_cookies' (or 'signed_in' locators)"),
        ("automation", ("error_texts", "error_text"), "unknown key 'error_text'"),
        ("automation", ('["Something went wrong"]', "[]"),
         "'error_texts' in [platform automation en] must be"),
        ("automation", ('pending_paths = ["/checkpoint"]', 'pending_paths = ["checkpoint"]'),
         "'pending_paths' entries are paths starting with '/'"),
        ("probe", ('title = "Revisar etiquetas"', 'titel = "Revisar etiquetas"'),
         "unknown key 'titel'"),
        ("probe", ("[item.probe.en]\ntitle = \"Review tags\"\n", ""),
         "has language tables but no [….en]"),
        ("probe", ('safe_when = ["true"]', 'safe_when = ["On"]'),
         """a 'checked' probe is safe when "true" or "false", not 'On'"""),
        ("probe", ('locators = [', 'locator = "css=main"\nlocators = ['),
         "has both 'locator' and 'locators'"),
        ("text", ('safe_when = ["Ffrindiau", "Fi yn unig"]\n', ""),
         "[item 1 probe cy] is missing 'safe_when'"),
        ("text", ('title = "Pwy all weld eich postiadau?"\n', ""),
         "[item 1 probe cy] needs a 'title'"),
    ],
)  # fmt: skip
def test_mistakes_are_reported_with_their_line(tmp_path: Path, tables, change, message) -> None:
    changes = change if isinstance(change, list) else [change]
    chosen = {"automation": AUTOMATION, "probe": PROBE, "text": TEXT_PROBE}[tables]
    for old, new in changes:
        assert old in chosen
        chosen = chosen.replace(old, new)
    automation = chosen if tables == "automation" else AUTOMATION
    probe = chosen if tables != "automation" else PROBE
    text = with_tables(automation, probe)
    with pytest.raises(ChecklistError) as caught:
        load_platform_file(write(tmp_path, text), CODES)
    described = caught.value.describe()
    assert message in described
    assert f":{line_of(text, '[platform.automation]')}:" in described or ":" in described
