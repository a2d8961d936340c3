"""A local web server for the replica sites, with switches for the failure cases.

Every platform lives under `/<platform>/`; its real origins map there (see `url_map`). The
server keeps one account per platform (username, password, settings) and one session token,
sent in a cookie with the platform's real session-cookie name (`c_user`, `sessionid`,
`auth_token`, `li_at`); a page asked for without it redirects to the platform's login page.
Sites can be switched to another language (`Site.language`, words in site.toml's
`[phrases.<language>]`), show a cookie notice until it is answered (`consent_needed`), ask
for a two-step check (`two_step`) or, for X, an extra question at sign-in
(`unusual_activity`).
"""

from __future__ import annotations

import json
import secrets
import socket
import struct
import threading
import tomllib
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

from tests.sites.local_server import LocalServer

SITES = Path(__file__).resolve().parent
USERNAME = "jo.worker@example.org"
PASSWORD = "correct horse battery staple"
TWO_STEP = "/checkpoint/"
API = "/api/setting/"  # a page's script fetches a setting's value here (see Site.api_delay)
CONSENT = "/consent"  # a cookie notice's buttons post the choice here


@dataclass
class Site:
    """One platform's replica and the state of its one account."""

    name: str
    config: dict[str, Any]
    settings: dict[str, str] = field(default_factory=dict)
    token: str = ""
    pending: str = ""
    two_step: bool = False
    two_step_approved: bool = False
    unusual_activity: bool = False  # X asks for a phone number or user name after Next
    consent_needed: bool = False  # a cookie notice until the browser answered it
    consent_choices: list[str] = field(default_factory=list)  # what was chosen, in order
    # Counts resets: a browser's answer to the notice holds only until the next reset, as a
    # test's site starts afresh even when the browser (shared by many tests) keeps its cookies.
    consent_round: int = 0
    language: str = "en"
    rewrites: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    scripts: dict[str, list[str]] = field(default_factory=dict)  # path → <script> bodies
    statuses: dict[str, int] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)  # path → any address (elsewhere)
    delays: dict[str, float] = field(default_factory=dict)
    api_delay: float = 0.0  # seconds before /api/setting/<id> answers (a late value)
    login_file: str = "login.html"  # another file stands for another form or language
    rate_limited: set[str] = field(default_factory=set)
    signs_out: set[str] = field(default_factory=set)
    changes: list[str] = field(default_factory=list)  # every non-GET request: "POST /path"
    visits: list[str] = field(default_factory=list)  # signed-in pages served, and "POST …"

    @property
    def folder(self) -> Path:
        return SITES / self.name

    @property
    def session_cookie(self) -> str:
        return str(self.config["session_cookie"])

    def field_name(self, part: str) -> str:
        """The login form's field name for "username" or "password"."""
        return str(self.config.get("fields", {}).get(part, part))

    def reset(self, *, keep_session: bool = False) -> None:
        """Safe settings, no failures set, logs empty; signed out unless `keep_session`."""
        self.settings = dict(self.config["safe"])
        if not keep_session:
            self.sign_out()
        self.pending = ""
        self.two_step = self.two_step_approved = self.unusual_activity = False
        self.consent_needed, self.language = False, "en"
        self.consent_round += 1
        for table in (self.rewrites, self.scripts, self.statuses, self.redirects, self.delays):
            table.clear()
        self.api_delay, self.login_file = 0.0, "login.html"
        for collection in (self.rate_limited, self.signs_out):
            collection.clear()
        for log in (self.changes, self.visits, self.consent_choices):
            log.clear()

    def sign_out(self) -> None:
        """End the account's session: a browser's session cookie no longer counts."""
        self.token = secrets.token_hex(8)

    def requests_after_login(self) -> list[str]:
        """The settings pages asked for since the last sign-in (the home page left out)."""
        posts = [i for i, visit in enumerate(self.visits) if visit.startswith("POST ")]
        since = self.visits[posts[-1] + 1 :] if posts else self.visits
        return [path for path in since if path not in (self.config["home"], self.after_login)]

    @property
    def after_login(self) -> str:
        return str(self.config.get("after_login", self.config["home"]))

    def make_unsafe(self) -> None:
        self.settings.update(self.config["unsafe"])

    def value(self, item_id: str) -> str:
        """The account's value for the setting `item_id`'s probe reads."""
        return self.settings[self.config.get("same_setting", {}).get(item_id, item_id)]

    def page_for(self, item_id: str) -> str:
        """The replica path of the page that shows `item_id`'s setting."""
        setting = self.config.get("same_setting", {}).get(item_id, item_id)
        for path, page in self.config["pages"].items():
            if f"{{{{{setting}" in (self.folder / page).read_text(encoding="utf-8"):
                return path
        raise KeyError(item_id)

    def rename(self, path: str, old: str, new: str) -> None:
        """The platform relabels an element: the probe's locator no longer matches."""
        self.rewrites.setdefault(path, []).append((old, new))

    def add_script(self, path: str, body: str) -> None:
        """Run `body` in the page at `path` (the login path included) after its markup."""
        self.scripts.setdefault(path, []).append(body)

    def swap(self, path: str, css: str, html: str) -> None:
        """Replace the element `css` finds with `html` as the page is built (another control
        type, another state), before the page counts as loaded."""
        self.add_script(
            path, f"document.querySelector({json.dumps(css)}).outerHTML = {json.dumps(html)};"
        )

    def render(self, path: str, *, consent_given: bool) -> str:
        page = _fill(_read(self.folder / self.config["pages"][path]), self.settings)
        return self._changed(path, page, consent_given=consent_given)

    def render_login(self, error: str = "", *, consent_given: bool) -> str:
        page = _fill(_read(self.folder / self.login_file), {"error": error})
        flags = f"<script>window.unusualActivity = {json.dumps(self.unusual_activity)};</script>"
        page = page.replace("<head>", "<head>" + flags, 1)
        return self._changed(self.config["login"], page, consent_given=consent_given)

    def render_file(self, name: str, *, consent_given: bool) -> str:
        return self._changed("", _read(self.folder / name), consent_given=consent_given)

    def _changed(self, path: str, html: str, *, consent_given: bool) -> str:
        extra = "".join(f"<script>{body}</script>" for body in self.scripts.get(path, []))
        if self.consent_needed and not consent_given and (self.folder / "consent.html").exists():
            extra = _read(self.folder / "consent.html").replace("{{site}}", self.name) + extra
        html = html.replace("</body>", extra + "</body>")
        for old, new in self.rewrites.get(path, []):
            if old not in html:
                raise AssertionError(f"{self.name}{path}: nothing to rewrite for {old!r}")
            html = html.replace(old, new)
        return self._translated(html)

    def _translated(self, html: str) -> str:
        if self.language == "en":
            return html
        words: dict[str, str] = self.config["phrases"][self.language]
        html = html.replace('<html lang="en"', f'<html lang="{self.language}"')
        for english in sorted(words, key=len, reverse=True):  # "Friends of friends" first
            html = html.replace(english, words[english])
        return html


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _fill(template: str, values: dict[str, str]) -> str:
    out, rest = [], template
    while "{{" in rest:
        head, _, rest = rest.partition("{{")
        name, _, rest = rest.partition("}}")
        out += [head, _placeholder(name.strip(), values)]
    return "".join([*out, rest])


