"""Entry script of the frozen windowed app (Footprint, Footprint.exe, Footprint.app)."""

from app.desktop import main

raise SystemExit(main())
