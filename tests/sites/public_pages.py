"""Replica public profile pages on 127.0.0.1, for "See what a stranger sees".

Each page in `public/` stands for what a signed-out visitor is shown at one of the worker's
public addresses, modelled on the public evidence in the project notes
(`automation/outside-in.md`): X's profile JSON-LD, LinkedIn's authwall and public-profile
JSON-LD, Instagram's "This account is private", Meta's cookie notice, Strava's athlete page,
Bluesky's logged-out message. `PublicPages` serves them under `/<platform>/…` with the status
or redirect each case needs, and records the cookie-notice choices pages post back.

`DISTINCTIVE` lists words that appear only in these pages (never in the worker's profile):
the tests look for them in every file of the data home, to show nothing of a page is kept.
"""

from __future__ import annotations

import socket
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import urlsplit

from tests.sites.local_server import LocalServer

PAGES = Path(__file__).resolve().parent / "public"
# Each platform's public origin, as `app/stranger/public_profiles.py` writes addresses.
ORIGINS = {
    "facebook": "https://www.facebook.com",
    "instagram": "https://www.instagram.com",
    "x": "https://x.com",
    "linkedin": "https://www.linkedin.com",
    "tiktok": "https://www.tiktok.com",
    "youtube": "https://www.youtube.com",
    "strava": "https://www.strava.com",
    "threads": "https://www.threads.com",
    "bluesky": "https://bsky.app",
    "pinterest": "https://www.pinterest.com",
    "reddit": "https://www.reddit.com",
    "snapchat": "https://www.snapchat.com",
}
DISTINCTIVE = (
    "Zephyrine", "Tobermory", "Pennywhistle", "marmalade", "Quokka", "900123",
    "jo.quokka@example.org", "sourdough", "lighthouse", "Lighthouse Bakery", "Tea enthusiast",
)  # fmt: skip


@dataclass(frozen=True)
class Route:
    file: str = ""
    status: int = 200
    redirect: str = ""  # where to send the browser instead ("{port}": this server's port)
    set_cookie: str = ""  # a Set-Cookie header, to show each address gets a fresh context
    held: bool = False  # answered only once the test calls `release()` (a page that hangs)
    body: str = ""  # the page itself, for hostile pages made here rather than in a file
    kind: str = ""  # its Content-Type, when not HTML
    download: bool = False  # sent as an attachment: the browser downloads it


# Hostile pages (issue 32.2): a script that never yields, in the head or once loaded, and
# structured data far larger than any profile's.
BUSY_LOOP = "<script>for (;;) {}</script>"
BUSY_HEAD = f"<!DOCTYPE html><html><head>{BUSY_LOOP}</head><body><h1>Zephyrine</h1></body></html>"
BUSY_LATER = (
    "<!DOCTYPE html><html><head><title>Zephyrine</title></head><body><h1>Zephyrine</h1>"
    "<script>addEventListener('load', () => setTimeout(() => { for (;;) {} }, 50));</script>"
    "</body></html>"
)
HUGE_BLOCK = '{"@type": "Person", "name": "Zephyrine", "description": "' + "x" * 400_000 + '"}'
HUGE_STRUCTURED = (
    "<!DOCTYPE html><html><head><title>Zephyrine</title>"
    + f'<script type="application/ld+json">{HUGE_BLOCK}</script>' * 40
    + '<script type="application/ld+json">{"@type": "Person", "name": "Zephyrine Quokka"}'
    + "</script></head><body><h1>Zephyrine</h1></body></html>"
)


