"""The reads, as SQLAlchemy Core statements over the declared tables (`tables.py`).

Start-up reads the database before the window shows, and importing SQLAlchemy there would cost
more than showing the window (0.3 s of processor time and 28 MiB measured). So these
statements are compiled once, by the developer, into plain strings in `read_sql.py`, which
`reads.py` runs through the standard library's sqlite3. A test checks that `read_sql.py` is
what these statements compile to today; after changing one, run
`python -m app.storage.read_statements`.
Parameters are named (`:since`); each statement's columns are in the order `reads.py` unpacks.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Select,
    bindparam,
    func,
    select,
    union,
    union_all,
)
from sqlalchemy.dialects import sqlite
from sqlalchemy.types import String

from app.storage.tables import (
    answer,
    audit_run,
    connection_review,
    export_import,
    keyring_entry,
    marked_connection_hash,
    outside_finding,
    profile,
    public_address,
    report_made,
    run_platform,
    user_platform,
    watch_choice,
    watch_drift,
    watch_look,
    watch_platform,
    watch_reading,
    watch_signed_in,
)

A = answer.c
_ANSWER_COLUMNS = (
    A.run_id,
    A.platform_id,
    A.item_id,
    A.status,
    A.source,
    A.answered_at,
    A.observed,
    A.note,
    A.kind,
)


def _of_runs(column: ColumnElement[int]) -> ColumnElement[bool]:
    """`column` is one of the run ids in `:run_ids` (a JSON array)."""
    wanted = func.json_each(bindparam("run_ids")).table_valued("value")
    return column.in_(select(wanted.c.value).scalar_subquery())


def _newest_answers(*per: ColumnElement[object], runs: bool = False) -> Select[Any]:
    """Each item's newest answer (answer ids grow with time, so the highest id is the newest),
    per `per`; with `runs`, of the runs in `:run_ids` (a JSON array) only."""
    newest = select(func.max(A.id)).group_by(*per, A.platform_id, A.item_id)
    if runs:
        newest = newest.where(_of_runs(A.run_id))
    return select(*_ANSWER_COLUMNS).where(A.id.in_(newest.scalar_subquery()))


def _newest_answer_of_each_item() -> Select[Any]:
    """Each item's newest answer, found by walking the item index from one item to the next
    (a "skip scan": two index seeks per item) instead of grouping every answer ever given:
    the work grows with the number of items, not with years of answers (ten years:
    1.1 -> 0.3 ms). Recursive CTEs: the platforms in the index, then each one's items."""
    other = answer.alias("other")
    OA = other.c
    platform = select(func.min(A.platform_id).label("id")).cte("platform", recursive=True)
    next_platform = select(func.min(OA.platform_id)).where(OA.platform_id > platform.c.id)
    platform = platform.union_all(
        select(next_platform.scalar_subquery()).where(platform.c.id.is_not(None))
    )
    first_item = select(func.min(OA.item_id)).where(OA.platform_id == platform.c.id)
    item = (
        select(platform.c.id.label("platform_id"), first_item.scalar_subquery().label("item_id"))
        .where(platform.c.id.is_not(None))
        .cte("item", recursive=True)
    )
    next_item = select(func.min(OA.item_id)).where(
        OA.platform_id == item.c.platform_id, OA.item_id > item.c.item_id
    )
    item = item.union_all(
        select(item.c.platform_id, next_item.scalar_subquery()).where(item.c.item_id.is_not(None))
    )
    newest = select(func.max(OA.id)).where(
        OA.platform_id == item.c.platform_id, OA.item_id == item.c.item_id
    )
    newest_ids = select(newest.scalar_subquery()).where(item.c.item_id.is_not(None))
    return select(*_ANSWER_COLUMNS).where(A.id.in_(newest_ids.scalar_subquery()))


R, RP, E, CR = audit_run.c, run_platform.c, export_import.c, connection_review.c


