"""The schema is declared once (`app/storage/tables.py`); the migrations are history. Running
every migration on an empty file must give exactly the declared schema, and the reads' SQL
must be what the declared statements compile to."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, inspect
from sqlalchemy.pool import NullPool

from app.audit.answers import AnswerStatus
from app.storage import read_sql, read_statements
from app.storage.database import prepare_database
from app.storage.tables import metadata
from tests.conftest import START

ROOT = Path(__file__).resolve().parents[2]


def affinity(declared_type: str) -> str:
    """SQLite's type affinity for a column's declared type (sqlite.org/datatype3.html, 3.1)."""
    name = declared_type.upper()
    if "INT" in name:
        return "INTEGER"
    if any(text in name for text in ("CHAR", "CLOB", "TEXT")):
        return "TEXT"
    if not name or "BLOB" in name:
        return "BLOB"
    if any(real in name for real in ("REAL", "FLOA", "DOUB")):
        return "REAL"
    return "NUMERIC"


def schema_of(path: Path) -> dict[str, dict[str, Any]]:
    """Every table of the database at `path` as SQLite reports it: columns (declared type,
    affinity, NOT NULL, default, place in the primary key), foreign keys, indexes, unique and
    check constraints. Alembic's own table is not part of the schema."""
    engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(path), poolclass=NullPool)
    try:
        inspector = inspect(engine)
        with closing(sqlite3.connect(path)) as db:
            return {
                table: _table(db, inspector, table)
                for table in inspector.get_table_names()
                if table != "alembic_version"
            }
    finally:
        engine.dispose()


def _table(db: sqlite3.Connection, inspector: Any, table: str) -> dict[str, Any]:
    columns = {
        name: (declared, affinity(declared), bool(notnull), default, pk)
        for _, name, declared, notnull, default, pk in db.execute(f"PRAGMA table_info({table})")
    }
    foreign_keys = sorted(
        (row[2], row[3], row[4], row[5], row[6])  # to table, from, to, on update, on delete
        for row in db.execute(f"PRAGMA foreign_key_list({table})")
    )
    indexes = sorted(
        (
            name if not name.startswith("sqlite_autoindex") else "(automatic)",
            bool(unique),
            origin,
            tuple(row[2] for row in db.execute(f"PRAGMA index_info('{name}')")),
        )
        for _, name, unique, origin, _partial in db.execute(f"PRAGMA index_list({table})")
    )
    uniques = sorted(
        (u["name"], tuple(u["column_names"])) for u in inspector.get_unique_constraints(table)
    )
    checks = sorted(
        (c["name"], " ".join(c["sqltext"].split())) for c in inspector.get_check_constraints(table)
    )
    return {
        "columns": columns,
        "foreign keys": foreign_keys,
        "indexes": indexes,
        "unique": uniques,
        "checks": checks,
    }


@pytest.fixture(scope="module")
def migrated(tmp_path_factory) -> Path:
    """A database made the way Footprint makes one: every migration, on an empty file."""
    path = tmp_path_factory.mktemp("migrated") / "footprint.db"
    prepare_database(path, START)
    return path


@pytest.fixture(scope="module")
def declared(tmp_path_factory) -> Path:
    """A database made straight from the declaration."""
    path = tmp_path_factory.mktemp("declared") / "footprint.db"
    engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(path), poolclass=NullPool)
    metadata.create_all(engine)
    engine.dispose()
    return path


def test_a_freshly_migrated_database_is_the_declared_schema(migrated, declared) -> None:
    on_disk, wanted = schema_of(migrated), schema_of(declared)
    assert sorted(on_disk) == sorted(wanted)
    for table, parts in wanted.items():
        for part, declared_part in parts.items():
            assert on_disk[table][part] == declared_part, f"{table}: {part} (left: migrated)"


def test_the_comparison_sees_a_missing_column_and_a_missing_index(migrated, tmp_path) -> None:
    """The test above can fail: one column or one index fewer is a difference."""
    wanted = schema_of(migrated)
    changed = tmp_path / "changed.db"
    with closing(sqlite3.connect(migrated)) as source, closing(sqlite3.connect(changed)) as copy:
        source.backup(copy)
        copy.execute("ALTER TABLE answer DROP COLUMN note")
        copy.execute("DROP INDEX ix_watch_look_looked_at")
        copy.commit()
    found = schema_of(changed)
    assert "note" not in found["answer"]["columns"] and found["answer"] != wanted["answer"]
    assert found["watch_look"]["indexes"] != wanted["watch_look"]["indexes"]
    assert found["profile"] == wanted["profile"]


def test_the_check_constraints_follow_the_domain_values(declared) -> None:
    """An answer status, source or kind added in `app.audit` changes the declared check, so
    the test above fails until a migration widens the database's check as well."""
    checks = dict(schema_of(declared)["answer"]["checks"])
    assert all(f"'{status.value}'" in checks["known_status"] for status in AnswerStatus)


@pytest.mark.parametrize("name", sorted(read_statements.STATEMENTS))
def test_the_reads_sql_is_what_the_declared_statements_compile_to(name) -> None:
    """read_sql.py is generated; regenerate it with `python -m app.storage.read_statements`."""
    assert getattr(read_sql, name) == read_statements.compiled(read_statements.STATEMENTS[name])


def test_read_sql_holds_nothing_but_the_generated_statements() -> None:
    generated = Path(read_sql.__file__).read_text(encoding="utf-8")
    assert generated == read_statements.module_text()


def test_opening_and_reading_a_database_leaves_sqlalchemy_unimported(migrated) -> None:
    """Why the reads' SQL is compiled ahead: start-up opens the database and reads the overview
    before the window shows, and SQLAlchemy's import would cost more than the window."""
    code = (
        "import sys; from pathlib import Path; from datetime import UTC, datetime\n"
        "from app.storage.database import prepare_database\n"
        "from app.storage.store import Store\n"
        "path = Path(sys.argv[1]); prepare_database(path, datetime.now(UTC))\n"
        "store = Store(path); store.dashboard_data(); store.all_data(); store.pending_reviews()\n"
        "sys.exit(3 if 'sqlalchemy' in sys.modules else 0)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code, str(migrated)], env=env, cwd=ROOT)
    assert done.returncode == 0
