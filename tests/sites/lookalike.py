"""A look-alike sign-in page on a second local port, remembering everything sent to it.

It serves a platform's replica login form at every address, posting back to itself, as a
phishing copy would. Tests assert it never receives the saved password.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.sites.replica import SITES


class LookAlike:
    """ThreadingHTTPServer on 127.0.0.1, port 0, serving `platform`'s login form copy."""

    def __init__(self, platform: str) -> None:
        page = (SITES / platform / "login.html").read_text(encoding="utf-8")
        self.page = page.replace("{{error}}", "").replace(f'action="/{platform}/', 'action="/')
        self.received: list[str] = []  # "GET /path", "POST /path body=…"
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> LookAlike:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def record(self, entry: str) -> None:
        with self._lock:
            self.received.append(entry)


def _handler(site: LookAlike) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            if self.path != "/favicon.ico":  # the browser asks for it by itself
                site.record(f"GET {self.path}")
            body = site.page.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", 0))
            site.record(f"POST {self.path} body={self.rfile.read(length).decode(errors='replace')}")
            self.do_GET()

    return Handler
