"""Issue 27's archive shapes, each with the public evidence named in app/downloads/FORMATS.md:
a one-follower file written as a bare record, "(at least …)" for a count of 0, a Google Drive
download wrapping the export ZIP, German contact syncing, Facebook's contact-upload line, and
an X archive of a new account with an empty history."""

from __future__ import annotations

import json

import pytest

from app.audit.answers import AnswerStatus
from app.checklists.loader import load_catalogue, shipped_audit_files
from app.downloads.download_errors import NothingUsableError
from app.downloads.findings import ConnectionKind
from app.downloads.reader import read_export
from app.downloads.recording import preview_import
from app.downloads.summary import connection_line
from tests.conftest import START
from tests.downloads import builders, generations

K = ConnectionKind
CATALOGUE = load_catalogue(shipped_audit_files()).catalogue
FOLLOWERS = (
    "instagram-jo.worker-2026-02-20-AbCdEf/connections/followers_and_following/followers_1.json"
)


def observed(findings) -> dict[str, tuple[str, AnswerStatus]]:
    return {o.item_id: (o.value, o.status) for o in findings.observations}


def test_a_one_follower_file_written_as_one_bare_record_counts_that_follower(tmp_path) -> None:
    files = builders.instagram_export()
    [record] = builders.string_list(["only.follower"])
    files[FOLLOWERS] = builders.meta_json(record)  # {"title", "string_list_data"}, no list
    findings = read_export(builders.write_zip(tmp_path / "ig.zip", files), START)
    assert findings.connection_counts[K.FOLLOWER] == 1
    assert K.FOLLOWER not in findings.incomplete
    assert [c.name for c in findings.connections if c.kind is K.FOLLOWER] == ["@only.follower"]


def test_an_unknown_object_is_still_not_understood(tmp_path) -> None:
    files = builders.instagram_export()
    files[FOLLOWERS] = json.dumps({"something_else": 1})
    findings = read_export(builders.write_zip(tmp_path / "ig.zip", files), START)
    assert K.FOLLOWER in findings.incomplete
    assert "(at least: the followers could not be read in full)" in connection_line(findings)


def test_a_count_of_0_from_an_unread_list_says_at_least(tmp_path) -> None:
    files = builders.instagram_export(followers=("one.person",))
    files[FOLLOWERS] = json.dumps({"something_else": 1})  # the only followers file: unread
    line = connection_line(read_export(builders.write_zip(tmp_path / "ig.zip", files), START))
    assert line.startswith("0 followers") or "0 followers" in line
    assert "(at least: the followers could not be read in full)" in line


def test_a_google_drive_zip_holding_the_export_zip_names_the_inner_zip(tmp_path) -> None:
    inner = builders.write_zip(
        tmp_path / "instagram-jo.worker-2026-02-20.zip", builders.instagram_export()
    )
    wrapper = builders.write_zip(
        tmp_path / "drive-download-20260301T101010Z-001.zip",
        {"instagram-jo.worker-2026-02-20.zip": inner.read_bytes()},
    )
    with pytest.raises(NothingUsableError) as error:
        read_export(wrapper, START)
    message = str(error.value)
    assert "instagram-jo.worker-2026-02-20.zip" in message and "Google Drive" in message


def test_german_contact_syncing_is_read(tmp_path) -> None:
    files = generations.instagram_2024()
    name = next(n for n in files if n.endswith("account_information.json"))
    files[name] = files[name].replace("Contact Syncing", "Kontaktsynchronisierung")
    findings = read_export(builders.write_zip(tmp_path / "ig.zip", files), START)
    assert observed(findings)["contact-sync"][1] is AnswerStatus.NEEDS_ACTION


@pytest.mark.parametrize(
    ("sync", "answer"), [(("Off", "On"), ("on", AnswerStatus.NEEDS_ACTION)), (("Off", "Off"), None)]
)
def test_facebooks_contact_upload_line_goes_to_its_checklist_item(tmp_path, sync, answer) -> None:
    files = generations.facebook_2026(sync=sync)
    findings = read_export(builders.write_zip(tmp_path / "fb.zip", files), START)
    preview = preview_import(findings, CATALOGUE, [])
    assert preview.not_in_checklist == ()  # the checklist has an item for it
    answers = {a.item_id: a.status for a in preview.answers}
    if answer is None:
        assert "contact-upload" not in answers
        assert any("deleted" in note for note in findings.notes)
    else:
        assert answers["contact-upload"] is answer[1]
        assert observed(findings)["contact-upload"] == answer


def test_an_x_archive_of_a_new_account_with_empty_history_answers_both_items(tmp_path) -> None:
    files = builders.x_archive(history=(), contacts=0, created_at="2026-01-05T12:00:00.000Z")
    findings = read_export(builders.write_zip(tmp_path / "x.zip", files), START)
    assert observed(findings) == {
        "private-account": (
            "off (never protected since the account was made)",
            AnswerStatus.NEEDS_ACTION,
        ),
        "contact-sync": ("no contacts uploaded", AnswerStatus.SAFE),
    }


def test_an_older_x_account_with_empty_history_still_says_nothing_of_protection(tmp_path) -> None:
    findings = read_export(
        builders.write_zip(tmp_path / "x.zip", builders.x_archive(history=())), START
    )
    assert "private-account" not in observed(findings)


# No public sample of Instagram's 2025–26 privacy-history layout was found (app/downloads/
# FORMATS.md), so nothing is guessed: a layout Footprint does not know is named as not
# understood, and with no private-account flag elsewhere the item gets no answer at all.
PRIVACY_CHANGES = (
    "instagram-jo.worker-2026-02-20-AbCdEf/security_and_login_information/"
    "login_and_account_creation/account_privacy_changes.json"
)


@pytest.mark.parametrize(
    "layout",
    [
        {"account_privacy_history_v2": [{"event": "PUBLIC", "ts": 1_767_225_600}]},
        [{"title": "Switched to Public", "time": 1_767_225_600}],
        {"title": "Switched to Public", "when": "2026-01-01"},
    ],
    ids=["renamed list", "new fields in a list", "one bare record with new fields"],
)
def test_an_unknown_switch_history_layout_is_named_and_answers_nothing(tmp_path, layout) -> None:
    files = builders.instagram_export(private=None)
    files[PRIVACY_CHANGES] = json.dumps(layout)
    findings = read_export(builders.write_zip(tmp_path / "ig.zip", files), START)
    assert "private-account" not in observed(findings)
    assert [note.file for note in findings.not_understood] == [PRIVACY_CHANGES]
