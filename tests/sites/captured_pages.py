"""Profile pages that public projects captured from the live sites, replayed on 127.0.0.1.

`tests/pages/MANIFEST.toml` lists each page: the file in `tests/pages/captured/` (gzipped,
trimmed by `tests/pages/trim.py`) or, for a "marker" page, in `tests/pages/markers/` (a
minimal page around the exact string a username checker keeps for the site); where it came
from (repository, path, commit); the address a worker would give for it; how the live site
answered (status, redirect); and the verdicts its content shows. `CapturedPages` serves one
page at a time — `show(page)` — at its address's path under `/<platform>`, so each look meets
exactly that capture, as the site sent it.
"""

from __future__ import annotations

import gzip
import threading
import tomllib
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import urlsplit

from tests.sites.local_server import LocalServer
from tests.sites.public_pages import ORIGINS

HERE = Path(__file__).resolve().parent.parent / "pages"


@dataclass(frozen=True)
class CapturedPage:
    """One captured page and what its content shows (see the manifest's header)."""

    id: str
    file: str
    platform: str
    address: str
    name: str  # the account's own name, as its owner would give it in Footprint
    source: str
    path: str
    commit: str
    captured: str
    layout: str
    outcome: str  # "profile", "wall", "missing" or "can't tell"
    status: int = 200
    redirect: str = ""  # the platform's path the live site sent the browser to
    redirect_file: str = ""  # what that path served (a login page)
    needs_scripts: bool = False
    expected: dict[str, str] = field(default_factory=dict)  # topic → "yes" / "no" / "can't tell"
    note: str = ""
    organisation: str = ""  # the workplace the page shows, as its owner would give it
    kind: str = "capture"  # or "marker": a minimal page holding a checker's exact string
    marker: str = ""  # that string, as the checker's data file has it

    @property
    def served_path(self) -> str:
        """The address's path, as the replica serves it (under the platform's prefix)."""
        origin = ORIGINS[self.platform]
        assert self.address.startswith(origin), self.address
        return f"/{self.platform}{self.address[len(origin) :]}"

    def html(self, file: str = "") -> bytes:
        """The page as captured (decompressed), or the marker page."""
        data = (HERE / (file or self.file)).read_bytes()
        return gzip.decompress(data) if (file or self.file).endswith(".gz") else data


def load_pages() -> list[CapturedPage]:
    """Every page of the manifest, in its order."""
    manifest = tomllib.loads((HERE / "MANIFEST.toml").read_text(encoding="utf-8"))
    return [CapturedPage(**entry) for entry in manifest["page"]]


class CapturedPages(LocalServer):
    """ThreadingHTTPServer on 127.0.0.1, port 0, serving the page last `show`n."""

    def __init__(self) -> None:
        self.current: CapturedPage | None = None
        self._lock = threading.Lock()
        self._listen(_handler(self))

    def show(self, page: CapturedPage) -> None:
        with self._lock:
            self.current = page

    def url_map(self) -> dict[str, str]:
        """Each platform's real origin → this server."""
        return {origin: f"{self.base}/{pid}" for pid, origin in ORIGINS.items()}


def _handler(pages: CapturedPages) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            return  # quiet tests

        def do_GET(self) -> None:  # noqa: N802
            page = pages.current
            path = urlsplit(self.path).path
            redirect = urlsplit(page.redirect).path if page and page.redirect else None
            if page is not None and path.rstrip("/") == page.served_path.rstrip("/"):
                if page.redirect:
                    self.send_response(302)
                    self.send_header("Location", f"/{page.platform}{page.redirect}")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self._send(page.status, page.html())
            elif (
                page is not None
                and redirect is not None
                and (path.rstrip("/") == f"/{page.platform}{redirect}".rstrip("/"))
            ):
                body = page.html(page.redirect_file) if page.redirect_file else b""
                self._send(200, body)
            else:
                self._send(404, b"<!DOCTYPE html><html><body><p>Nothing here</p></body></html>")

        def _send(self, status: int, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler
