"""Data-export imports and friend-list reviews, as dates and counts only.

Revision ID: 0002
Revises: 0001

No column holds a name: `marked_connection_hash` keeps salted hashes of the people a worker
marked, only until a newer export (or the worker) confirms they were removed.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_STAMP = sa.String(40)


def upgrade() -> None:
    """Add the export-import, friend-list review and marked-hash tables."""
    op.create_table(
        "export_import",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("platform_id", sa.String(64), nullable=False),
        sa.Column("imported_at", _STAMP, nullable=False),
        sa.Column("export_date", _STAMP, nullable=False),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("audit_run.id", ondelete="SET NULL")),
        sa.Column("items_answered", sa.Integer, nullable=False),
        sa.Column("connection_count", sa.Integer, nullable=False),
        sa.Column("request_count", sa.Integer, nullable=False),
        sa.Column("public_switches", sa.Integer, nullable=False),
        sa.CheckConstraint(
            "items_answered >= 0 AND connection_count >= 0 AND request_count >= 0"
            " AND public_switches >= 0",
            name="import_counts",
        ),
    )
    op.create_table(
        "connection_review",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("platform_id", sa.String(64), nullable=False),
        sa.Column("reviewed_at", _STAMP, nullable=False),
        sa.Column("export_date", _STAMP, nullable=False),
        sa.Column("reviewed_count", sa.Integer, nullable=False),
        sa.Column("marked_count", sa.Integer, nullable=False),
        sa.Column("lists", sa.String(200), nullable=False),
        sa.Column("confirmed_removed_count", sa.Integer),
        sa.Column("confirmed_at", _STAMP),
        sa.Column("confirmed_by", sa.String(16)),
        sa.Column("salt", sa.String(64)),
        sa.Column("hash_iterations", sa.Integer),
        sa.CheckConstraint(
            "marked_count >= 0 AND marked_count <= reviewed_count", name="review_counts"
        ),
        sa.CheckConstraint(
            "confirmed_removed_count IS NULL OR"
            " (confirmed_removed_count >= 0 AND confirmed_removed_count <= marked_count)",
            name="confirmed_counts",
        ),
        sa.CheckConstraint(
            "confirmed_by IS NULL OR confirmed_by IN ('export', 'worker')", name="known_confirmer"
        ),
    )
    op.create_table(
        "marked_connection_hash",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "review_id",
            sa.Integer,
            sa.ForeignKey("connection_review.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.UniqueConstraint("review_id", "digest", name="one_hash_per_person"),
    )


def downgrade() -> None:
    """Drop the three tables again, hashes first."""
    for table in ("marked_connection_hash", "connection_review", "export_import"):
        op.drop_table(table)
