"""What the stranger's browser reads from a page: the two scripts it runs there, and the caps.

What is read from a page is capped inside the page, before it crosses into Footprint: at most
`MAX_TEXT` characters of text and `MAX_STRUCTURED` of structured data (JSON-LD, as text; a
block over `MAX_BLOCK` is left out, as a cut one would not parse), and a few hundred
characters of each other thing.
"""

from __future__ import annotations

import json
import re
from typing import Any

from app.automation.page_facts import JS_QUIET, JS_SHOWS
from app.stranger.page_text import LABELS

# One cheap look while the page settles: its HTTP status, whether it is loaded and how long
# it has been unchanged, and whether a cookie notice is showing (a dialog, or a fixed bar near
# the top of the document, that speaks of cookies).
STATE_SCRIPT = (
    "() => {\n"
    + JS_QUIET
    + JS_SHOWS
    + """\
    const near = document.body ? [...document.body.children].flatMap(
        (el) => [el, ...el.children]) : [];
    const notices = [...document.querySelectorAll(
        '[role="dialog"], [role="alertdialog"], dialog[open]'), ...near.filter(
        (el) => ["fixed", "sticky"].includes(getComputedStyle(el).position))];
    const choices = 'button, [role="button"], input[type="button"], input[type="submit"]';
    const cookies = notices.filter((el) => shows(el) && /cookie/i.test(el.innerText || ""))
        .slice(0, 5).map((el) => ({
            text: (el.innerText || "").slice(0, 3000),
            choices: [...el.querySelectorAll(choices)].filter(shows).slice(0, 20).map(
                (b) => (b.innerText || b.value || b.getAttribute("aria-label") || "")
                    .slice(0, 100)),
            password: el.querySelector('input[type="password"]') !== null}));
    return {status: nav ? nav.responseStatus || 0 : 0, ready: document.readyState,
            quiet: quiet, cookies: cookies};
}"""
)

# What may cross from a page into Footprint, in characters (see the module's docstring).
MAX_TEXT = 300_000
MAX_STRUCTURED = 400_000
MAX_BLOCK = 200_000
_MAX_BLOCKS = 20
_MAX_META = 40  # og: and description keys
_MAX_LOCATIONS = 20
MAX_EMBEDDED = 3_000_000  # the page's own JSON (script blocks), for not-found states

