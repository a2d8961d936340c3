"""Logging to a file in the data home; tracebacks go there, never to the worker's screen."""

from __future__ import annotations

import logging
import os
from io import TextIOWrapper
from pathlib import Path


class _OwnerOnlyFileHandler(logging.FileHandler):
    """A log file readable by its owner only, like the database it describes."""

    def _open(self) -> TextIOWrapper:
        descriptor = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        if hasattr(os, "fchmod"):  # a log left by an older version may be 0644; not on Windows
            os.fchmod(descriptor, 0o600)
        return open(descriptor, "a", encoding=self.encoding, errors=self.errors)


def configure_logging(log_file: Path) -> None:
    """Send every log record to `log_file` (created owner-only on the first record)."""
    handler = _OwnerOnlyFileHandler(log_file, encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in root.handlers[:]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
