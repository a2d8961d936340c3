"""Launcher: `python main.py [command]`. Everything happens in app.cli."""

from app.cli import main

raise SystemExit(main())
