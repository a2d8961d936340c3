"""Marked people cannot be recovered from what is stored (issue 13, point 11).

The attack: someone with the data home and a list of local names hashes every guess with
whatever the database holds (salts, iteration counts) and compares. Before revision 0004 it
found every marked person in seconds; now the database holds only HMACs keyed by a secret in
the keyring, or nothing per person at all.
"""

from __future__ import annotations

import hashlib
import hmac
import sqlite3
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from app import credentials
from app.clock import FixedClock
from app.footprint import open_footprint
from app.services.data_deletion import forget_keyring_entries
from app.storage.database import prepare_database
from tests.conftest import START
from tests.downloads import builders
from tests.storage.test_database import build_at_revision

MARKED = ("Zoë Blackwood", "Tom Ellery")
GUESSES = [*builders.FACEBOOK_FRIENDS, "Unknown Caller", *(f"Person {n}" for n in range(500))]


def guess_keys() -> list[str]:
    """Every way Footprint ever keyed a Facebook person: 'name:' + the case-folded name."""
    return [f"name:{name.casefold()}" for name in GUESSES]


def stored(database: Path) -> tuple[list[tuple], set[str]]:
    with closing(sqlite3.connect(database)) as db:
        reviews = db.execute("SELECT * FROM connection_review").fetchall()
        digests = {row[0] for row in db.execute("SELECT digest FROM marked_connection_hash")}
    return reviews, digests


def every_file_bytes(root: Path) -> bytes:
    return b"".join(p.read_bytes() for p in root.rglob("*") if p.is_file())


def _is_hex(text: str, length: int) -> bool:
    return len(text) == length and all(c in "0123456789abcdef" for c in text)


def attack(database: Path, data: bytes) -> set[str]:
    """Hash each guess with every salt-like value stored, by every scheme that needs no
    secret (PBKDF2 as before 0004, SHA-256, HMAC keyed by the salt); return names found in
    the database's hashes or anywhere in the data home's bytes."""
    reviews, digests = stored(database)
    salts = {v for row in reviews for v in row if isinstance(v, str) and _is_hex(v, 32)}
    salts.add("00" * 16)  # the old fixture's salt, in case it survived anywhere
    found = set()
    for name, key in zip(GUESSES, guess_keys(), strict=True):
        for salt in salts:
            raw = bytes.fromhex(salt)
            candidates = {
                hashlib.pbkdf2_hmac("sha256", key.encode(), raw, 2000).hex(),
                hashlib.sha256(salt.encode() + b"\x00" + key.encode()).hexdigest(),
                hmac.new(salt.encode(), key.encode(), hashlib.sha256).hexdigest(),
            }
            if candidates & digests or any(c.encode() in data for c in candidates):
                found.add(name)
    return found


def review(footprint, tmp_path: Path, name: str = "fb.zip", day: str = "2026-02-20"):
    files = builders.facebook_export(prefix=f"facebook-jo-{day}-A/")
    outcome = footprint.import_export(builders.write_zip(tmp_path / name, files))
    people = outcome.findings.people()
    keys = {p.key for p in people if p.name in MARKED}
    return outcome, footprint.save_review(outcome.findings, keys)


def test_the_attack_finds_nobody_in_reviews_saved_now(data_home, tmp_path, memory_keyring):
    footprint = open_footprint(data_home, FixedClock(START))
    try:
        _outcome, saved = review(footprint, tmp_path)
    finally:
        footprint.close()
    assert not saved.by_hand
    assert len(stored(data_home.database)[1]) == 2  # two keyed hashes are kept
    assert attack(data_home.database, every_file_bytes(data_home.root)) == set()
    # The same hashes are recognisable with the keyring's secret, so the attack above would
    # have found them had they been computable without it.
    secret = bytes.fromhex(
        memory_keyring.secrets[(credentials.REVIEW_KEY_SERVICE, credentials.REVIEW_KEY_USER)]
    )
    (salt,) = {
        r[0]
        for r in sqlite3.connect(data_home.database).execute("SELECT salt FROM connection_review")
    }
    with_secret = {
        hmac.new(secret, salt.encode() + b"\x00" + key.encode(), hashlib.sha256).hexdigest()
        for key in guess_keys()
    }
    assert len(with_secret & stored(data_home.database)[1]) == 2


def _fill_0002_with_pbkdf2(path: Path) -> list[str]:
    """A review as revision 0002 stored it: salt beside 2,000-round PBKDF2 hashes."""
    salt = "00" * 16
    digests = [
        hashlib.pbkdf2_hmac("sha256", f"name:{n.casefold()}".encode(), bytes(16), 2000).hex()
        for n in MARKED
    ]
    stamp = "2026-01-05T10:00:00.000000+00:00"
    with closing(sqlite3.connect(path)) as db, db:
        db.execute(
            "INSERT INTO connection_review (id, platform_id, reviewed_at, export_date,"
            " reviewed_count, marked_count, lists, salt, hash_iterations)"
            " VALUES (1, 'facebook', ?, ?, 5, 2, 'friend', ?, 2000)",
            (stamp, stamp, salt),
        )
        db.executemany(
            "INSERT INTO marked_connection_hash (review_id, digest) VALUES (1, ?)",
            [(d,) for d in digests],
        )
    return digests


