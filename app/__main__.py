"""`python -m app [command]`: the same as the `footprint` command."""

from app.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
