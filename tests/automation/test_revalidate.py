"""The maintainer's re-validation routine, run against the replicas (a dry run)."""

from __future__ import annotations

import pytest

from tests.sites.revalidate import main

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("shared_driver")]


def test_the_report_says_what_was_read_and_which_address_and_locator_matched(
    replica, saved_credentials, tmp_path, monkeypatch
) -> None:
    bases = ",".join(f"{origin}={base}" for origin, base in replica.url_map().items())
    monkeypatch.setenv("FOOTPRINT_PROBE_BASE", bases)
    replica.sites["x"].rename("/settings/contacts", "your phone number", "your mobile number")
    report = tmp_path / "report.md"
    argv = ["--platform", "x", "--browser", "/usr/bin/chromium", "--headless",
            "--use-saved-details", "--profiles", str(tmp_path / "profiles"),
            "--report", str(report), "--browser-arg=--no-sandbox"]  # fmt: skip
    assert main(argv) == 1  # one probe could not be read (its engine shares the driver)
    text = report.read_text(encoding="utf-8")
    contacts = "https://x.com/settings/contacts"  # the probe's own address
    assert "| private-account | On |" in text
    assert "| find-by-phone | **could not read**: the page may have changed" in text
    assert (
        f"- find-by-email: 1 — {contacts} "
        '`role=checkbox[name="Let people who have your email address find you on X"]`'
    ) in text
    assert (
        f'- find-by-phone: 0 — {contacts} `role=checkbox[name="Let people who have your phone '
        'number find you on X"]`'
    ) in text
    assert "- private-account: A 2026 Playwright script" in text  # the evidence on file
