"""After imports and reviews, no name, handle or profile link is anywhere in the database."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import pytest

from app.clock import FixedClock
from app.footprint import open_footprint
from app.paths import DataHome
from tests.conftest import START
from tests.downloads import builders, generations
from tests.downloads.builders import write_zip
from tests.downloads.test_generations import SHAPES


def every_text_value(database: Path) -> list[str]:
    """Every value of every column of every table, read the way the sqlite3 shell would."""
    values: list[str] = []
    with closing(sqlite3.connect(database)) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            for row in db.execute(f'SELECT * FROM "{table}"'):
                values += [str(v) for v in row if v is not None]
    return values


def identifiers(findings_list) -> set[str]:
    found: set[str] = set()
    for findings in findings_list:
        for c in findings.connections:
            found |= {c.name, c.key.split(":", 1)[1], c.link or c.name}
            found |= {part for part in c.name.split() if len(part) > 3 and part[0].isupper()}
    return found


def assert_absent(words: Iterable[str], home: DataHome) -> None:
    values = "\n".join(every_text_value(home.database)).casefold()
    raw = b"".join(p.read_bytes() for p in home.root.glob(home.database.name + "*"))
    log = home.log_file.read_text() if home.log_file.exists() else ""
    for word in words:
        assert word.casefold() not in values, word
        assert word.encode("utf-8") not in raw, word  # not even in free pages or the WAL
        assert word not in log, word


def test_imports_and_completed_reviews_leave_no_names_in_the_database(data_home, tmp_path):
    footprint = open_footprint(data_home, FixedClock(START))
    exports = {
        "fb.zip": builders.facebook_export(),
        "li.zip": builders.linkedin_export(),
        "ig.zip": builders.instagram_export(),
        "sc.zip": builders.snapchat_export(),
    }
    try:
        outcomes = [
            footprint.import_export(builders.write_zip(tmp_path / name, files))
            for name, files in exports.items()
        ]
        for outcome in outcomes:
            people = outcome.findings.people()
            footprint.save_review(outcome.findings, {p.key for p in people[::2]})
    finally:
        footprint.close()
    words = identifiers([o.findings for o in outcomes])
    assert {"Zoë Blackwood", "Kwame Osei-Bonsu", "@sunny.days_77", "ghostly_gav"} <= words
    assert_absent(words, data_home)
    with closing(sqlite3.connect(data_home.database)) as db:
        reviewed = db.execute("SELECT reviewed_count, marked_count FROM connection_review")
        assert reviewed.fetchall() == [(5, 3), (4, 2), (5, 3), (3, 2)]


def test_the_report_shows_imports_and_reviews_as_counts_without_names(data_home, tmp_path):
    """The report carries the review as counts; no connection's name reaches the PDF."""
    import subprocess

    from app.cli import main

    footprint = open_footprint(data_home, FixedClock(START))
    footprint.write_demo_data()
    # A request from someone whose name is in no checklist: the default "Unknown Caller" is
    # also in WhatsApp's "Silence unknown callers", which the report lists by name.
    export = builders.facebook_export(received=("Ottoline Quarrie",))
    outcome = footprint.import_export(builders.write_zip(tmp_path / "fb.zip", export))
    people = outcome.findings.people()
    footprint.save_review(outcome.findings, {people[0].key})
    footprint.close()
    pdf = tmp_path / "report.pdf"
    assert main(["report", "--out", str(pdf)]) == 0
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert "Data exports and friend-list reviews" in flat
    assert "Facebook friend-list review on" in flat and "1 marked" in flat
    for word in identifiers([outcome.findings]):
        assert word not in text, word


@pytest.mark.parametrize(
    "name",
    [n for n, shape in SHAPES.items() if shape.exit == 0],
)
def test_every_layout_generation_leaves_no_name_after_import_and_review(name, data_home, tmp_path):
    """Each shape of tests/downloads/test_generations.py, imported and reviewed (every other
    person marked), then a newer copy imported so removal checks run: no name, handle or link
    in the database, its WAL, its backups or the log."""
    footprint = open_footprint(data_home, FixedClock(START))
    try:
        path = write_zip(tmp_path / "export.zip", SHAPES[name].files())
        outcome = footprint.import_export(path)
        people = outcome.findings.people()
        footprint.save_review(outcome.findings, {p.key for p in people[::2]})
        footprint.clock.advance(timedelta(days=400))
        again = footprint.import_export(path)
    finally:
        footprint.close()
    words = identifiers([outcome.findings, again.findings])
    assert words or not outcome.findings.connections
    assert_absent(words, data_home)


def test_the_import_window_confirmation_path_leaves_no_name(data_home, tmp_path) -> None:
    """The dialog's path: read, preview, save only some answers."""
    from app.services.downloads import ReadInputs, read_export_and_checks

    footprint = open_footprint(data_home, FixedClock(START))
    try:
        path = write_zip(tmp_path / "ig.zip", generations.instagram_2026())
        read = read_export_and_checks(path, START, ReadInputs())
        preview = footprint.preview_import(read)
        footprint.save_import(read, {preview.answers[0].item_id})
    finally:
        footprint.close()
    assert_absent(identifiers([read.findings]), data_home)
