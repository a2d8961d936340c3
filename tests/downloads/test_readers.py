"""Each platform's export, built in its documented layout, read into findings."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.audit.answers import AnswerStatus
from app.downloads.download_errors import HtmlFormatError, NothingUsableError
from app.downloads.findings import ConnectionKind
from app.downloads.reader import date_in_name, read_export
from tests.conftest import START
from tests.downloads import builders

K = ConnectionKind


def observed(findings) -> dict[str, tuple[str, AnswerStatus]]:
    return {o.item_id: (o.value, o.status) for o in findings.observations}


def test_x_archive_gives_protected_posts_history_and_followers(tmp_path) -> None:
    path = builders.write_zip(tmp_path / "twitter-2026-02-20-abc.zip", builders.x_archive())
    findings = read_export(path, START)
    assert findings.platform_id == "x"
    assert findings.export_date == datetime(2026, 2, 20, 9, 58, 12, 345000, tzinfo=UTC)
    assert findings.export_date_source == "the archive's manifest"
    assert observed(findings) == {"private-account": ("on", AnswerStatus.SAFE)}
    assert [(s.value, s.made_public) for s in findings.switches] == [("on", False)]
    assert findings.connection_counts == {K.FOLLOWER: 2, K.FOLLOWING: 1}
    assert findings.connections[0].link.startswith("https://twitter.com/intent/user?user_id=")


def test_x_last_switch_wins_and_a_switch_to_public_is_marked(tmp_path) -> None:
    history = (("2026-01-12T10:00:00.000Z", "Protect"), ("2026-02-01T18:30:00.000Z", "Unprotect"))
    path = builders.write_zip(tmp_path / "x.zip", builders.x_archive(history=history))
    findings = read_export(path, START)
    assert observed(findings) == {"private-account": ("off", AnswerStatus.NEEDS_ACTION)}
    assert [s.made_public for s in findings.switches] == [False, True]


def test_x_without_history_says_the_state_is_unknown(tmp_path) -> None:
    path = builders.write_zip(tmp_path / "x.zip", builders.x_archive(history=()))
    findings = read_export(path, START)
    assert findings.observations == ()
    assert "does not say whether your posts are protected" in findings.notes[0]


def test_x_split_lists_windows_bom_and_semicolons_and_uploaded_contacts(tmp_path) -> None:
    files = builders.x_archive(contacts=3, followers=("1", "2"))
    files["data/follower-part1.js"] = "\ufeff" + builders.ytd(
        "follower", [{"follower": {"accountId": "3", "userLink": "javascript:alert(1)"}}], part=1
    ).replace("\n", "\r\n") + ";\r\n"  # fmt: skip
    findings = read_export(builders.write_zip(tmp_path / "x.zip", files), START)
    assert findings.connection_counts[K.FOLLOWER] == 3
    assert all(c.link.startswith("https://") for c in findings.connections)  # no javascript:
    assert observed(findings)["contact-sync"] == ("3 contacts uploaded", AnswerStatus.NEEDS_ACTION)


def test_instagram_json_gives_private_account_contact_syncing_and_switches(tmp_path) -> None:
    path = builders.write_zip(tmp_path / "ig.zip", builders.instagram_export())
    findings = read_export(path, START)
    assert findings.platform_id == "instagram"
    assert findings.export_date == datetime(2026, 2, 20, tzinfo=UTC)
    assert observed(findings) == {
        "private-account": ("on", AnswerStatus.SAFE),
        "contact-sync": ("on", AnswerStatus.NEEDS_ACTION),
    }
    assert findings.switches[0].value == "switched to private"
    assert findings.connection_counts == {K.FOLLOWER: 3, K.FOLLOWING: 2, K.REQUEST_RECEIVED: 1}
    assert len(findings.people()) == 5  # bookworm.bev follows and is followed: one person


def test_instagram_public_account_and_switch_history_to_public(tmp_path) -> None:
    files = builders.instagram_export(
        private="False",
        switches=((1_748_736_000, "Switched to Private"), (1_768_003_200, "Switched to Public")),
    )
    findings = read_export(builders.write_zip(tmp_path / "ig.zip", files), START)
    assert observed(findings)["private-account"] == ("off", AnswerStatus.NEEDS_ACTION)
    assert set(observed(findings)) == {"private-account", "contact-sync"}  # one switch, one item
    assert [s.made_public for s in findings.switches] == [False, True]


def test_instagram_in_an_unknown_language_is_said_and_history_still_used(tmp_path) -> None:
    files = builders.instagram_export(private=None, contact_syncing=None)
    findings = read_export(builders.write_zip(tmp_path / "ig.zip", files), START)
    value, status = observed(findings)["private-account"]
    assert (value, status) == ("on (last switched 01 Jun 2025)", AnswerStatus.SAFE)
    assert findings.notes[0].startswith(
        "Footprint did not find the private-account setting in this export's personal "
        "information (it may be labelled in a language Footprint does not know)"
    )


@pytest.mark.parametrize(
    ("files", "platform", "hint"),
    [
        (builders.instagram_export(fmt="html"), "Instagram", "change Format from HTML to JSON"),
        (builders.facebook_export(fmt="html"), "Facebook", "change Format from HTML to JSON"),
        ({"html/friends.html": "<html></html>"}, "Snapchat", "turn on Export JSON Files"),
        ({"TikTok_Data_1/Activity/Follower List.txt": "Date: x"}, "TikTok", "from TXT to JSON"),
    ],
)
def test_an_html_export_is_named_with_how_to_ask_for_json(tmp_path, files, platform, hint) -> None:
    with pytest.raises(HtmlFormatError) as error:
        read_export(builders.write_zip(tmp_path / "e.zip", files), START)
    assert f"This {platform} export is in" in str(error.value) and hint in str(error.value)


def test_facebook_names_are_repaired_from_metas_escaping(tmp_path) -> None:
    path = builders.write_zip(tmp_path / "fb.zip", builders.facebook_export())
    findings = read_export(path, START)
    assert findings.platform_id == "facebook"
    assert [c.name for c in findings.connections][:2] == ["Anna Crowther", "Zoë Blackwood"]
    assert findings.connection_counts == {K.FRIEND: 4, K.REQUEST_RECEIVED: 1}


def test_facebook_2020_layout_is_read_too(tmp_path) -> None:
    files = {
        "friends_and_followers/friends.json": builders.meta_json(
            {"friends_v2": [{"name": "Anna Crowther", "timestamp": 1}]}
        ),
        "friends_and_followers/friend_requests_received.json": builders.meta_json(
            {"received_requests_v2": [{"name": "Zoë Blackwood", "timestamp": 1}]}
        ),
    }
    findings = read_export(builders.write_zip(tmp_path / "fb.zip", files), START)
    assert findings.connection_counts == {K.FRIEND: 1, K.REQUEST_RECEIVED: 1}


def test_linkedin_csv_after_its_note_lines(tmp_path) -> None:
    path = builders.write_zip(
        tmp_path / "Basic_LinkedInDataExport_02-19-2026.zip", builders.linkedin_export()
    )
    findings = read_export(path, START)
    assert findings.platform_id == "linkedin"
    assert findings.export_date == datetime(2026, 2, 19, tzinfo=UTC)  # LinkedIn's MM-DD-YYYY
    assert [c.name for c in findings.connections] == [
        "Morag Fairbairn", "Kwame Osei-Bonsu", "Siobhan Quigley", "Declan Mulgrew",
    ]  # fmt: skip
    assert findings.connections[-1].kind is K.REQUEST_RECEIVED
    assert findings.connections[0].key == "url:linkedin.com/in/morag-fairbairn-1a2b"


def test_linkedin_without_note_lines_and_a_renamed_zip_uses_the_files_dates(tmp_path) -> None:
    path = builders.write_zip(tmp_path / "mine.zip", builders.linkedin_export(notes=False))
    findings = read_export(path, START)
    assert findings.connection_counts[K.CONNECTION] == 3
    assert findings.export_date_source == "the dates of the files in it"


def test_tiktok_and_snapchat_lists(tmp_path) -> None:
    tiktok = read_export(builders.write_zip(tmp_path / "t.zip", builders.tiktok_export()), START)
    assert tiktok.platform_id == "tiktok" and tiktok.connection_counts == {K.FOLLOWER: 2}
    assert tiktok.export_date == datetime(2026, 2, 20, 8, tzinfo=UTC)
    snap = read_export(builders.write_zip(tmp_path / "s.zip", builders.snapchat_export()), START)
    assert snap.platform_id == "snapchat"
    assert snap.connection_counts == {K.FRIEND: 2, K.REQUEST_RECEIVED: 1}
    assert snap.connections[0].name == "Gav (@ghostly_gav)"


def test_an_unpacked_folder_reads_like_its_zip_and_macos_leftovers_are_ignored(tmp_path) -> None:
    files = builders.x_archive(prefix="twitter-2026-02-20-abc/")
    files["__MACOSX/twitter-2026-02-20-abc/data/._follower.js"] = b"\x00\x05\x16\x07"
    folder = builders.write_folder(tmp_path / "unpacked", files)
    zipped = builders.write_zip(tmp_path / "x.zip", files)
    from_folder, from_zip = read_export(folder, START), read_export(zipped, START)
    assert from_folder.connection_counts == from_zip.connection_counts
    assert from_folder.observations == from_zip.observations


def test_an_export_that_is_readable_but_empty_is_nothing_usable(tmp_path) -> None:
    files = {"TikTok_Data_1771574400/user_data_tiktok.json": '{"Profile And Settings": {}}'}
    from app.services.downloads import read_export_and_checks

    with pytest.raises(NothingUsableError, match="no followers or following lists"):
        read_export_and_checks(builders.write_zip(tmp_path / "t.zip", files), START, [])


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("instagram-jo-2026-02-20-AbC.zip", datetime(2026, 2, 20, tzinfo=UTC)),
        ("Basic_LinkedInDataExport_02-19-2026.zip", datetime(2026, 2, 19, tzinfo=UTC)),
        ("TikTok_Data_1771574400", datetime(2026, 2, 20, 8, tzinfo=UTC)),
        ("mydata~1771574400000", datetime(2026, 2, 20, 8, tzinfo=UTC)),
        ("my export.zip", None),
        ("bad-2026-13-45.zip", None),
    ],
)
def test_dates_in_export_names(name, expected) -> None:
    assert date_in_name(name) == expected


def test_connections_never_show_names_in_repr(tmp_path) -> None:
    path = builders.write_zip(tmp_path / "fb.zip", builders.facebook_export())
    findings = read_export(path, START)
    for name in builders.FACEBOOK_FRIENDS:
        assert name not in repr(findings) and name not in repr(findings.connections)
        assert name not in repr(findings.people())