def _placeholder(name: str, values: dict[str, str]) -> str:
    key, _, option = name.partition("|")
    if key not in values:  # not a setting (e.g. a cookie notice's {{site}}): leave it
        return "{{" + name + "}}"
    value = values[key]
    if option == "checked":
        return "checked" if value == "true" else ""
    for attribute in ("selected", "checked"):  # <option selected>, <input type=radio checked>
        if option.startswith(attribute + ":"):
            return attribute if value == option.removeprefix(attribute + ":") else ""
    return value


class ReplicaServer(LocalServer):
    """ThreadingHTTPServer on 127.0.0.1, port 0; `start()`, then `url_map()` for probes."""

    def __init__(self) -> None:
        self.sites = {
            folder.name: Site(folder.name, tomllib.loads(_read(folder / "site.toml")))
            for folder in sorted(SITES.iterdir())
            if (folder / "site.toml").exists()
        }
        self._stopping = threading.Event()
        self._listen(_handler(self))
        self.reset()

    def stop(self) -> None:
        self._stopping.set()  # ends any slow-page delay at once
        super().stop()

    def reset(self, *, keep_sessions: bool = False) -> None:
        """Every site as `Site.reset` leaves it."""
        for site in self.sites.values():
            site.reset(keep_session=keep_sessions)

    def url_map(self) -> dict[str, str]:
        return {
            origin: f"{self.base}/{name}{prefix}"
            for name, site in self.sites.items()
            for origin, prefix in site.config["origins"].items()
        }

    @property
    def stopped(self) -> bool:
        return self._stopping.is_set()

    def wait(self, seconds: float) -> None:
        self._stopping.wait(seconds)


def _handler(server: ReplicaServer) -> type[BaseHTTPRequestHandler]:
    class Handler(_Handler):
        replica = server

    return Handler


