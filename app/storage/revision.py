"""The schema revision this version of Footprint expects (checked without importing Alembic).

A test asserts this equals the head of app/storage/migrations.
"""

SCHEMA_HEAD = "0003"
