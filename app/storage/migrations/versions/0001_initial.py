"""The first schema: profile, platforms in use, audit runs, their platforms and answers.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_STAMP = sa.String(40)


def upgrade() -> None:
    """Create the five first tables, with their keys and checks."""
    op.create_table(
        "profile",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("display_name", sa.Text, nullable=False),
        sa.Column("role", sa.Text, nullable=False),
        sa.Column("organisation", sa.Text, nullable=False),
        sa.Column("regulator", sa.String(16), nullable=False),
        sa.Column("supervisor", sa.Text, nullable=False),
        sa.Column("updated_at", _STAMP, nullable=False),
        sa.CheckConstraint("id = 1", name="single_profile"),
    )
    op.create_table(
        "user_platform",
        sa.Column("platform_id", sa.String(64), primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("recheck_days", sa.Integer),
        sa.Column("snoozed_until", _STAMP),
    )
    op.create_table(
        "audit_run",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("started_at", _STAMP, nullable=False),
        sa.Column("completed_at", _STAMP),
    )
    op.create_table(
        "run_platform",
        sa.Column(
            "run_id",
            sa.Integer,
            sa.ForeignKey("audit_run.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("platform_id", sa.String(64), primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("completed_at", _STAMP),
        sa.Column("skipped", sa.Boolean, nullable=False),
    )
    op.create_table(
        "answer",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "run_id",
            sa.Integer,
            sa.ForeignKey("audit_run.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("platform_id", sa.String(64), nullable=False),
        sa.Column("item_id", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("observed", sa.Text),
        sa.Column("note", sa.Text),
        sa.Column("answered_at", _STAMP, nullable=False),
        sa.CheckConstraint(
            "status IN ('safe', 'needs_action', 'not_applicable', 'unsure', 'not_checked')",
            name="known_status",
        ),
        sa.CheckConstraint("source IN ('manual', 'automation', 'export')", name="known_source"),
    )
    op.create_index("ix_answer_run_item", "answer", ["run_id", "platform_id", "item_id"])


def downgrade() -> None:
    """Drop the five tables, children before the tables they point at."""
    for table in ("answer", "run_platform", "audit_run", "user_platform", "profile"):
        op.drop_table(table)
