"""Where a failed read looked, in words a worker reads: never the browser's 'about:blank'."""

from __future__ import annotations

import pytest

from app.automation.results import FailedRead


@pytest.mark.parametrize("url", ["about:blank", "", "chrome-error://chromewebdata/"])
def test_no_page_is_said_in_words(url: str) -> None:
    text = FailedRead(url, ("#privacy",)).describe()
    assert text.startswith("Page: no page had opened yet\n")
    assert "about:" not in text and "chrome-error" not in text


def test_a_real_address_is_shown_as_plain_text() -> None:
    text = FailedRead("https://www.facebook.com/settings\n<b>", ("#privacy",)).describe()
    assert text.startswith("Page: https://www.facebook.com/settings")
    assert "Looked for:\n  #privacy" in text
