"""Running Footprint's migrations (Alembic): which revisions exist, which tables a revision
has, and the tables an interrupted upgrade of an older Footprint left half-made.

Alembic and SQLAlchemy are imported inside the functions: only an upgrade or a new database
needs them, never an ordinary start.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from app.resources import shipped
from app.storage.errors import DatabaseTooNewError, MigrationFailedError
from app.storage.revision import LEGACY_TABLES

log = logging.getLogger(__name__)
MIGRATIONS = shipped().migrations


def require_known(path: Path, revision: str) -> None:
    """Refuse a newer Footprint's database before anything (even a backup) is written."""
    from alembic.script import ScriptDirectory

    try:
        ScriptDirectory.from_config(alembic_config()).get_revision(revision)
    except Exception:
        raise DatabaseTooNewError(
            f"The database {path} was written by a newer version of Footprint "
            f"(schema {revision}). Install the newer version to open it."
        ) from None


def drop_half_made_tables(path: Path, connection: Any, revision: str | None) -> None:
    """Older Footprints ran each CREATE TABLE on its own, so a kill during an upgrade could
    leave the next revision's tables without its revision. They are empty: drop them here,
    inside the upgrade's transaction, and let the upgrade make them again."""
    if revision is None:
        return
    rows = connection.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    )
    present = {row[0] for row in rows}
    extra = present - tables_at(revision)
    if not extra:
        return
    from app.storage.tables import metadata

    ours = LEGACY_TABLES | set(metadata.tables)
    for table in sorted(extra):
        quoted = '"' + table.replace('"', '""') + '"'
        has_rows = connection.exec_driver_sql(f"SELECT 1 FROM {quoted} LIMIT 1").first()
        if table not in ours or has_rows is not None:
            raise MigrationFailedError(
                f"The database {path} holds a table Footprint does not expect ({table}), so "
                "it was left as it was. Details are in footprint.log."
            )
        log.warning("dropping table %s left half-made by an interrupted upgrade", table)
        connection.exec_driver_sql(f"DROP TABLE {quoted}")


def tables_at(revision: str) -> set[str]:
    """The tables a database has at `revision`: migrate an empty one in memory and look."""
    from alembic import command
    from sqlalchemy import create_engine
    from sqlalchemy.pool import StaticPool

    engine = create_engine("sqlite://", poolclass=StaticPool)
    try:
        with engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
            rows = connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
            return {row[0] for row in rows}
    finally:
        engine.dispose()


def alembic_config() -> Any:
    """Alembic's configuration: the shipped migrations, nothing from a file."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config
