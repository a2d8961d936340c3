"""Data-export import: time and peak memory, per archive shape (issue 13 point 10, issue 15).

Each case runs in a fresh interpreter, so one case's memory never counts in another's:
  time      median wall time of `Footprint.import_export` (read, compare with an earlier
            review of 20 marked people, save) over --runs imports, without tracemalloc
  CPU       median processor time of the same imports (what a busy machine does not inflate)
  traced    peak of Python allocations during one import (tracemalloc)
  RSS       the process's peak resident memory in the timed runs (no tracemalloc), the
            interpreter and libraries included; "before" is that peak just before the first
            import started (Linux VmHWM, else ru_maxrss; none on Windows)
Cases:
  instagram-50k   Instagram 2025 layout, 50,000 followers + 1,000 following + settings
  facebook-50k    Facebook 2026 layout, 50,000 followers (followers_v3) + 1,000 friends
  x-50k           X archive, 50,000 followers
  hostile-4x63    the issue-13 attack: a small ZIP holding four 63 MB Instagram follower
                  files of the same few hundred people repeated (caps allow 64 MB a file)
  unique-4x63     the worst the caps allow: four 63 MB files of different people, so the
                  200,000-people cap is reached and every person read is kept
Targets: 50,000 followers under 2 s and 200 MB; any archive the caps allow under 300 MB (RSS
peak). --followers and --large-mb make every case smaller (the suite runs it so, to keep it
working); the targets are for the full sizes.
Usage: .venv/bin/python benchmarks/exports.py [--runs N] [--case NAME]... [--followers N]
       [--large-mb N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.audit.records import ReviewToSave

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CASES = ("instagram-50k", "facebook-50k", "x-50k", "hostile-4x63", "unique-4x63")
TARGETS = {"instagram-50k": (2.0, 200), "facebook-50k": (2.0, 200), "x-50k": (2.0, 200),
           "hostile-4x63": (None, 300), "unique-4x63": (None, 300)}  # fmt: skip
FOLLOWERS = 50_000
LARGE_FILE_MB = 63
# The suite's start date (tests/conftest.py's START), here so that a child, which measures
# memory and time, does not import the test configuration and pytest with it.
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def build(case: str, folder: Path, followers: int, large_mb: float) -> Path:
    """The case's archive, written with the test generator's shapes (invented names)."""
    from tests.downloads import generations as g
    from tests.downloads.builders import meta_json, write_zip

    names = [f"follower.{n:05d}" for n in range(followers)]
    if case == "instagram-50k":
        files = g.instagram_2025()
        prefix = next(iter(files)).split("/", 1)[0] + "/"
        files[prefix + "connections/followers_and_following/followers_1.json"] = meta_json(
            g._ig_list(names)
        )
        files[prefix + "connections/followers_and_following/following.json"] = meta_json(
            {"relationships_following": g._ig_list(names[:1000])}
        )
    elif case == "facebook-50k":
        people = [f"Follower {n:05d} Example" for n in range(followers)]
        files = g.facebook_2026(friends=people[:1000], followers=people)
    elif case == "x-50k":
        files = g.x_2025(followers=[str(10**9 + n) for n in range(followers)])
    else:
        return _large(folder, large_mb, unique=case.startswith("unique"))
    return write_zip(folder / f"{case}.zip", files)


def _large(folder: Path, megabytes: float, *, unique: bool) -> Path:
    record = (
        '{\n  "title": "",\n  "media_list_data": [],\n  "string_list_data": [\n    {\n      '
        '"href": "https://www.instagram.com/u%d",\n      "value": "u%d",\n      '
        '"timestamp": 1767000000\n    }\n  ]\n}'
    )
    path = folder / "instagram-jo-2026-02-20-large.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for part in range(1, 5):
            rows, size, n = [], 2, 0
            while size < megabytes * 2**20:
                person = part * 10**7 + n if unique else n % 500
                row = record % (person, person)
                rows.append(row)
                size += len(row) + 2
                n += 1
            data = ("[\n" + ",\n".join(rows) + "\n]").encode()
            del rows
            archive.writestr(f"connections/followers_and_following/followers_{part}.json", data)
    return path


def measure(case: str, path: Path, mode: str, runs: int) -> dict[str, object]:
    """Import `path` in this (fresh) process: timed, or traced once."""
    from app.clock import FixedClock
    from app.footprint import open_footprint
    from app.paths import DataHome

    result: dict[str, object] = {
        "zip_mb": path.stat().st_size / 2**20,
        "unpacked_mb": sum(i.file_size for i in zipfile.ZipFile(path).infolist()) / 2**20,
    }
    times, cpu, traced = [], [], 0.0
    with tempfile.TemporaryDirectory() as temp:
        for run in range(runs if mode == "time" else 1):
            footprint = open_footprint(DataHome(Path(temp) / f"home{run}"), FixedClock(START))
            footprint.store.save_connection_review(_earlier_review(case))
            if run == 0:
                result["rss_before_mb"] = _peak_rss_mb()
            if mode == "traced":
                tracemalloc.start()
            started, processor = time.perf_counter(), time.process_time()
            outcome = footprint.import_export(path)
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - processor)
            if mode == "traced":
                traced = tracemalloc.get_traced_memory()[1] / 2**20
                tracemalloc.stop()
            result["people"] = sum(outcome.findings.connection_counts.values())
            result["checked"] = len(outcome.removal_checks)
            footprint.close()
    result.update(
        seconds=statistics.median(times),
        cpu_seconds=statistics.median(cpu),
        traced_mb=traced,
        rss_peak_mb=_peak_rss_mb(),
    )
    return result


def _earlier_review(case: str) -> ReviewToSave:
    """A review of 20 marked followers made in 2020, so the import hashes every person of
    the export to see whether they are still there (the work the worker waits for)."""
    from app.audit.records import ReviewToSave
    from app.downloads.hashing import digests, new_salt
    from app.services.downloads import review_key

    keys = {
        "instagram-50k": [f"user:follower.{n:05d}" for n in range(20)],
        "facebook-50k": [f"name:follower {n:05d} example" for n in range(20)],
        "x-50k": [f"id:{10**9 + n}" for n in range(20)],
        "hostile-4x63": [f"user:u{n}" for n in range(20)],
        "unique-4x63": [f"user:u{10**7 + n}" for n in range(20)],
    }[case]
    key = review_key(create=True)
    assert key is not None
    salt, when = new_salt(), datetime(2020, 1, 1, tzinfo=UTC)
    platform = {"facebook-50k": "facebook", "x-50k": "x"}.get(case, "instagram")
    return ReviewToSave(
        platform, when, when, FOLLOWERS, len(keys), ("follower",), salt, key.key_id,
        digests(key, salt, keys), by_hand=False,
    )  # fmt: skip


def _peak_rss_mb() -> float | None:
    """The process's peak resident memory: Linux's VmHWM (reset by exec, unlike ru_maxrss,
    which a child inherits from the benchmark's own process), else ru_maxrss, else None."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    try:
        import resource
    except ImportError:  # Windows: tracemalloc's figure only
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 2**20


def run_case(case: str, path: Path, mode: str, runs: int) -> dict[str, object]:
    """Measure in a fresh interpreter, so nothing built before counts in its peak."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("FOOTPRINT_HOME", None)
    command = [sys.executable, __file__, "--child", case, "--path", str(path), "--mode", mode]
    output = subprocess.run(
        [*command, "--runs", str(runs)], env=env, cwd=ROOT, capture_output=True, text=True,
        check=True,
    )  # fmt: skip
    return dict(json.loads(output.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--case", choices=CASES, action="append", help="repeatable")
    parser.add_argument("--child", choices=CASES, help=argparse.SUPPRESS)
    parser.add_argument("--path", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--mode", choices=("time", "traced"), default="time")
    parser.add_argument("--followers", type=int, default=FOLLOWERS, help="in the 50k cases")
    parser.add_argument("--large-mb", type=float, default=LARGE_FILE_MB, help="in the 4x63 cases")
    args = parser.parse_args()
    if args.child:
        _use_memory_keyring()
        print(json.dumps(measure(args.child, args.path, args.mode, args.runs)))
        return
    print(f"{'case':<15} {'zip':>7} {'unpacked':>8} {'people':>7} {'time':>7} {'CPU':>7} "
          f"{'traced':>7} {'RSS peak (before)':>18}  target")  # fmt: skip
    verdicts: list[str] = []
    for case in args.case or CASES:
        runs = 1 if case.endswith("4x63") else args.runs
        with tempfile.TemporaryDirectory() as temp:
            path = build(case, Path(temp), args.followers, args.large_mb)
            timed = run_case(case, path, "time", runs)
            traced = run_case(case, path, "traced", 1)
        # Past the people cap the list is incomplete, so no removal may be concluded from it.
        # A smaller archive than the case's own may not reach the cap.
        full_size = args.followers == FOLLOWERS and args.large_mb == LARGE_FILE_MB
        reaches_cap = case.startswith("unique") and full_size
        assert timed["checked"] == (0 if reaches_cap else 1), timed
        seconds, megabytes = TARGETS[case]
        target = (f"< {seconds:g} s, " if seconds else "") + f"< {megabytes} MB"
        peak, before = timed["rss_peak_mb"], timed["rss_before_mb"]
        rss = f"{peak:.0f} MB ({before:.0f} MB)" if isinstance(peak, float) else "n/a"
        print(
            f"{case:<15} {timed['zip_mb']:>5.1f}MB {timed['unpacked_mb']:>6.0f}MB "
            f"{timed['people']:>7} {timed['seconds']:>6.2f}s {timed['cpu_seconds']:>6.2f}s "
            f"{traced['traced_mb']:>5.0f}MB {rss:>18}  {target}"
        )
        verdicts.append(verdict(case, timed, full_size))
    for line in verdicts:
        print(line)


def verdict(case: str, timed: dict[str, object], full_size: bool) -> str:
    seconds, megabytes = TARGETS[case]
    took, peak = timed["seconds"], timed["rss_peak_mb"]
    assert isinstance(took, float)
    met = seconds is None or took < seconds
    if isinstance(peak, float):
        met = met and peak < megabytes
    target = (f"< {seconds:g} s and " if seconds else "") + f"< {megabytes} MB RSS peak"
    size = "" if full_size else " (at a smaller size than the target's)"
    memory = "" if isinstance(peak, float) else ", memory not measured here"
    return f"target: {case} {target}: {'met' if met else 'NOT met'}{size}{memory}"


def _use_memory_keyring() -> None:
    """The review key lives in the keyring: an in-memory one, never the real one."""
    import keyring

    from tests.memory_keyring import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())


if __name__ == "__main__":
    main()
