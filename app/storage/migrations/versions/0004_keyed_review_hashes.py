"""Friend-list reviews: no more guessable hashes of marked people.

Revision ID: 0004
Revises: 0003

Revision 0002 kept, for each person a worker marked, PBKDF2-SHA256 (2,000 iterations) of
their name or handle with a salt stored beside it. With the database and a list of local
names, every marked person was recovered in seconds. From 0004 a marked person is kept only
as an HMAC keyed by a secret in the system keyring (`key_id` says which), or not at all
(`removal_check` = 'by_hand') when there is no keyring.

The old hashes cannot be converted (that would need the names), so they are deleted here and
their reviews keep their counts and become "confirm removal by hand". secure_delete makes
SQLite overwrite the deleted rows instead of leaving them in free pages; the backup copied
before this migration is cleaned the same way by app.storage.database.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Delete the guessable hashes, and key or turn to 'by hand' every review that had them."""
    op.execute("PRAGMA secure_delete = ON")
    op.execute("DELETE FROM marked_connection_hash")
    with op.batch_alter_table("connection_review") as batch:
        batch.add_column(
            sa.Column("removal_check", sa.String(16), nullable=False, server_default="export")
        )
        batch.add_column(sa.Column("key_id", sa.String(32)))
        batch.drop_column("hash_iterations")
        batch.create_check_constraint(
            "known_removal_check", "removal_check IN ('export', 'by_hand')"
        )
    op.execute(
        "UPDATE connection_review SET removal_check = 'by_hand', salt = NULL"
        " WHERE salt IS NOT NULL OR (marked_count > 0 AND confirmed_removed_count IS NULL)"
    )


def downgrade() -> None:
    """Restore 0002's columns; the keyed hashes and salts are deleted, not converted back."""
    with op.batch_alter_table("connection_review") as batch:
        batch.drop_constraint("known_removal_check", type_="check")
        batch.drop_column("key_id")
        batch.drop_column("removal_check")
        batch.add_column(sa.Column("hash_iterations", sa.Integer))
    op.execute("DELETE FROM marked_connection_hash")
    op.execute("UPDATE connection_review SET salt = NULL")