ROUTES: dict[str, Route] = {
    "/x/jo_public": Route("x_public.html"),
    "/instagram/jo.locked/": Route("instagram_private.html"),
    "/instagram/jo.cookies/": Route("instagram_cookies.html"),
    "/instagram/jo.signin/": Route("instagram_signin_box.html"),
    "/instagram/jo.busy/": Route("rate_limit.html", 429),
    "/linkedin/in/jo-wall": Route(redirect="/linkedin/authwall?trk=public_profile"),
    "/linkedin/authwall": Route("linkedin_authwall.html"),
    "/linkedin/in/jo-worker": Route("linkedin_employer.html"),
    "/tiktok/@jo.phone": Route("tiktok_phone.html"),
    "/strava/athletes/12345678": Route("strava_athlete.html"),
    "/bluesky/profile/jo.bsky.social": Route("bluesky_hidden.html"),
    "/facebook/jo.worker": Route("facebook_public.html"),
    "/facebook/jo.gone": Route("facebook_unavailable.html"),
    "/threads/@jo.stuck": Route("threads_cookies_stuck.html"),
    "/pinterest/nobodyhere/": Route("not_found.html", 404),
    # The same server under another host name is another origin: X sending the browser off
    # its own site.
    "/x/jo_moved": Route(redirect="http://localhost:{port}/x/jo_public"),
    # A page that sets a cookie, then fetches /x/ping (which therefore carries it).
    "/x/jo_cookie": Route("x_cookie.html", set_cookie="footprint_seen=jo; Path=/"),
    "/x/ping": Route(status=204),
    "/x/jo_cookies": Route("x_cookies.html"),
    # Instagram's "slow down" screen, served as an ordinary page (HTTP 200).
    "/instagram/jo.wait/": Route("rate_limit.html"),
    # A page that does not answer until the test lets it (Cancel while a page loads).
    "/x/jo_hanging": Route("x_public.html", held=True),
    # A page that is blank but for a spinner; and one that builds itself from a fetch, as
    # the platforms' JavaScript apps do.
    "/tiktok/@jo.blank": Route("blank.html"),
    "/tiktok/@jo.script": Route("tiktok_script.html"),
    "/tiktok/api/user": Route("tiktok_user.json"),
    "/x/jo_busy_head": Route(body=BUSY_HEAD),
    "/x/jo_busy_later": Route(body=BUSY_LATER),
    "/x/jo_huge": Route(body=HUGE_STRUCTURED),
    "/x/jo_file": Route(body="Zephyrine,1\n", kind="text/csv", download=True),
    "/x/jo_loop": Route(redirect="/x/jo_loop"),  # redirects to itself, for ever
}
# The worker's addresses for each case, as Settings would keep them.
ADDRESSES = {
    "public": ("x", "https://x.com/jo_public"),
    "private": ("instagram", "https://www.instagram.com/jo.locked/"),
    "cookies": ("instagram", "https://www.instagram.com/jo.cookies/"),
    "sign-in box": ("instagram", "https://www.instagram.com/jo.signin/"),
    "rate limited": ("instagram", "https://www.instagram.com/jo.busy/"),
    "wall": ("linkedin", "https://www.linkedin.com/in/jo-wall"),
    "employer": ("linkedin", "https://www.linkedin.com/in/jo-worker"),
    "phone": ("tiktok", "https://www.tiktok.com/@jo.phone"),
    "activities": ("strava", "https://www.strava.com/athletes/12345678"),
    "hidden": ("bluesky", "https://bsky.app/profile/jo.bsky.social"),
    "facebook": ("facebook", "https://www.facebook.com/jo.worker"),
    "unavailable": ("facebook", "https://www.facebook.com/jo.gone"),
    "cookies stuck": ("threads", "https://www.threads.com/@jo.stuck"),
    "not found": ("pinterest", "https://www.pinterest.com/nobodyhere/"),
    "refused": ("reddit", "https://www.reddit.com/user/jo_worker"),
    "elsewhere": ("x", "https://x.com/jo_moved"),
    "sets a cookie": ("x", "https://x.com/jo_cookie"),
    "x cookies": ("x", "https://x.com/jo_cookies"),
    "slow down": ("instagram", "https://www.instagram.com/jo.wait/"),
    "hanging": ("x", "https://x.com/jo_hanging"),
    "blank": ("tiktok", "https://www.tiktok.com/@jo.blank"),
    "script": ("tiktok", "https://www.tiktok.com/@jo.script"),
    "busy head": ("x", "https://x.com/jo_busy_head"),
    "busy later": ("x", "https://x.com/jo_busy_later"),
    "huge structured data": ("x", "https://x.com/jo_huge"),
    "download": ("x", "https://x.com/jo_file"),
    "endless redirect": ("x", "https://x.com/jo_loop"),
}
REFUSING = ("reddit",)  # platforms mapped to a port where nothing listens


