"""Memory follows the largest member, not the archive, and repeated people count once
(issue 13, point 10). Figures for the full-size case are in benchmarks/exports.py; this is
the same shape at a size a test can afford, measured with tracemalloc, never timed."""

from __future__ import annotations

import json
import tracemalloc
import zipfile

from app.downloads.findings import ConnectionKind
from app.downloads.reader import read_export
from tests.conftest import START

MEMBER_MB = 2
UNIQUE = 100


def repeated_followers(size: int) -> bytes:
    """An Instagram followers_N.json of `size` bytes naming the same UNIQUE people over and
    over (how a tiny ZIP holds huge lists)."""
    link = {"href": "https://www.instagram.com/u{n}", "value": "u{n}", "timestamp": 1767000000}
    record = {"title": "", "media_list_data": [], "string_list_data": [link]}
    one = json.dumps(record, indent=2)
    rows, total, n = [], 2, 0
    while total < size:
        row = one.replace("{n}", str(n % UNIQUE))
        rows.append(row)
        total += len(row) + 2
        n += 1
    return ("[\n" + ",\n".join(rows) + "\n]").encode()


def test_four_large_follower_files_stay_bounded_and_count_each_person_once(tmp_path) -> None:
    data = repeated_followers(MEMBER_MB * 2**20)
    path = tmp_path / "instagram-jo-2026-02-20.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for part in range(1, 5):
            archive.writestr(f"connections/followers_and_following/followers_{part}.json", data)
    del data
    assert path.stat().st_size < MEMBER_MB * 2**20 // 20  # a small ZIP of large lists
    tracemalloc.start()
    try:
        findings = read_export(path, START)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert findings.connection_counts == {ConnectionKind.FOLLOWER: UNIQUE}
    # One member's bytes (joined from its chunks) and a batch of records at a time: a few
    # times one member, never the sum of four (json.loads would take about 40 times).
    assert peak < 3 * MEMBER_MB * 2**20
