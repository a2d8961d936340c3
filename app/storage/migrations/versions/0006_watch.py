"""The watch: the worker's opt-in, each platform's schedule, its looks and the drift it saw.

Revision ID: 0006
Revises: 0005

- watch_choice: one row (id 1) once the worker has chosen — whether the signed-out watch is
  on, and when that was chosen. No row: never chosen, so off.
- watch_platform: per watched platform, when it was last and will next be looked at, how the
  last look ended and how many looks in a row did not see the page (the back-off).
- watch_look: every look the watch made — platform, when, how it ended — for the daily cap
  and the costs shown to the worker.
- watch_drift: a topic a signed-out stranger could not see at the last look and can now:
  platform, topic, the verdicts before and after, when, the source ("seen by the watch,
  signed out") and when the worker confirmed having seen it.

Never a page's text, an address or anyone's name: topics and verdicts are Footprint's words.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_STAMP = sa.String(40)
_OUTCOMES = "('seen', 'rate limited', 'wall', 'failed', 'offline')"


def upgrade() -> None:
    """Add the watch's four tables."""
    op.create_table(
        "watch_choice",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("signed_out", sa.Boolean, nullable=False),
        sa.Column("chosen_at", _STAMP, nullable=False),
        sa.CheckConstraint("id = 1", name="single_watch_choice"),
    )
    op.create_table(
        "watch_platform",
        sa.Column("platform_id", sa.String(64), primary_key=True),
        sa.Column("next_look_at", _STAMP, nullable=False),
        sa.Column("last_look_at", _STAMP),
        sa.Column("last_outcome", sa.String(16)),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.CheckConstraint(
            f"last_outcome IS NULL OR last_outcome IN {_OUTCOMES}", name="known_last_outcome"
        ),  # fmt: skip
    )
    op.create_table(
        "watch_look",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("platform_id", sa.String(64), nullable=False),
        sa.Column("looked_at", _STAMP, nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.CheckConstraint(f"outcome IN {_OUTCOMES}", name="known_outcome"),
    )
    op.create_index("ix_watch_look_looked_at", "watch_look", ["looked_at"])
    op.create_table(
        "watch_drift",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("platform_id", sa.String(64), nullable=False),
        sa.Column("topic", sa.String(32), nullable=False),
        sa.Column("before", sa.String(16), nullable=False),
        sa.Column("after", sa.String(16), nullable=False),
        sa.Column("seen_at", _STAMP, nullable=False),
        sa.Column("source", sa.String(64), nullable=False),
        sa.Column("confirmed_at", _STAMP),
    )


def downgrade() -> None:
    """Drop the watch's tables."""
    op.drop_table("watch_drift")
    op.drop_index("ix_watch_look_looked_at", table_name="watch_look")
    op.drop_table("watch_look")
    op.drop_table("watch_platform")
    op.drop_table("watch_choice")