# The one full look, once the page has settled: everything `judge` needs, in one round trip,
# each part cut to its cap inside the page.
_CAPTURE = (
    "() => {\n"
    + JS_SHOWS
    + """\
    const all = (css) => [...document.querySelectorAll(css)];
    const count = (css) => all(css).filter(shows).length;
    const meta = {};
    for (const el of all('meta[property^="og:"], meta[name="description"]')) {
        const key = (el.getAttribute("property") || el.getAttribute("name")).slice(0, 100);
        if (Object.keys(meta).length >= MAX_META) break;
        if (!(key in meta)) meta[key] = (el.getAttribute("content") || "").slice(0, 2000);
    }
    // As text, parsed by Footprint: a block is never parsed (or copied whole) in the page.
    const structured = [];
    let structuredLength = 0;
    for (const el of all('script[type="application/ld+json"]')) {
        if (structured.length >= MAX_BLOCKS) break;
        const node = el.firstChild;
        const length = node && node.nodeType === Node.TEXT_NODE ? node.length : -1;
        if (length <= 0 || length > MAX_BLOCK) continue;
        if (structuredLength + length > MAX_STRUCTURED) break;
        structured.push(node.data);
        structuredLength += length;
    }
    const password = all('input[type="password"]').some(shows);
    const dialogs = all('[role="dialog"], [role="alertdialog"], dialog[open]').filter(shows);
    const loginDialog = dialogs.some((el) => el.querySelector('input[type="password"]'));
    const activities = all(ACTIVITIES).filter(shows);
    const maps = activities.reduce((n, el) => n + [...el.querySelectorAll(MAPS)].length, 0);
    const text = document.body ? document.body.innerText : "";
    // A label's value in the element after it ("Location" then the town), however laid out.
    const pairs = [];
    for (const el of all("body *")) {
        if (pairs.length >= 50) break;
        const own = (el.childElementCount ? "" : el.textContent) ||
            el.getAttribute("aria-label") || el.getAttribute("title") || "";
        if (!LABEL_RE.test(own.trim()) || !shows(el)) continue;
        let at = el, next = el.nextElementSibling;
        while (!next && at.parentElement && at.parentElement !== document.body &&
               at.parentElement.childElementCount === 1) {
            at = at.parentElement;
            next = at.nextElementSibling;
        }
        const value = next && shows(next) ? (next.innerText || "").slice(0, 200) : "";
        pairs.push([own.trim().slice(0, 60), value]);
    }
    // The page's own data (a NOT_FOUND state, a profile's fields), length checked before
    // anything is copied: a huge script block is left out, never read whole.
    let embedded = "";
    for (const el of all('script[type="application/json"], script:not([src]):not([type])')) {
        const node = el.firstChild;
        const length = node && node.nodeType === Node.TEXT_NODE ? node.length : -1;
        if (length <= 0 || embedded.length + length > MAX_EMBEDDED) continue;
        embedded += node.data + "\\n";
    }
    const canonical = document.querySelector('link[rel="canonical"]');
    return {
        pairs: pairs,
        embedded: embedded,
        canonical: canonical ? (canonical.getAttribute("href") || "").slice(0, 500) : "",
        language: (document.documentElement.lang || "").slice(0, 20),
        countFields: all(COUNT_FIELDS).length,
        href: location.href,
        title: document.title.slice(0, 500),
        text: text.slice(0, MAX_TEXT),
        meta: meta,
        structured: structured,
        password: password,
        loginDialog: loginDialog,
        headings: all("h1").filter(shows).map((el) => el.innerText.slice(0, 200)).slice(0, 5),
        locations: all(LOCATIONS).filter(shows).slice(0, MAX_LOCATIONS).map(
            (el) => el.innerText.slice(0, 200)),
        contacts: count('a[href^="tel:"], a[href^="mailto:"]'),
        posts: count(POSTS),
        activities: activities.length,
        maps: maps,
        avatar: count(AVATARS) > 0,
        people: count(PEOPLE),
    };
}"""
)
# Where the public evidence (project notes, automation/outside-in.md) says each thing is.
_SELECTORS = {
    "POSTS": (
        'article, [role="article"], [data-testid="tweet"], [data-e2e="user-post-item"], '
        'a[href*="/p/"], a[href*="/reel/"], a[href*="/post/"], a[href*="/watch?v="], '
        'a[href*="/shorts/"], a[href*="/pin/"], a[href*="/comments/"], '
        'shreddit-post, [data-testid^="feedItem"], '
        '[itemtype*="SocialMediaPosting"]'
    ),
    "ACTIVITIES": (
        'a[href*="/activities/"], [class*="RecentActivities"], [data-testid*="activity"]'
    ),
    "MAPS": 'img[src*="map" i], img[alt*="map" i], canvas, .mapboxgl-map, .leaflet-container',
    "LOCATIONS": (
        '[data-testid="UserLocation"], [itemprop="homeLocation"], [itemprop="address"], '
        '[class*="Details_location"]'
    ),
    "AVATARS": (
        'img[alt*="profile picture" i], img[alt*="profile photo" i], img[alt*="avatar" i], '
        'img[src*="avatar" i], img[class*="avatar" i], [data-testid*="avatar" i] img'
    ),
    # Elements made to hold a count (YouTube's header, captured pages in tests/pages).
    "COUNT_FIELDS": (
        '[id="subscriber-count"], [id*="follower-count" i], [class*="follower-count" i], '
        '[data-e2e="followers-count"]'
    ),
    "PEOPLE": (
        'a[href$="/followers"], a[href$="/following"], a[href*="/followers/"], '
        'a[href*="/following/"], a[href$="/friends"], a[href*="sk=friends"], '
        'a[href*="/connections"]'
    ),
}


def _capture_script() -> str:
    labels = "|".join(re.escape(label) for label in LABELS)
    script = _CAPTURE.replace("LABEL_RE", f"/^(?:{labels})\\s*:?$/i")
    caps = {
        "MAX_TEXT": MAX_TEXT, "MAX_STRUCTURED": MAX_STRUCTURED, "MAX_BLOCKS": _MAX_BLOCKS,
        "MAX_BLOCK": MAX_BLOCK, "MAX_META": _MAX_META, "MAX_LOCATIONS": _MAX_LOCATIONS,
        "MAX_EMBEDDED": MAX_EMBEDDED,
    }  # fmt: skip
    for name, cap in sorted(caps.items(), key=lambda item: -len(item[0])):
        script = script.replace(name, str(cap))  # first: "MAX_LOCATIONS" holds "LOCATIONS"
    for name, css in _SELECTORS.items():
        script = script.replace(name, repr(css))
    return script


CAPTURE_SCRIPT = _capture_script()


def parsed_structured(blocks: object) -> tuple[Any, ...]:
    """The page's JSON-LD blocks (text, already capped in the page) as JSON values; a block
    that is not JSON, or nests deeper than Python's parser goes, is left out."""
    if not isinstance(blocks, list):
        return ()
    parsed = []
    for block in blocks[:_MAX_BLOCKS]:
        if not isinstance(block, str) or len(block) > MAX_BLOCK:
            continue
        try:
            parsed.append(json.loads(block))
        except (ValueError, RecursionError):
            continue
    return tuple(parsed)
