"""The watch's signed-in re-reads, and whether a look had anything to compare.

Revision ID: 0007
Revises: 0006

- watch_platform.compared: False when the last look seen was the platform's first, so there
  was nothing to compare it with (NULL, from revision 0006: treated as compared).
- watch_signed_in: per platform the worker chose "Also re-read my settings when I am already
  signed in on this computer" for: when it was chosen, and the re-reads' schedule (as
  watch_platform's, with "signed out" as a way a re-read can end).
- watch_reading: the status each item read as at the platform's last signed-in re-read
  ("safe", "needs_action", "unsure"), the starting point the next re-read is compared with.
  Never the value's text from the page.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_STAMP = sa.String(40)
_OUTCOMES = "('seen', 'rate limited', 'wall', 'failed', 'offline', 'signed out')"


def upgrade() -> None:
    """Add the compared flag and the signed-in re-reads' two tables."""
    op.add_column("watch_platform", sa.Column("compared", sa.Boolean))
    op.create_table(
        "watch_signed_in",
        sa.Column("platform_id", sa.String(64), primary_key=True),
        sa.Column("chosen_at", _STAMP, nullable=False),
        sa.Column("next_look_at", _STAMP, nullable=False),
        sa.Column("last_look_at", _STAMP),
        sa.Column("last_outcome", sa.String(16)),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("compared", sa.Boolean),
        sa.CheckConstraint(
            f"last_outcome IS NULL OR last_outcome IN {_OUTCOMES}",
            name="known_signed_in_outcome",
        ),
    )
    op.create_table(
        "watch_reading",
        sa.Column("platform_id", sa.String(64), primary_key=True),
        sa.Column("item_id", sa.String(64), primary_key=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("read_at", _STAMP, nullable=False),
    )


def downgrade() -> None:
    """Drop the signed-in re-reads' tables and the compared flag."""
    op.drop_table("watch_reading")
    op.drop_table("watch_signed_in")
    with op.batch_alter_table("watch_platform") as batch:
        batch.drop_column("compared")
