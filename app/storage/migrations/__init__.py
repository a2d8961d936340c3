"""The Alembic migrations: `env.py` and one revision per schema change in `versions/`."""
