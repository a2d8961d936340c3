"""An index of the answers by item, for the newest answer to each item.

Revision ID: 0008
Revises: 0007

- ix_answer_item (answer.platform_id, answer.item_id): the dashboard reads the newest answer
  to every item on every start. Without it SQLite sorts every answer ever given to group them
  by item; with it the answers are read in item order from the index alone (and, since the
  row id is the last part of every index entry, the newest per item as well). Measured on
  ten years of monthly audits in benchmarks/history.py.
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the index of answers by platform and item."""
    op.create_index("ix_answer_item", "answer", ["platform_id", "item_id"])


def downgrade() -> None:
    """Drop the index of answers by platform and item."""
    op.drop_index("ix_answer_item", table_name="answer")
