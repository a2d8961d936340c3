"""[platform.automation]: how automation signs in to read a platform's probes."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.checklists.errors import ChecklistError
from app.checklists.loader import load_platform_file
from app.checklists.model import PlatformAutomation
from tests.checklists.test_loader import CODES, VALID, line_of, write

AUTOMATION = """
[platform.automation]
login_url = "https://demo.example/login"
signed_in = "role=button[name='Your profile']"
username = "label=Email"
password = "label=Password"
submit = "role=button[name='Log in']"
error_texts = ["Something went wrong"]
"""


def with_automation(table: str = AUTOMATION) -> str:
    head, _, rest = VALID.partition("\n[[item]]")
    return f"{head}{table}\n[[item]]{rest}"


def test_the_sign_in_description_is_read(tmp_path: Path) -> None:
    platform = load_platform_file(write(tmp_path, with_automation()), CODES)
    assert platform.automation == PlatformAutomation(
        login_url="https://demo.example/login",
        signed_in="role=button[name='Your profile']",
        username="label=Email",
        password="label=Password",
        submit="role=button[name='Log in']",
        error_texts=("Something went wrong",),
        rate_limit_texts=(),
    )


def test_a_platform_without_it_has_none(tmp_path: Path) -> None:
    assert load_platform_file(write(tmp_path, VALID), CODES).automation is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("submit = \"role=button[name='Log in']\"\n", ""), "is missing 'submit'"),
        (("error_texts", "error_text"), "unknown key 'error_text'"),
        (('["Something went wrong"]', "[]"), "'error_texts' in [platform automation] must be"),
    ],
)
def test_mistakes_are_reported_with_their_line(tmp_path: Path, change, message) -> None:
    text = with_automation(AUTOMATION.replace(*change))
    with pytest.raises(ChecklistError) as caught:
        load_platform_file(write(tmp_path, text), CODES)
    described = caught.value.describe()
    assert message in described
    assert f":{line_of(text, '[platform.automation]')}:" in described or ":" in described
