"""Damaged, hostile, huge and mistaken archives: a clear sentence, nothing read or written."""

from __future__ import annotations

import os
import tempfile
import zipfile

import pytest

from app.downloads import archive as archive_module
from app.downloads.archive import Monitor
from app.downloads.download_errors import (
    ArchiveTooLargeError,
    CorruptArchiveError,
    ImportCancelled,
    NothingUsableError,
    UnknownFormatError,
    UnsafeArchiveError,
    WrongPlatformError,
)
from app.downloads.findings import ConnectionKind
from app.downloads.reader import read_export
from app.services.downloads import ReadInputs, read_export_and_checks
from tests.conftest import START
from tests.downloads import builders, generations


@pytest.fixture(autouse=True)
def private_temp_dir(tmp_path, monkeypatch):
    """Anything a reader wrote to the temporary folder would show up here."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder
    assert list(folder.iterdir()) == []


def x_zip(tmp_path, **kwargs):
    return builders.write_zip(tmp_path / "x.zip", builders.x_archive(**kwargs))


# -- corrupt --------------------------------------------------------------------------------
def test_a_file_that_is_not_a_zip(tmp_path) -> None:
    path = tmp_path / "export.zip"
    path.write_bytes(os.urandom(4096))
    with pytest.raises(CorruptArchiveError, match="not a ZIP file Footprint can open"):
        read_export(path, START)


def test_a_download_that_did_not_finish(tmp_path) -> None:
    path = x_zip(tmp_path)
    path.write_bytes(path.read_bytes()[:-200])  # the central directory is at the end
    with pytest.raises(CorruptArchiveError, match="perhaps the download did not finish"):
        read_export(path, START)


def test_a_damaged_member_is_caught_by_its_checksum(tmp_path) -> None:
    files = builders.x_archive()
    path = tmp_path / "x.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as zf:
        for name, content in files.items():
            zf.writestr(name, content)
    data = bytearray(path.read_bytes())
    where = data.index(b'"protectedAt"')
    data[where + 1 : where + 4] = b"XXX"  # same length, so only the CRC can tell
    path.write_bytes(bytes(data))
    with pytest.raises(CorruptArchiveError, match="data/protected-history.js cannot be read"):
        read_export(path, START)


def test_a_member_that_is_not_json_is_a_note_and_the_rest_is_read(tmp_path) -> None:
    files = builders.x_archive()
    files["data/follower.js"] = 'window.YTD.follower.part0 = [ { "follower" : { "accountId'
    findings = read_export(builders.write_zip(tmp_path / "x.zip", files), START)
    [note] = findings.not_understood
    assert note.describe().startswith("data/follower.js: not valid JSON")
    assert findings.incomplete == {ConnectionKind.FOLLOWER}  # no removal concluded from it
    assert observed_ids(findings) == {"private-account"}  # the history was still read
    assert findings.connection_counts == {ConnectionKind.FOLLOWING: 1}


def test_an_export_whose_only_list_is_not_json_is_a_bad_archive(tmp_path) -> None:
    files = {"connections/friends/your_friends.json": '{"friends_v2": [{"name": "Anna'}
    path = builders.write_zip(tmp_path / "fb.zip", files)
    with pytest.raises(UnknownFormatError, match="your_friends.json: not valid JSON"):
        read_export_and_checks(path, START, ReadInputs())


def observed_ids(findings) -> set[str]:
    return {o.item_id for o in findings.observations}


# -- hostile nesting (issue 13, point 7) ----------------------------------------------------
def nested_zip(tmp_path, name: str, prefix: str = "") -> object:
    path = tmp_path / "nested.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(name, prefix + "[" * 1000 + "]" * 1000)
    return path


@pytest.mark.parametrize(
    ("name", "prefix"),
    [
        ("data/follower.js", "window.YTD.follower.part0 = "),
        ("connections/friends/your_friends.json", '{"friends_v2": '),
        ("connections/followers_and_following/followers_1.json", ""),
        ("user_data_tiktok.json", '{"Your Activity": {"Follower": {"FansList": '),
    ],
)
def test_a_thousand_nested_arrays_stop_before_parsing_with_a_sentence(tmp_path, name, prefix):
    path = nested_zip(tmp_path, name, prefix + "[" * 0)
    if prefix.startswith("{"):
        path.unlink()
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(name, prefix + "[" * 1000 + "]" * 1000 + "}" * prefix.count("{"))
    assert path.stat().st_size < 2048  # the attack's size: under 2 KB
    with pytest.raises(CorruptArchiveError, match="more than 40 levels deep"):
        read_export(path, START)


def test_nesting_in_a_part_that_is_skipped_is_caught_too(tmp_path) -> None:
    document = '{"Video": ' + "[" * 1000 + "]" * 1000 + ', "Your Activity": {}}'
    files = {"TikTok_Data_1/user_data_tiktok.json": document}
    with pytest.raises(CorruptArchiveError, match="tampered"):
        read_export(builders.write_zip(tmp_path / "t.zip", files), START)


def test_the_command_exits_2_without_a_traceback(tmp_path, capsys) -> None:
    from app.cli import main

    path = nested_zip(tmp_path, "data/follower.js", "window.YTD.follower.part0 = ")
    assert main(["import-export", str(path)]) == 2
    err = capsys.readouterr().err
    assert "nests lists or objects more than 40 levels deep" in err
    assert "Traceback" not in err and "RecursionError" not in err


# -- split archives -------------------------------------------------------------------------
def test_a_part_of_a_split_zip_is_named_as_such(tmp_path) -> None:
    parts = generations.split_parts(builders.x_archive(), tmp_path)
    for part in parts:
        with pytest.raises(CorruptArchiveError, match="one part of a split archive"):
            read_export(part, START)


def test_a_zip_spanning_several_disks_is_named_as_such(tmp_path) -> None:
    path = builders.write_zip(tmp_path / "export.zip", builders.x_archive())
    data = bytearray(path.read_bytes())
    end = data.rindex(b"PK\x05\x06")
    data[end + 4 : end + 6] = (1).to_bytes(2, "little")  # "this is disk 1", as a span writes
    path.write_bytes(bytes(data))
    with pytest.raises(CorruptArchiveError, match="split archive"):
        read_export(path, START)


# -- unsafe names ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name",
    ["../evil.js", "data/../../evil.js", "/tmp/evil.js", "C:/Windows/evil.js", "..\\..\\evil.js"],
)
def test_a_name_climbing_out_of_the_archive_rejects_it_all(tmp_path, name) -> None:
    files = builders.x_archive()
    files[name] = "window.YTD.follower.part0 = []"
    path = tmp_path / "inside" / "x.zip"
    path.parent.mkdir()
    with zipfile.ZipFile(path, "w") as zf:
        for member, content in files.items():
            info = zipfile.ZipInfo("placeholder")
            info.filename = member  # ZipInfo() would clean the name; a hostile tool does not
            zf.writestr(info, content)
    before = sorted(p.name for p in tmp_path.rglob("*"))
    with pytest.raises(UnsafeArchiveError, match="points outside the archive"):
        read_export(path, START)
    assert sorted(p.name for p in tmp_path.rglob("*")) == before
    assert not (tmp_path / "evil.js").exists()


def test_a_link_in_an_unpacked_folder_is_not_followed(tmp_path) -> None:
    outside = builders.write_folder(tmp_path / "outside", {"secret/follower.js": "x"})
    folder = builders.write_folder(tmp_path / "export", builders.x_archive())
    os.symlink(outside / "secret" / "follower.js", folder / "data" / "follower-part1.js")
    findings = read_export(folder, START)
    assert "data/follower-part1.js" not in findings.files_read
    assert findings.connection_counts  # the rest still read


# -- wrong platform, unknown format ---------------------------------------------------------
def test_the_wrong_platform_for_the_one_chosen(tmp_path) -> None:
    path = builders.write_zip(tmp_path / "fb.zip", builders.facebook_export())
    with pytest.raises(WrongPlatformError, match="This export is from Facebook, not Instagram"):
        read_export(path, START, expected="instagram")


def test_another_service_is_named(tmp_path) -> None:
    files = {"Takeout/archive_browser.html": "<html/>", "Takeout/YouTube/history.json": "[]"}
    with pytest.raises(WrongPlatformError, match="Google Takeout"):
        read_export(builders.write_zip(tmp_path / "takeout.zip", files), START)


def test_a_zip_of_photos_is_not_an_export(tmp_path) -> None:
    files = {"IMG_0001.jpg": b"\xff\xd8\xff", "notes.txt": "hello"}
    with pytest.raises(NothingUsableError, match="found no data export"):
        read_export(builders.write_zip(tmp_path / "photos.zip", files), START)


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (
            {"data/js/tweet_index.js": "var tweet_index = []", "tweets.csv": "tweet_id\n"},
            r"X \(Twitter\) export is in an old format",
        ),
        (
            {"connections.json": "{}", "settings.json": "{}", "profile.json": "{}"},
            "Instagram export is in an old format",
        ),
        (
            {"Connections.csv": "Vorname,Nachname,URL\nA,B,C\n"},
            "Connections.csv: it has no 'First Name' column",
        ),
        (
            {"data/follower.js": 'twttr.follower = [{"follower": {}}]'},
            "does not start the way X archive files do",
        ),
        (
            {"connections/followers_and_following/following.json": '{"something_new": {}}'},
            "following.json: it has no 'relationships_following' list",
        ),
    ],
)
def test_an_unknown_format_version(tmp_path, files, message) -> None:
    with pytest.raises(UnknownFormatError, match=message):
        read_export_and_checks(builders.write_zip(tmp_path / "e.zip", files), START, ReadInputs())


# -- huge archives --------------------------------------------------------------------------
def test_a_huge_archive_is_streamed_reading_only_the_lists_with_progress(tmp_path) -> None:
    files = builders.x_archive()
    files["data/tweets_media/video.mp4"] = bytes(80 * 2**20)  # 80 MB, never read
    path = builders.write_zip(tmp_path / "x.zip", files)
    seen: list[tuple[int, int]] = []
    findings = read_export(path, START, monitor=Monitor(progress=lambda d, t: seen.append((d, t))))
    assert "data/tweets_media/video.mp4" not in findings.files_read
    total = seen[-1][1]
    assert 0 < total < 2**20 and seen[-1][0] == total and seen[0] == (0, total)


def test_a_member_bigger_than_the_cap_stops_reading(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(archive_module, "MAX_MEMBER_BYTES", 1024)
    monkeypatch.setattr(archive_module, "CHUNK_BYTES", 256)
    files = builders.x_archive(followers=[str(10**9 + n) for n in range(100)])
    with pytest.raises(ArchiveTooLargeError, match="data/follower.js is 0 MB or more"):
        read_export(builders.write_zip(tmp_path / "x.zip", files), START)


def test_members_adding_up_past_the_total_cap(tmp_path, monkeypatch) -> None:
    from app.downloads import reader

    monkeypatch.setattr(reader, "MAX_TOTAL_BYTES", 2048)
    files = builders.x_archive(followers=[str(10**9 + n) for n in range(100)])
    with pytest.raises(ArchiveTooLargeError, match="Request a smaller export"):
        read_export(builders.write_zip(tmp_path / "x.zip", files), START)


def test_a_whole_drive_chosen_as_the_folder(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(archive_module, "MAX_FOLDER_FILES", 5)
    folder = builders.write_folder(tmp_path / "home", builders.x_archive())
    with pytest.raises(ArchiveTooLargeError, match="is not an unpacked export"):
        read_export(folder, START)


def test_cancel_stops_the_read(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(archive_module, "CHUNK_BYTES", 64)
    calls: list[int] = []
    monitor = Monitor(progress=lambda d, t: calls.append(d), is_cancelled=lambda: len(calls) > 3)
    with pytest.raises(ImportCancelled, match="nothing was saved"):
        read_export(x_zip(tmp_path), START, monitor=monitor)


def members_zip(path, count: int) -> object:
    """A ZIP of `count` empty members (stored, so it stays small and quick to write)."""
    with zipfile.ZipFile(path, "w") as archive:
        for n in range(count):
            archive.writestr(f"m/{n}.txt", b"")
    return path


@pytest.mark.parametrize("zip64", [False, True])
def test_a_zip_with_more_members_than_an_export_folder_may_hold_is_refused_first(
    tmp_path, monkeypatch, zip64
) -> None:
    monkeypatch.setattr(archive_module, "MAX_ZIP_MEMBERS", 50)
    if zip64:  # the Zip64 end record: how zips past 65,535 members give their count
        monkeypatch.setattr(zipfile, "ZIP_FILECOUNT_LIMIT", 10)
    many = members_zip(tmp_path / "many.zip", 51)
    read: list[object] = []
    monkeypatch.setattr(zipfile, "ZipFile", lambda *a, **k: read.append(a))  # never reached
    with pytest.raises(ArchiveTooLargeError, match="holds more than 50 files") as raised:
        read_export(many, START)
    assert "not a platform's data export" in str(raised.value) and read == []


def test_a_zip_whose_end_record_understates_its_members_is_still_refused(
    tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr(archive_module, "MAX_ZIP_MEMBERS", 50)
    data = bytearray(members_zip(tmp_path / "lying.zip", 51).read_bytes())
    end = data.rfind(b"PK\x05\x06")
    data[end + 8 : end + 12] = (3).to_bytes(2, "little") * 2  # "3 members"
    (tmp_path / "lying.zip").write_bytes(bytes(data))
    with pytest.raises(ArchiveTooLargeError, match="holds more than 50 files"):
        read_export(tmp_path / "lying.zip", START)


def test_a_zip_at_the_member_cap_is_read(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(archive_module, "MAX_ZIP_MEMBERS", 50)
    files = builders.x_archive()
    for n in range(50 - len(files)):
        files[f"data/extra-{n}.txt"] = "x"
    assert read_export(builders.write_zip(tmp_path / "x.zip", files), START).platform_id == "x"
