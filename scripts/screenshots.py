"""Screenshots of the main screens, for looking at the app as a person would.

Run under a real X server, e.g.:
    xvfb-run -a -s "-screen 0 1280x900x24" .venv/bin/python scripts/screenshots.py OUT_DIR
Writes onboarding.png, dashboard.png, history.png, item.png, end-card.png, summary.png,
report.png and settings.png from demo data in a temporary data home. FOOTPRINT_SIZE=1366x768
sizes the main window (default 1000x700); for a small screen with the offscreen platform use
QT_QPA_PLATFORM="offscreen:configfile=screen.json" with a screens list of that size. Set
FOOTPRINT_SCALE=2 to see the screens at 200 % scaling, FOOTPRINT_DARK=1 for a dark palette.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_SCALE_FACTOR", os.environ.get("FOOTPRINT_SCALE", "1"))

from PySide6.QtWidgets import QApplication  # noqa: E402

from app.audit.answers import AnswerStatus  # noqa: E402
from app.clock import SystemClock  # noqa: E402
from app.footprint import open_footprint  # noqa: E402
from app.paths import DataHome  # noqa: E402
from app.ui.application import configure_qt_settings  # noqa: E402
from app.ui.jobs import JobRunner  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402
from app.ui.profile_dialog import ProfileDialog  # noqa: E402
from app.ui.theme import apply_accessible_theme  # noqa: E402


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def dark(app: QApplication) -> None:
    """A dark Fusion palette, as a desktop in dark mode gives the app."""
    from PySide6.QtGui import QColor, QPalette

    app.setStyle("Fusion")
    palette = QPalette()
    role = QPalette.ColorRole
    colours = {
        role.Window: "#2b2b2b", role.WindowText: "#eeeeee", role.Base: "#1e1e1e",
        role.AlternateBase: "#2f2f2f", role.Text: "#eeeeee", role.Button: "#3a3a3a",
        role.ButtonText: "#eeeeee", role.Highlight: "#2a82da", role.HighlightedText: "#ffffff",
        role.ToolTipBase: "#2b2b2b", role.ToolTipText: "#eeeeee", role.PlaceholderText: "#aaaaaa",
    }  # fmt: skip
    for which, colour in colours.items():
        palette.setColor(which, QColor(colour))
    app.setPalette(palette)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    if os.environ.get("FOOTPRINT_DARK"):
        dark(app)
    apply_accessible_theme(app)
    footprint = open_footprint(DataHome(Path(tempfile.mkdtemp())), SystemClock())
    configure_qt_settings(footprint)
    jobs = JobRunner()
    onboarding = ProfileDialog(footprint=footprint, jobs=jobs, first_launch=True)
    onboarding.show()
    onboarding.accept()  # empty: the problems show beside their fields
    settle(app)
    onboarding.grab().save(str(out / "onboarding.png"))
    onboarding.close()
    footprint.write_demo_data()
    window = MainWindow(footprint=footprint)
    width, height = (int(n) for n in os.environ.get("FOOTPRINT_SIZE", "1000x700").split("x"))
    window.resize(width, height)
    window.show()
    settle(app)
    window.start_reminders()
    settle(app)
    window.grab().save(str(out / "dashboard.png"))
    from app.ui.history_dialog import HistoryDialog

    history = HistoryDialog(footprint=footprint, parent=window)
    history.show()
    settle(app)
    history.grab().save(str(out / "history.png"))
    history.close()
    from app.ui.report_dialog import ReportDialog

    report = ReportDialog(footprint=footprint, jobs=window.jobs, parent=window)
    report.show()
    settle(app)
    report.grab().save(str(out / "report.png"))
    report.close()
    settings = ProfileDialog(footprint=footprint, jobs=window.jobs, first_launch=False)
    settings.show()
    settle(app)
    settings.grab().save(str(out / "settings.png"))
    settings.close()
    window.start_or_resume_audit()  # a full audit: the strip shows every platform
    window.audit_page.answer_buttons[AnswerStatus.NEEDS_ACTION].click()
    window.audit_page.back_button.click()  # the answer given shows as the pressed button
    settle(app)
    window.grab().save(str(out / "item.png"))
    session = window.audit_page.session
    first = session.platforms[0] if session else None
    while session and first and session.position() and session.position().platform == first:
        window.audit_page.answer_buttons[AnswerStatus.SAFE].click()
    settle(app)
    window.grab().save(str(out / "end-card.png"))  # the first platform done, the next begun
    window.audit_page.finish_button.click()
    window.summary_page.mark_fixed()
    window.summary_page.undo_button.setFocus()  # a focused control shows its ring
    settle(app)
    window.grab().save(str(out / "summary.png"))
    window.jobs.shutdown()
    footprint.close()
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots"))