def _runs_the_dashboard_reads() -> CompoundSelect[Any]:
    """The ids of the runs the dashboard needs (see `reads.dashboard_data`): of each platform,
    the newest check finished by `:trusted_until` (of equals, the latest run's) and the one it
    is compared with (`app.audit.comparison`: the newest finished strictly earlier, the
    latest run's of equals); every run with a check finished after `:trusted_until` (dated
    ahead); the unfinished runs; the two newest finished runs.

    Each is found by seeks in ix_run_platform_finished (revision 0009), walking from one
    platform to the next as `_newest_answer_of_each_item` walks the items: ten years of
    checks are not read. Stored timestamps have one ISO 8601 shape in UTC
    (`timestamps.to_text`), so their text order is their time order."""
    check = run_platform.alias("other_check")
    C = check.c
    trusted_until = bindparam("trusted_until", type_=String)
    platform = select(func.min(RP.platform_id).label("id")).cte("platform", recursive=True)
    next_platform = select(func.min(C.platform_id)).where(C.platform_id > platform.c.id)
    platform = platform.union_all(
        select(next_platform.scalar_subquery()).where(platform.c.id.is_not(None))
    )
    newest = select(func.max(C.completed_at)).where(
        C.platform_id == platform.c.id, C.completed_at <= trusted_until
    )
    latest = (
        select(platform.c.id.label("platform_id"), newest.scalar_subquery().label("moment"))
        .where(platform.c.id.is_not(None))
        .cte("latest")
    )
    earlier = select(func.max(C.completed_at)).where(
        C.platform_id == latest.c.platform_id, C.completed_at < latest.c.moment
    )
    moment = union_all(
        select(latest.c.platform_id, latest.c.moment),
        select(latest.c.platform_id, earlier.scalar_subquery()),
    ).cte("moment")
    run_then = select(func.max(C.run_id)).where(
        C.platform_id == moment.c.platform_id, C.completed_at == moment.c.moment
    )
    newest_two = select(run_then.scalar_subquery()).where(moment.c.moment.is_not(None))
    ahead = select(C.run_id).select_from(
        platform.join(check, (C.platform_id == platform.c.id) & (C.completed_at > trusted_until))
    )
    unfinished = select(R.id).where(R.completed_at.is_(None))
    last_finished = select(func.max(R.id)).where(R.completed_at.is_not(None))
    run = audit_run.alias("other_run")
    finished_before = select(func.max(run.c.id)).where(
        run.c.completed_at.is_not(None), run.c.id < last_finished.scalar_subquery()
    )
    return union(newest_two, ahead, unfinished, last_finished, finished_before)


P, UP, RM, H = profile.c, user_platform.c, report_made.c, marked_connection_hash.c
F, WC, WP, WL, WD = (
    outside_finding.c,
    watch_choice.c,
    watch_platform.c,
    watch_look.c,
    watch_drift.c,
)
WS, WR = watch_signed_in.c, watch_reading.c

