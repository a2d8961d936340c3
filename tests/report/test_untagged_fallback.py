"""A PDF whose tagging fails is still written, untagged, and the log says why: the worker's
supervision record matters more than its tags (issue 31's tagging rides on pikepdf)."""

from __future__ import annotations

import logging

import pikepdf

import app.report.tagged
from app.clock import SystemClock
from app.footprint import open_footprint
from app.paths import DataHome
from app.report.html import render_report
from app.report.pdf import write_pdf


def test_a_failed_tagging_still_writes_the_record_untagged(
    qapp, tmp_path, monkeypatch, caplog
) -> None:
    def broken(*_args: object, **_kwargs: object) -> bytes:
        raise RuntimeError("Qt wrote its PDF another way")

    monkeypatch.setattr(app.report.tagged, "tag_pdf", broken)
    footprint = open_footprint(DataHome(tmp_path / "home"), SystemClock())
    try:
        footprint.write_demo_data()
        out = tmp_path / "report.pdf"
        with caplog.at_level(logging.ERROR, logger="app.report.pdf"):
            pages = write_pdf(render_report(footprint.report()), out)
    finally:
        footprint.close()
    with pikepdf.open(out) as pdf:
        assert len(pdf.pages) == pages > 1
        assert "/StructTreeRoot" not in pdf.Root  # untagged, as Qt wrote it
    assert "could not be tagged" in caplog.text
    assert "Qt wrote its PDF another way" in caplog.text  # the traceback, for the log