def test_an_upgrade_deletes_the_guessable_hashes_everywhere_and_keeps_the_counts(data_home):
    data_home.root.mkdir(parents=True)
    build_at_revision(data_home.database, "0002")
    old = _fill_0002_with_pbkdf2(data_home.database)
    before = attack(data_home.database, every_file_bytes(data_home.root))
    assert before == set(MARKED)  # the attack works on the old schema
    status = prepare_database(data_home.database, START)
    assert status.backup is not None and status.backup.exists()
    data = every_file_bytes(data_home.root)  # database, WAL, and the pre-upgrade backup
    assert not any(digest.encode() in data for digest in old)
    assert attack(data_home.database, data) == set()
    footprint = open_footprint(data_home, FixedClock(START))
    try:
        [record] = footprint.connection_reviews()
        assert (record.reviewed_count, record.marked_count) == (5, 2)
        assert record.by_hand and record.removal_status() == "confirm removal by hand"
        assert footprint.store.pending_reviews() == []  # no export can check it any more
        footprint.confirm_removed(record.id)
        [record] = footprint.connection_reviews()
        assert record.removal_status() == "all 2 confirmed removed (by you)"
    finally:
        footprint.close()


@pytest.fixture
def no_keyring():
    keyring.set_keyring(fail.Keyring())


def test_without_a_keyring_nothing_per_person_is_stored(data_home, tmp_path, no_keyring):
    footprint = open_footprint(data_home, FixedClock(START))
    try:
        _outcome, saved = review(footprint, tmp_path)
        assert saved.by_hand
        [record] = footprint.connection_reviews()
        assert record.marked_count == 2 and record.removal_status() == "confirm removal by hand"
        reviews, digests = stored(data_home.database)
        assert digests == set()
        with closing(sqlite3.connect(data_home.database)) as db:
            row = db.execute("SELECT salt, key_id, removal_check FROM connection_review")
            assert row.fetchall() == [(None, None, "by_hand")]
        footprint.clock.advance(timedelta(days=10))
        newer = builders.facebook_export(friends=(), prefix="facebook-jo-2026-03-05-A/")
        outcome = footprint.import_export(builders.write_zip(tmp_path / "n.zip", newer))
        assert outcome.removal_checks == ()  # nothing to compare: only the worker can say
    finally:
        footprint.close()


def test_a_lost_key_is_said_and_concludes_no_removal(data_home, tmp_path, memory_keyring):
    footprint = open_footprint(data_home, FixedClock(START))
    try:
        review(footprint, tmp_path)
        memory_keyring.secrets.clear()  # the keyring was reset (another computer, a new login)
        footprint.clock.advance(timedelta(days=10))
        outcome, _saved = review(footprint, tmp_path, "fb2.zip", day="2026-03-05")
        assert outcome.removal_checks == ()
        [note] = outcome.check_notes
        assert "cannot use the key it keeps in your system keyring" in note
        [first, _second] = footprint.connection_reviews()
        assert first.confirmed_removed_count is None  # not "everyone removed"
    finally:
        footprint.close()


def test_a_list_not_read_in_full_concludes_no_removal(data_home, tmp_path):
    footprint = open_footprint(data_home, FixedClock(START))
    try:
        review(footprint, tmp_path)
        footprint.clock.advance(timedelta(days=10))
        files = builders.facebook_export(prefix="facebook-jo-2026-03-05-A/")
        files["facebook-jo-2026-03-05-A/connections/friends/your_friends_2.json"] = "{ damaged"
        outcome = footprint.import_export(builders.write_zip(tmp_path / "n.zip", files))
        assert outcome.removal_checks == ()
        assert outcome.check_notes == (
            "Your review of 02 Mar 2026 was not checked: this export's friends could not be "
            "read in full, so no removal is concluded.",
        )
    finally:
        footprint.close()


def test_deleting_all_data_deletes_the_review_key(data_home, tmp_path, memory_keyring):
    footprint = open_footprint(data_home, FixedClock(START))
    review(footprint, tmp_path)
    assert (credentials.REVIEW_KEY_SERVICE, credentials.REVIEW_KEY_USER) in memory_keyring.secrets
    services = footprint.keyring_services()
    assert services == [credentials.REVIEW_KEY_SERVICE]  # recorded when it was made
    footprint.delete_all_files()
    footprint.close()
    assert forget_keyring_entries(services) == (1, None)
    assert memory_keyring.secrets == {}