STATEMENTS: dict[str, Select[Any] | CompoundSelect[Any]] = {
    "NEWEST_ANSWERS": _newest_answer_of_each_item(),
    # Every answer, oldest first (row ids grow with time): the newest per item in each run
    # is the last one read (reads.py keeps it).
    "ANSWERS_OLDEST_FIRST": select(*_ANSWER_COLUMNS).order_by(A.id),
    "NEWEST_ANSWERS_OF_RUNS": _newest_answers(A.run_id, runs=True),
    "ANSWER_COUNT": select(func.count()).select_from(answer),
    "OPEN_RUN_IDS": select(R.id).where(R.completed_at.is_(None)),
    "RUNS": select(R.id, R.started_at, R.completed_at).order_by(R.id),
    "RUNS_THE_DASHBOARD_READS": _runs_the_dashboard_reads(),
    "RUNS_OF": select(R.id, R.started_at, R.completed_at).where(_of_runs(R.id)).order_by(R.id),
    "RUN_PLATFORMS_OF": select(RP.run_id, RP.platform_id, RP.position, RP.completed_at, RP.skipped)
    .where(_of_runs(RP.run_id))
    .order_by(RP.run_id, RP.position),
    "RUN_PLATFORMS": select(
        RP.run_id, RP.platform_id, RP.position, RP.completed_at, RP.skipped
    ).order_by(RP.run_id, RP.position),
    "PROFILE": select(
        P.display_name,
        P.role,
        P.organisation,
        P.regulator,
        P.supervisor,
        P.works_with_children,
        P.code_edition,
    ),
    "USER_PLATFORMS": select(UP.platform_id, UP.recheck_days, UP.snoozed_until).order_by(
        UP.position
    ),
    "EXPORT_IMPORTS": select(
        E.id,
        E.platform_id,
        E.imported_at,
        E.export_date,
        E.run_id,
        E.items_answered,
        E.connection_count,
        E.request_count,
        E.public_switches,
    ).order_by(E.id),
    "CONNECTION_REVIEWS": select(
        CR.id,
        CR.platform_id,
        CR.reviewed_at,
        CR.export_date,
        CR.reviewed_count,
        CR.marked_count,
        CR.confirmed_removed_count,
        CR.confirmed_at,
        CR.confirmed_by,
        CR.removal_check,
    ).order_by(CR.id),
    "PENDING_REVIEWS": select(CR.id, CR.platform_id, CR.reviewed_at, CR.lists, CR.salt, CR.key_id)
    .where(
        CR.salt.is_not(None), CR.key_id.is_not(None), CR.removal_check == bindparam("removal_check")
    )
    .order_by(CR.id),
    "MARKED_HASHES": select(H.review_id, H.digest),
    "REPORTS_MADE": select(RM.id, RM.made_at, RM.period_start, RM.run_id).order_by(RM.id),
    "KEYRING_SERVICES": select(keyring_entry.c.service).order_by(keyring_entry.c.service),
    "PUBLIC_ADDRESSES": select(public_address.c.platform_id, public_address.c.address),
    "OUTSIDE_FINDINGS": select(
        F.platform_id, F.topic, F.verdict, F.reason, F.seen_at, F.caveat
    ).order_by(F.id),
    "WATCH_CHOICE": select(WC.signed_out, WC.chosen_at),
    "WATCHED_PLATFORMS": select(
        WP.platform_id, WP.next_look_at, WP.last_look_at, WP.last_outcome, WP.failures, WP.compared
    ).order_by(WP.platform_id),
    "WATCH_LOOKS_SINCE": select(WL.platform_id, WL.looked_at, WL.outcome)
    .where(WL.looked_at >= bindparam("since"))
    .order_by(WL.looked_at, WL.id),
    "WATCH_DRIFT": select(
        WD.id, WD.platform_id, WD.topic, WD.before, WD.after, WD.seen_at, WD.source, WD.confirmed_at
    ).order_by(WD.seen_at, WD.id),
    "SIGNED_IN_WATCHES": select(
        WS.platform_id, WS.next_look_at, WS.last_look_at, WS.last_outcome, WS.failures, WS.compared
    ).order_by(WS.platform_id),
    "WATCH_READINGS": select(WR.item_id, WR.status).where(
        WR.platform_id == bindparam("platform_id")
    ),
}


def compiled(statement: Select[Any] | CompoundSelect[Any]) -> str:
    """The SQL text sqlite3 runs for `statement`, on one line, with named parameters."""
    text = str(statement.compile(dialect=sqlite.dialect(paramstyle="named")))
    return " ".join(line.strip() for line in text.splitlines())


def module_text() -> str:
    """The source of `read_sql.py`, as these statements compile today."""
    lines = [
        '"""The reads\' SQL, compiled from `read_statements.py`: do not edit by hand.',
        "",
        "Regenerate with `python -m app.storage.read_statements`; a test checks it is current.",
        '"""',
        "",
    ]
    for name, statement in STATEMENTS.items():
        sql = compiled(statement)
        if len(f"{name} = {_quoted(sql)}") <= _WIDTH:
            lines.append(f"{name} = {_quoted(sql)}")
        else:
            lines += [f"{name} = (", *(f"    {_quoted(piece)}" for piece in _pieces(sql)), ")"]
    return "\n".join(lines) + "\n"


_WIDTH = 100


def _quoted(text: str) -> str:
    """`text` as a Python literal, quoted as ruff format quotes it (so the file stays as made)."""
    if '"' in text and "'" not in text:
        return repr(text)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _pieces(sql: str) -> list[str]:
    """`sql` cut at spaces into pieces that fit the line width (joined, they are `sql`)."""
    pieces = [""]
    for word in sql.split(" "):
        if pieces[-1] and len(pieces[-1]) + len(word) > _WIDTH - 8:
            pieces.append("")
        pieces[-1] += word + " "
    pieces[-1] = pieces[-1][:-1]
    return pieces


if __name__ == "__main__":
    target = Path(__file__).with_name("read_sql.py")
    target.write_text(module_text(), encoding="utf-8")
    sys.stdout.write(f"wrote {target}\n")
