"""Entry script of the frozen console program (footprint-cli): every `footprint` command."""

from app.cli import main

raise SystemExit(main())
