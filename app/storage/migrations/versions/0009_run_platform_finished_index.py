"""An index of the platform checks by platform and finishing time.

Revision ID: 0009
Revises: 0008

- ix_run_platform_finished (run_platform.platform_id, completed_at, run_id): the dashboard
  needs, of each platform, its newest finished check and the one before it. Without the index
  SQLite reads every check ever made (ten years of monthly audits: 1,080) to find them; with
  it each is one seek (`read_statements._runs_the_dashboard_reads`). Measured on ten years of
  monthly audits in benchmarks/history.py.
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the index of platform checks by platform and finishing time."""
    op.create_index(
        "ix_run_platform_finished", "run_platform", ["platform_id", "completed_at", "run_id"]
    )


def downgrade() -> None:
    """Drop the index of platform checks by platform and finishing time."""
    op.drop_index("ix_run_platform_finished", table_name="run_platform")
