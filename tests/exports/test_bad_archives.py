"""Damaged, hostile, huge and mistaken archives: a clear sentence, nothing read or written."""

from __future__ import annotations

import os
import tempfile
import zipfile

import pytest

from app.exports import archive as archive_module
from app.exports.archive import Monitor
from app.exports.errors import (
    ArchiveTooLargeError,
    CorruptArchiveError,
    ImportCancelled,
    NothingUsableError,
    UnknownFormatError,
    UnsafeArchiveError,
    WrongPlatformError,
)
from app.exports.reader import read_export
from tests.conftest import START
from tests.exports import builders


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


def test_a_member_that_is_not_json(tmp_path) -> None:
    files = builders.x_archive()
    files["data/follower.js"] = 'window.YTD.follower.part0 = [ { "follower" : { "accountId'
    with pytest.raises(CorruptArchiveError, match="data/follower.js in the export is damaged"):
        read_export(builders.write_zip(tmp_path / "x.zip", files), START)


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
            "Connections.csv has no 'First Name' column",
        ),
        (
            {"data/follower.js": 'twttr.follower = [{"follower": {}}]'},
            "does not start the way X archive files do",
        ),
        (
            {"connections/followers_and_following/following.json": '{"something_new": {}}'},
            "following.json in the export has a layout Footprint does not know",
        ),
    ],
)
def test_an_unknown_format_version(tmp_path, files, message) -> None:
    with pytest.raises(UnknownFormatError, match=message):
        read_export(builders.write_zip(tmp_path / "e.zip", files), START)


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
    monkeypatch.setattr(archive_module, "MAX_TOTAL_BYTES", 2048)
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
