"""Alembic environment: always run with a connection handed in by app.storage.database.

That connection is already inside one transaction that really covers DDL (see
`engines.migration_engine`), so every migration and the revision commit together or not at
all: SQLite's DDL is transactional, whatever Alembic assumes for it by default.
"""

from alembic import context

from app.storage.tables import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    transactional_ddl=True,
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