class _Handler(BaseHTTPRequestHandler):
    replica: ReplicaServer

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass

    def do_GET(self) -> None:
        if self._gone():
            return
        site, path = self._route()
        if site is None:
            return self._send(404, "<h1>Page not found</h1>")
        self.replica.wait(site.delays.get(path, 0))
        if path in site.redirects:
            return self._redirect(site.redirects[path])
        consent = self._consent_given(site)
        if path == site.config["login"]:
            return self._send(200, site.render_login(consent_given=consent))
        if path.startswith(TWO_STEP):
            return self._two_step(site, path)
        if path.startswith(API) and self._signed_in(site):
            return self._api(site, path.removeprefix(API))
        if not self._signed_in(site):
            return self._redirect(f"/{site.name}{site.config['login']}?next={quote(path)}")
        if path in site.signs_out:
            site.sign_out()  # the platform ended the session
            return self._redirect(f"/{site.name}{site.config['login']}")
        self._page(site, path, consent)

    def do_POST(self) -> None:
        if self._gone():
            return
        site, path = self._route()
        if site is None:
            return self._send(404, "<h1>Page not found</h1>")
        site.changes.append(f"POST {path}")
        length = int(self.headers.get("Content-Length", 0))
        body = self.rfile.read(length).decode()
        if path == CONSENT:
            site.consent_choices.append(body)
            cookie = (f"{site.name}_consent", f"{site.consent_round}-{body}")
            return self._send(200, "{}", "application/json", cookie)
        site.visits.append(f"POST {path}")
        if path != site.config["login"]:
            return self._send(405, "<h1>Not allowed</h1>")
        form = parse_qs(body)
        if form.get(site.field_name("username")) != [USERNAME] or form.get(
            site.field_name("password")
        ) != [PASSWORD]:
            consent = self._consent_given(site)
            page = site.render_login(site.config["wrong_password"], consent_given=consent)
            return self._send(200, page)
        if site.two_step:
            site.pending = secrets.token_hex(8)
            return self._redirect(f"/{site.name}{TWO_STEP}", (f"{site.name}_pending", site.pending))
        self._redirect(f"/{site.name}{site.after_login}", (site.session_cookie, site.token))

    def _gone(self) -> bool:
        """After stop(), a connection the browser opened earlier (it opens spares) is reset,
        so the browser retries on a new one and finds the server gone, as a real outage."""
        if not self.replica.stopped:
            return False
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        return True

    # -- pages ------------------------------------------------------------------------------
    def _route(self) -> tuple[Site | None, str]:
        parts = urlsplit(self.path)
        name, _, rest = parts.path.lstrip("/").partition("/")
        path = "/" + rest + (f"?{parts.query}" if parts.query else "")
        site = self.replica.sites.get(name)
        if site is not None and path.partition("?")[0] == site.config["login"]:
            path = site.config["login"]  # the login page ignores ?next=
        if site is not None and path.partition("?")[0] == site.after_login.partition("?")[0]:
            path = site.after_login
        return site, path

    def _page(self, site: Site, path: str, consent: bool) -> None:
        site.visits.append(path)
        if path not in site.config["pages"]:
            return self._send(404, _read(site.folder / "error.html"))
        if path in site.rate_limited:
            return self._send(200, _read(site.folder / "rate_limit.html"))
        status = site.statuses.get(path, 200)
        if status != 200:
            return self._send(status, _read(site.folder / "error.html"))
        self._send(200, site.render(path, consent_given=consent))

    def _api(self, site: Site, setting: str) -> None:
        self.replica.wait(site.api_delay)
        value = site.settings.get(setting)
        self._send(200 if value is not None else 404, json.dumps({"value": value}),
                   "application/json")  # fmt: skip

    def _two_step(self, site: Site, path: str) -> None:
        if not site.pending or self._cookie(site, f"{site.name}_pending") != site.pending:
            return self._redirect(f"/{site.name}{site.config['login']}")
        if not path.endswith("status"):
            return self._send(200, _fill(_read(SITES / "two_step.html"), {"name": site.name}))
        if not site.two_step_approved:
            return self._send(200, json.dumps({"ok": False}), "application/json")
        body = json.dumps({"ok": True, "next": f"/{site.name}{site.config['home']}"})
        self._send(200, body, "application/json", (site.session_cookie, site.token))

    def _signed_in(self, site: Site) -> bool:
        return self._cookie(site, site.session_cookie) == site.token

    def _consent_given(self, site: Site) -> bool:
        """Whether this browser answered the cookie notice since the site was last reset."""
        answer = self._cookie(site, f"{site.name}_consent") or ""
        return answer.startswith(f"{site.consent_round}-")

    def _cookie(self, site: Site, name: str) -> str | None:
        jar = SimpleCookie(self.headers.get("Cookie", ""))
        morsel = jar.get(name)
        return morsel.value if morsel else None

    def replica_name(self) -> str:
        return urlsplit(self.path).path.lstrip("/").partition("/")[0]

    # -- responses --------------------------------------------------------------------------
    def _redirect(self, location: str, cookie: tuple[str, str] | None = None) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self._set_cookie(cookie)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(
        self,
        status: int,
        body: str,
        kind: str = "text/html; charset=utf-8",
        cookie: tuple[str, str] | None = None,
    ) -> None:
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self._set_cookie(cookie)
        self.end_headers()
        self.wfile.write(data)

    def _set_cookie(self, cookie: tuple[str, str] | None) -> None:
        if cookie is not None:
            name = self.replica_name()
            # Lasting a month, as the platforms' own sign-in cookies do: a browser profile
            # keeps the sign-in after the browser closes.
            attributes = f"Path=/{name}; Max-Age=2592000; HttpOnly"
            self.send_header("Set-Cookie", f"{cookie[0]}={cookie[1]}; {attributes}")
