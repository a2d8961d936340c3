"""The stranger's view: the findings of the latest look at each public profile.

Revision ID: 0005
Revises: 0004

- outside_finding: per platform, what a signed-out stranger could see at the worker's public
  address — a topic, a verdict (yes / no / can't tell), a reason in Footprint's own words,
  the date, and a caveat in Footprint's words where the finding is not the whole story (a
  sign-in wall that automated browsers meet; what the platform always shows) or "". Never
  the page's text, a picture, the address or anyone's name: a new look at a platform
  replaces its rows.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the table of the newest stranger's-view findings per platform."""
    op.create_table(
        "outside_finding",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("platform_id", sa.String(64), nullable=False),
        sa.Column("topic", sa.String(32), nullable=False),
        sa.Column("verdict", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("seen_at", sa.String(40), nullable=False),
        sa.Column("caveat", sa.Text, nullable=False),
        sa.CheckConstraint("verdict IN ('yes', 'no', 'can''t tell')", name="known_verdict"),
    )
    op.create_index("ix_outside_finding_platform", "outside_finding", ["platform_id"])


def downgrade() -> None:
    """Drop the stranger's-view findings (and their index)."""
    op.drop_index("ix_outside_finding_platform", table_name="outside_finding")
    op.drop_table("outside_finding")
