"""Screenshots of the main screens, for looking at the app as a person would.

Run under a real X server, e.g.:
    xvfb-run -a -s "-screen 0 1280x900x24" .venv/bin/python scripts/screenshots.py OUT_DIR
Writes onboarding.png, dashboard.png, history.png, item.png and summary.png from demo data in a
temporary data home. Set FOOTPRINT_SCALE=2 to see the screens at 200 % scaling.
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
from app.ui.main_window import MainWindow  # noqa: E402
from app.ui.profile_dialog import ProfileDialog  # noqa: E402


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    footprint = open_footprint(DataHome(Path(tempfile.mkdtemp())), SystemClock())
    configure_qt_settings(footprint)
    onboarding = ProfileDialog(footprint=footprint, first_launch=True)
    onboarding.show()
    settle(app)
    onboarding.grab().save(str(out / "onboarding.png"))
    onboarding.close()
    footprint.write_demo_data()
    window = MainWindow(footprint=footprint)
    window.resize(1000, 700)
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
    window.recheck_platform(footprint.catalogue.platforms[0].id)
    window.audit_page.answer_buttons[AnswerStatus.SAFE].click()
    settle(app)
    window.grab().save(str(out / "item.png"))
    while window.audit_page.session and not window.audit_page.session.is_finished:
        window.audit_page.answer_buttons[AnswerStatus.NEEDS_ACTION].click()
    settle(app)
    window.grab().save(str(out / "summary.png"))
    footprint.close()
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots"))
