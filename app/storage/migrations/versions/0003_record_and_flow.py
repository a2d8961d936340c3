"""Fixes as their own dated answers, reports made, keyring entries created, the worker's
public addresses and profile choices for the Code clauses.

Revision ID: 0003
Revises: 0002

- answer.kind: 'answer', or 'fix' for "I fixed it" after an audit (the worker's note stays).
- answer.source may be 'outside': what a signed-out stranger's browser saw.
- profile.works_with_children, profile.code_edition: which Code clauses the worker is shown.
- report_made: when a supervision report was saved or printed, and the period it covered.
- keyring_entry: which keyring entries Footprint created (names of services, no secrets), so
  "Delete all my data" touches the keyring only where Footprint stored something.
- public_address: the worker's own public profile addresses, for the stranger's view.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_STAMP = sa.String(40)


def upgrade() -> None:
    """Add answer.kind, the 'outside' source, the profile's Code choices and three tables."""
    with op.batch_alter_table("answer", recreate="always") as batch:
        batch.add_column(sa.Column("kind", sa.String(16), nullable=False, server_default="answer"))
        batch.drop_constraint("known_source", type_="check")
        batch.create_check_constraint(
            "known_source", "source IN ('manual', 'automation', 'export', 'outside')"
        )
        batch.create_check_constraint("known_kind", "kind IN ('answer', 'fix')")
    with op.batch_alter_table("profile") as batch:
        batch.add_column(
            sa.Column("works_with_children", sa.Boolean, nullable=False, server_default="0")
        )
        batch.add_column(sa.Column("code_edition", sa.String(16)))
    op.create_table(
        "report_made",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("made_at", _STAMP, nullable=False),
        sa.Column("period_start", _STAMP),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("audit_run.id", ondelete="SET NULL")),
    )
    op.create_table(
        "keyring_entry",
        sa.Column("service", sa.String(128), primary_key=True),
        sa.Column("created_at", _STAMP, nullable=False),
    )
    op.create_table(
        "public_address",
        sa.Column("platform_id", sa.String(64), primary_key=True),
        sa.Column("address", sa.Text, nullable=False),
    )


def downgrade() -> None:
    """Drop the new tables and columns and restore 0002's checks on `answer`."""
    op.drop_table("public_address")
    op.drop_table("keyring_entry")
    op.drop_table("report_made")
    with op.batch_alter_table("profile") as batch:
        batch.drop_column("code_edition")
        batch.drop_column("works_with_children")
    with op.batch_alter_table("answer", recreate="always") as batch:
        batch.drop_constraint("known_kind", type_="check")
        batch.drop_constraint("known_source", type_="check")
        batch.create_check_constraint(
            "known_source", "source IN ('manual', 'automation', 'export')"
        )
        batch.drop_column("kind")
