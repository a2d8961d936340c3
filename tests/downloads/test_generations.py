"""Every layout generation, as the platforms ship it: imported with the right exit status and
facts, from a ZIP, a folder, a re-zipped folder, and with Windows line ends and BOMs."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from app.audit.answers import AnswerStatus
from app.checklists.codes import load_code_book
from app.cli import main
from app.downloads.findings import ConnectionKind
from app.downloads.reader import read_export
from app.footprint import load_shipped_catalogue
from tests.conftest import START
from tests.downloads import generations as g
from tests.downloads.builders import Files, write_folder, write_zip

K = ConnectionKind
S, N = AnswerStatus.SAFE, AnswerStatus.NEEDS_ACTION


@dataclass(frozen=True)
class Shape:
    files: Callable[[], Files]
    platform: str
    counts: dict[ConnectionKind, int]
    answers: dict[str, tuple[str, AnswerStatus]] = field(default_factory=dict)
    exit: int = 0
    labels: str = ""
    switches: tuple[str, ...] = ()


SHAPES = {
    "facebook-2026": Shape(
        g.facebook_2026,
        "facebook",
        {K.FRIEND: 4, K.FOLLOWER: 3, K.FOLLOWING: 2, K.REQUEST_RECEIVED: 1, K.REQUEST_SENT: 1},
        # Syncing off on both phones is said in a note: it does not prove uploaded contacts
        # were deleted, which the contact-upload item also asks (issue 27).
    ),
    "facebook-2026-apostrophe-replaced": Shape(
        lambda: g.facebook_2026(following_name="who_you_ve_followed.json", sync=()),
        "facebook",
        {K.FRIEND: 4, K.FOLLOWER: 3, K.FOLLOWING: 2, K.REQUEST_RECEIVED: 1, K.REQUEST_SENT: 1},
    ),
    "facebook-2026-syncing-default": Shape(
        lambda: g.facebook_2026(sync=("Default", "Off")),  # "Default" does not say on or off
        "facebook",
        {K.FRIEND: 4, K.FOLLOWER: 3, K.FOLLOWING: 2, K.REQUEST_RECEIVED: 1, K.REQUEST_SENT: 1},
    ),
    "facebook-page-2026": Shape(g.facebook_page_2026, "facebook", {K.FOLLOWER: 3, K.FOLLOWING: 1}),
    "facebook-2021": Shape(
        g.facebook_2021, "facebook", {K.FRIEND: 2, K.FOLLOWING: 2, K.REQUEST_RECEIVED: 1}
    ),
    "facebook-html-2024": Shape(g.facebook_html_2024, "facebook", {}, exit=1),
    "instagram-2022-french": Shape(
        g.instagram_2022,
        "instagram",
        {K.FOLLOWER: 4, K.FOLLOWING: 2},
        {"private-account": ("on", S)},
        labels="French",
    ),
    "instagram-2023": Shape(
        g.instagram_2023,
        "instagram",
        {K.FOLLOWER: 4, K.FOLLOWING: 2},
        {
            "private-account": ("off", N),
            "contact-sync": ("off", S),
        },
        switches=("switched to public",),
    ),
    "instagram-2024": Shape(
        g.instagram_2024,
        "instagram",
        {K.FOLLOWER: 4, K.FOLLOWING: 2},
        {
            "private-account": ("on", S),
            "contact-sync": ("on", N),
        },
    ),
    "instagram-2025": Shape(
        g.instagram_2025,
        "instagram",
        {K.FOLLOWER: 4, K.FOLLOWING: 2},
        {
            "private-account": ("off", N),
            "contact-sync": ("off", S),
        },
        switches=("switched to private", "switched to public"),
    ),
    "instagram-2025-flag-missing": Shape(
        lambda: g.instagram_2025(private=None),  # only the switch history says it
        "instagram",
        {K.FOLLOWER: 4, K.FOLLOWING: 2},
        {
            "private-account": ("off (last switched 01 Jun 2025)", N),
            "contact-sync": ("off", S),
        },
        switches=("switched to private", "switched to public"),
    ),
    "instagram-2026-turkish": Shape(
        lambda: g.instagram_2026(private=None),
        "instagram",
        {K.FOLLOWER: 4, K.FOLLOWING: 2},
        # newest first in the file: the switch back to public wins, whatever the order
        {
            "private-account": ("off (last switched 30 Dec 2025)", N),
            "contact-sync": ("on", N),
        },
        labels="Turkish",
        switches=("switched to private", "switched to public"),
    ),
    "instagram-2026-turkish-flag": Shape(
        g.instagram_2026,
        "instagram",
        {K.FOLLOWER: 4, K.FOLLOWING: 2},
        {
            "private-account": ("on", S),
            "contact-sync": ("on", N),
        },
        labels="Turkish",
        switches=("switched to private", "switched to public"),
    ),
    "instagram-2026-english": Shape(
        lambda: g.instagram_2026(language="en2026", private="False", syncing="False"),
        "instagram",
        {K.FOLLOWER: 4, K.FOLLOWING: 2},
        {
            "private-account": ("off", N),
            "contact-sync": ("off", S),
        },
        switches=("switched to private", "switched to public"),
    ),
    "instagram-2026-italian": Shape(
        lambda: g.instagram_2026(language="it", switches=(), syncing="True"),
        "instagram",
        {K.FOLLOWER: 4, K.FOLLOWING: 2},
        {
            "private-account": ("on", S),
            "contact-sync": ("on", N),
        },
        labels="Italian",
    ),
    "instagram-2026-arabic": Shape(
        lambda: g.instagram_2026(language="ar", switches=(), syncing=None),
        "instagram",
        {K.FOLLOWER: 4, K.FOLLOWING: 2},
        {"private-account": ("on", S)},
        labels="Arabic",
    ),
    "instagram-2026-spanish": Shape(
        lambda: g.instagram_2026(language="es", switches=(), syncing=None),
        "instagram",
        {K.FOLLOWER: 4, K.FOLLOWING: 2},
        {"private-account": ("on", S)},
        labels="Spanish (labels from the app's translation; no Spanish export was seen)",
    ),
    "tiktok-2022": Shape(g.tiktok_2022, "tiktok", {K.FOLLOWER: 1}, {"private-account": ("on", S)}),
    "tiktok-2024": Shape(
        g.tiktok_2024,
        "tiktok",
        {K.FOLLOWER: 3},
        {
            "private-account": ("off", N),
            "suggest-to-others": (
                "on for Facebook friends, contacts, people who open or send links to you",
                N,
            ),
            "messages-from": ("Friends", S),
        },
    ),
    "tiktok-2025-null-lists": Shape(
        lambda: g.tiktok_2025(followers=None, following=None),
        "tiktok",
        {},
        {
            "private-account": ("off", N),
            "suggest-to-others": (
                "on for Facebook friends, contacts, people who open or send links to you",
                N,
            ),
            "messages-from": ("Everyone", N),
        },
    ),
    "tiktok-2026": Shape(
        g.tiktok_2026,
        "tiktok",
        {K.FOLLOWER: 3, K.FOLLOWING: 1},
        {
            "private-account": ("on", S),
            "suggest-to-others": ("all options off", S),
            "messages-from": ("Friends", S),
        },
    ),
    "x-2025": Shape(
        g.x_2025,
        "x",
        {K.FOLLOWER: 2},
        {"private-account": ("off", N), "contact-sync": ("1 contact uploaded", N)},
        switches=("on", "off"),
    ),
    "x-2024-empty-history": Shape(
        lambda: g.x_2025(history=(), contacts=0),
        "x",
        {K.FOLLOWER: 2},
        {"contact-sync": ("no contacts uploaded", S)},  # an empty contact.js (issue 27)
    ),
    "linkedin-2018": Shape(
        lambda: g.linkedin(2018), "linkedin", {K.CONNECTION: 2, K.REQUEST_RECEIVED: 1}
    ),
    "linkedin-2022": Shape(
        lambda: g.linkedin(2022), "linkedin", {K.CONNECTION: 2, K.REQUEST_RECEIVED: 1}
    ),
    "linkedin-2026": Shape(
        lambda: g.linkedin(2026), "linkedin", {K.CONNECTION: 2, K.REQUEST_RECEIVED: 1}
    ),
}


CATALOGUE = load_shipped_catalogue(load_code_book())[0]


def facts(findings) -> tuple:
    answers = {
        o.item_id: (o.value, o.status) for o in findings.observations if ":" not in o.item_id
    }
    return (
        findings.platform_id,
        findings.connection_counts,
        answers,
        findings.labels,
        tuple(s.value for s in findings.switches),
    )


def expected(shape: Shape) -> tuple:
    return (shape.platform, shape.counts, shape.answers, shape.labels, shape.switches)


def stored_counts(data_home) -> list[tuple[str, int]]:
    with closing(sqlite3.connect(data_home.database)) as db:
        return db.execute("SELECT platform_id, items_answered FROM export_import").fetchall()


@pytest.mark.parametrize("name", list(SHAPES))
def test_every_shape_imports_from_the_command_with_its_exit_status(
    name, tmp_path, capsys, data_home
):
    shape = SHAPES[name]
    path = write_zip(tmp_path / f"{name}.zip", shape.files())
    status = main(["import-export", str(path)])
    out, err = capsys.readouterr()
    assert status == shape.exit, err
    assert "Traceback" not in out + err
    if shape.exit == 0:
        items = set(CATALOGUE.platform(shape.platform).item_ids)
        assert stored_counts(data_home) == [(shape.platform, len(items & set(shape.answers)))]
        assert out.startswith("Read:\n")
        assert facts(read_export(path, START)) == expected(shape)
    else:
        assert err.startswith("footprint: ") and stored_counts(data_home) == []


@pytest.mark.parametrize(
    "variant", ["folder", "crlf", "bom", "crlf+bom", "re-zipped", "re-zipped-on-macos"]
)
@pytest.mark.parametrize(
    "name",
    ["facebook-2026", "instagram-2026-turkish-flag", "tiktok-2025-null-lists", "x-2025",
     "linkedin-2022"],
)  # fmt: skip
def test_variants_read_like_the_original(name, variant, tmp_path) -> None:
    shape = SHAPES[name]
    files = shape.files()
    if "crlf" in variant:
        files = g.crlf(files)
    if "bom" in variant:
        files = g.bom(files)
    path: Path
    if variant == "folder":
        path = write_folder(tmp_path / "unpacked", files)
    elif variant.startswith("re-zipped"):
        path = g.rezip_from_folder(files, tmp_path, macos=variant.endswith("macos")).archive
    else:
        path = write_zip(tmp_path / "export.zip", files)
    findings = read_export(path, START)
    assert facts(findings) == expected(shape)
    assert findings.not_understood == ()
    assert not any("__MACOSX" in name or "/._" in name for name in findings.files_read)


def test_a_folder_import_from_the_command(tmp_path, capsys) -> None:
    folder = write_folder(tmp_path / "instagram-jo-2026-02-19", g.instagram_2026())
    assert main(["import-export", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "Instagram export of 19 Feb 2026" in out
    assert "Settings labels read in Turkish." in out


def test_a_macos_rezip_of_an_old_instagram_export_ignores_the_appledouble_files(tmp_path):
    """hestia's instagramV2.zip: __MACOSX/…/followers_and_following/._followers.json matches a
    naive followers pattern and is binary; reading it would make the export unreadable."""
    rezipped = g.rezip_from_folder(g.instagram_2022(), tmp_path, macos=True)
    with closing(__import__("zipfile").ZipFile(rezipped.archive)) as archive:
        assert any(n.endswith("/._followers.json") for n in archive.namelist())
    findings = read_export(rezipped.archive, START)
    assert findings.connection_counts == {K.FOLLOWER: 4, K.FOLLOWING: 2}
    assert findings.not_understood == ()


def test_the_threads_profile_is_never_read_as_instagrams(tmp_path) -> None:
    files = g.instagram_2026(language="en2026", private=None, switches=(), threads_private="True")
    findings = read_export(write_zip(tmp_path / "ig.zip", files), START)
    assert "private-account" not in {o.item_id for o in findings.observations}
    assert not any("threads/" in name for name in findings.files_read)


def test_an_export_of_only_threads_is_not_taken_for_instagram(tmp_path) -> None:
    files = {
        "your_instagram_activity/threads/personal_information.json": '{"profile_user": []}',
        "your_instagram_activity/threads/threads_and_replies.json": "[]",
    }
    from app.downloads.download_errors import NothingUsableError

    with pytest.raises(NothingUsableError, match="found no data export it knows"):
        read_export(write_zip(tmp_path / "t.zip", files), START)


def test_translated_switch_titles_never_flip_direction(tmp_path) -> None:
    """The old reader took any title without 'public' as 'switched to private': in Turkish
    'Herkese Açık Hesaba Geçiş Yapıldı' (switched to public) read as private."""
    files = g.instagram_2026(private=None, switches=((1_767_100_000, "public"),))
    findings = read_export(write_zip(tmp_path / "ig.zip", files), START)
    [switch] = findings.switches
    assert switch.made_public and switch.value == "switched to public"


def test_a_switch_title_in_an_unknown_language_gives_no_direction(tmp_path) -> None:
    files = g.instagram_2026(private=None, switches=((1_767_100_000, "public"),))
    for name, content in list(files.items()):
        if name.endswith("profile_privacy_changes.json"):
            files[name] = str(content).replace("Herkese A", "Xyzzy A")  # not a known title
    findings = read_export(write_zip(tmp_path / "ig.zip", files), START)
    assert findings.switches == ()
    assert "private-account" not in {o.item_id for o in findings.observations}


def test_an_unknown_label_language_says_so_instead_of_guessing(tmp_path) -> None:
    files = g.instagram_2026(language="en2026", private=None, switches=(), syncing=None)
    for name, content in list(files.items()):
        if name.endswith("personal_information/personal_information.json"):
            files[name] = str(content).replace('"Name"', '"Xyzzy Gizlilik"')
    findings = read_export(write_zip(tmp_path / "ig.zip", files), START)
    assert "private-account" not in {o.item_id for o in findings.observations}
    assert any(
        n.startswith(
            "Footprint could not read the private-account setting in this export's language"
        )
        for n in findings.notes
    )


def test_the_tiktok_live_settings_map_is_never_the_accounts(tmp_path) -> None:
    """The LIVE map says Private Account: Enabled and messages from No one; the account's
    map (after it in the file) says Disabled and Everyone."""
    findings = read_export(write_zip(tmp_path / "t.zip", g.tiktok_2025()), START)
    answers = {o.item_id: o.value for o in findings.observations}
    assert answers["private-account"] == "off" and answers["messages-from"] == "Everyone"


def test_tiktok_settings_the_checklist_has_no_item_for_are_shown_to_check(tmp_path, capsys):
    path = write_zip(tmp_path / "t.zip", g.tiktok_2025())
    assert main(["import-export", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Also in the export: Who can view videos I liked: Myself" in out
    assert "Also in the export: Allow downloads: Everyone" in out
    assert "App Language" not in out  # not a privacy setting


def test_tiktok_values_that_do_not_say_on_or_off_answer_nothing(tmp_path) -> None:
    settings = {
        **g.TT_SETTINGS_2025,
        "Private Account": "Default",
        "Suggest your account to contacts": "N/A",
        "Who Can Send Me Message": "",
    }
    findings = read_export(write_zip(tmp_path / "t.zip", g.tiktok_2025(settings=settings)), START)
    ids = {o.item_id for o in findings.observations}
    assert not ids & {"private-account", "suggest-to-others", "messages-from"}


def test_an_unknown_optional_facebook_list_is_a_note_and_friends_still_count(tmp_path, capsys):
    """Issue 15: followers_v3 once aborted the whole import; now an unknown key (here a
    hypothetical followers_v4) is a note and the rest is imported."""
    files = g.facebook_2026()
    for name in list(files):
        if name.endswith("people_who_followed_you.json"):
            files[name] = '{"followers_v4": [{"name": "Someone New"}]}'
    path = write_zip(tmp_path / "fb.zip", files)
    assert main(["import-export", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Not understood:\n  facebook-joworker-2026-02-20-XyZ123/connections/followers/" in out
    assert "people_who_followed_you.json: it has no 'followers_v3' or 'followers_v2' list" in out
    assert "4 friends" in out
    # Issue 27: 0 followers read from a file not understood is "at least" 0, and says so.
    assert "0 followers (at least: the followers could not be read in full)" in out
    findings = read_export(path, START)
    assert K.FOLLOWER not in findings.connection_counts and K.FRIEND in findings.connection_counts


def test_an_unknown_file_beside_the_lists_is_named(tmp_path) -> None:
    files = g.facebook_2026()
    files["facebook-joworker-2026-02-20-XyZ123/connections/followers/followers_v9.json"] = "{}"
    findings = read_export(write_zip(tmp_path / "fb.zip", files), START)
    [note] = [n for n in findings.notes if n.startswith("Not read:")]
    assert "connections/followers/followers_v9.json" in note


def test_repeated_people_are_counted_once(tmp_path) -> None:
    files = g.facebook_2026(friends=FRIENDS_TWICE, followers=(), following=())
    findings = read_export(write_zip(tmp_path / "fb.zip", files), START)
    assert findings.connection_counts[K.FRIEND] == 2


FRIENDS_TWICE = ("Anna Crowther", "Zoë Blackwood") * 50


def test_parts_of_exports_get_their_exit_status(tmp_path, capsys) -> None:
    """A split ZIP's part: 2, with how to join it. One ZIP of an Instagram export sent as
    several, holding only media: 1, with which part to choose."""
    [first, _second] = g.split_parts(g.x_2025(), tmp_path)
    assert main(["import-export", str(first)]) == 2
    assert "one part of a split archive" in capsys.readouterr().err
    media_only = {
        "instagram-jo-2026-02-19-part2/your_instagram_activity/media/posts_1.json": "[]",
        "instagram-jo-2026-02-19-part2/media/posts/202602/photo.jpg": b"\xff\xd8\xff",
    }
    assert main(["import-export", str(write_zip(tmp_path / "part2.zip", media_only))]) == 1
    err = capsys.readouterr().err
    assert "If it came as several ZIP files, choose the one that holds them" in err


def test_a_linkedin_csv_re_saved_by_excel_as_windows_1252_keeps_its_accents(tmp_path) -> None:
    files = g.linkedin(2018)
    name = next(n for n in files if n.endswith("Connections.csv"))
    files[name] = str(files[name]).replace("Morag", "Zoë").encode("cp1252")
    findings = read_export(write_zip(tmp_path / "li.zip", g.crlf(files)), START)
    assert "Zoë Fairbairn" in {c.name for c in findings.connections}
