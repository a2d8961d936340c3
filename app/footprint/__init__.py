"""The composition root and the facade: what the windows and the commands talk to.

`Footprint` (root.py) wires the data home, clock, catalogue and store once; every use case a
window needs is one of its methods, grouped by area in this package's modules. A slow use case
returns `Background` work (background.py) that the UI runs as a job. The windows import only
this package for what lies below it (the overview's `DashboardView` and `AuditStart` from
here); the values of automation and data downloads they show
come from `read_values`, `look_values` and `download_values` here.
"""

from app.footprint.background import Background, Cancelled, Progress
from app.footprint.root import (
    Footprint,
    load_full_catalogue,
    load_shipped_catalogue,
    open_footprint,
)
from app.footprint.stranger_looks import missing_browser
from app.services.audits import AuditStart
from app.services.dashboard import DashboardView

__all__ = [
    "AuditStart",
    "Background",
    "Cancelled",
    "DashboardView",
    "Footprint",
    "Progress",
    "load_full_catalogue",
    "load_shipped_catalogue",
    "missing_browser",
    "open_footprint",
]
