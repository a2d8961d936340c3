"""What identifies Footprint's database, checked without importing Alembic.

A test asserts SCHEMA_HEAD equals the head of app/storage/migrations.
"""

SCHEMA_HEAD = "0009"

# Written into the SQLite header (`PRAGMA application_id`) of every database Footprint makes,
# so a file that merely has the right name is never mistaken for ours: the bytes "FtPr".
APPLICATION_ID = 0x46745072

# The tables a database made before the application id existed can hold (revisions 0001 to
# 0004, and Alembic's own). Such a database is recognised by these and stamped; this list is
# history and does not grow with later revisions (their databases carry the id).
LEGACY_TABLES = frozenset(
    {
        "alembic_version",
        "profile",
        "user_platform",
        "audit_run",
        "run_platform",
        "answer",
        "export_import",
        "connection_review",
        "marked_connection_hash",
        "report_made",
        "keyring_entry",
        "public_address",
    }
)
