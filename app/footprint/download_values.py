"""The values of data downloads that the import and review windows show.

What an export held (findings, the people in a friend list), what importing it would record
and did, and the pure wording of the summary and the request and removal steps: from the
readers of the platforms' downloads and their service. The windows import them from here,
never from those packages (the architecture test checks it).
"""

from app.downloads.detect import READERS
from app.downloads.download_errors import ImportCancelled, shown_name
from app.downloads.findings import ExportFindings, Person
from app.downloads.recording import ImportOutcome, ImportPreview
from app.downloads.removal_steps import GENERAL, removal_step
from app.downloads.request_steps import request_for
from app.downloads.summary import Section, answer_line, import_summary
from app.services.downloads import NO_KEYRING, ExportRead

IMPORT_CANCELLED = str(ImportCancelled())  # what the window says when Cancel was pressed

__all__ = [
    "GENERAL",
    "IMPORT_CANCELLED",
    "NO_KEYRING",
    "READERS",
    "ExportFindings",
    "ExportRead",
    "ImportOutcome",
    "ImportPreview",
    "Person",
    "Section",
    "answer_line",
    "import_summary",
    "removal_step",
    "request_for",
    "shown_name",
]