class PublicPages(LocalServer):
    """ThreadingHTTPServer on 127.0.0.1, port 0: `start()`, then `url_map()`."""

    def __init__(self) -> None:
        self.consent_choices: list[str] = []  # "instagram decline", in order
        self.visits: list[str] = []
        self.cookies: list[tuple[str, str]] = []  # (path, Cookie header) of every GET
        self.held = threading.Event()  # a held page was asked for
        self._release = threading.Event()
        self._listen(_handler(self))

    def stop(self) -> None:
        self.release()
        super().stop()

    def reset(self) -> None:
        self.consent_choices.clear()
        self.visits.clear()
        self.cookies.clear()
        self.held.clear()
        self._release.clear()

    def release(self) -> None:
        """Let held pages answer (also done on `stop`, so no request hangs forever)."""
        self._release.set()

    def url_map(self) -> dict[str, str]:
        """Each platform's real origin → its replica here (a closed port for REFUSING)."""
        closed = f"http://127.0.0.1:{_closed_port()}"
        return {
            origin: f"{closed if pid in REFUSING else self.base}/{pid}"
            for pid, origin in ORIGINS.items()
        }


def _closed_port() -> int:
    """A local port nothing listens on: bound, then released at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _type(file: str) -> str:
    return "application/json" if file.endswith(".json") else "text/html"


def _handler(pages: PublicPages) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            return  # quiet tests

        def do_GET(self) -> None:  # noqa: N802
            path = urlsplit(self.path).path
            if path == "/favicon.ico":
                # The browser asks for it by itself, sometimes after the look (and the test)
                # that loaded the page has ended: it is no page a look opened.
                self._send(404, "")
                return
            pages.visits.append(path)
            pages.cookies.append((path, self.headers.get("Cookie", "")))
            route = ROUTES.get(path)
            if route is not None and route.held:
                pages.held.set()
                pages._release.wait(timeout=60)
            if route is None:
                self._send(404, "<!DOCTYPE html><html><body><p>Nothing here</p></body></html>")
            elif route.redirect:
                port = str(self.server.server_address[1])
                self.send_response(302)
                self.send_header("Location", route.redirect.replace("{port}", port))
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif route.download:
                self.send_response(200)
                self.send_header("Content-Disposition", 'attachment; filename="profile.csv"')
                self._send_body(route.body, route.kind)
            else:
                body = (PAGES / route.file).read_text(encoding="utf-8") if route.file else ""
                kind = route.kind or _type(route.file)
                self._send(route.status, route.body or body, route.set_cookie, kind)

        def _send_body(self, body: str, kind: str) -> None:
            data = body.encode("utf-8")
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self) -> None:  # noqa: N802
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode("utf-8", "replace")
            platform = urlsplit(self.path).path.strip("/").split("/")[0]
            pages.consent_choices.append(f"{platform} {body}")
            self._send(204, "")

        def _send(
            self, status: int, body: str, set_cookie: str = "", kind: str = "text/html"
        ) -> None:
            data = body.encode("utf-8")
            try:
                self.send_response(status)
                if set_cookie:
                    self.send_header("Set-Cookie", set_cookie)
                if data:
                    self.send_header("Content-Type", f"{kind}; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if data:
                    self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the browser gave up on a held page: nobody is listening

    return Handler
