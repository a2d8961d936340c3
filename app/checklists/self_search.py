"""Prepared searches for "Search yourself": the worker's name with their town, employer and role.

The general check asks the worker to search for themselves the way a person they support, or
that person's family, would. Footprint prepares those searches and opens each one in the
worker's own browser; it never runs a search itself and reads no result (no scraping).

Like `hosts.py`, the addresses are code, not a file Footprint reads, and every one must be on
the hosts `hosts.py` allows for its platform: a search engine under the general checks, a
platform's people search under that platform. Each address format rests on a public source,
written beside it; a search for which no citable source was found is left out (DuckDuckGo's
image search: the addresses seen in public code could not be traced to a named source).

The worker's name is searched as a phrase ("Jane Smith"), so a search engine looks for the
two words together; the town, employer and role follow unquoted, so a result that words them
a little differently still counts. Platforms' people searches get the name alone, unquoted:
they match names already, and no source says they understand quotes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from urllib.parse import quote

from app.checklists.hosts import url_problem
from app.checklists.loader import GENERAL_ID


class SearchKind(StrEnum):
    """What a search looks through."""

    WEB = "web"
    IMAGES = "images"
    PEOPLE = "people"

    @property
    def label(self) -> str:
        """The kind of search as the window names it."""
        return _KIND_LABELS[self]


_KIND_LABELS = {
    SearchKind.WEB: "web search",
    SearchKind.IMAGES: "image search",
    # "Facebook search", not "people search": Facebook's address lists pages and groups too.
    SearchKind.PEOPLE: "search",
}


class Term(StrEnum):
    """What the worker gives for the searches; the name is needed for any of them."""

    NAME = "name"
    TOWN = "town"
    ORGANISATION = "organisation"
    ROLE = "role"

    @property
    def label(self) -> str:
        """The detail as the window names it when it is missing."""
        return _TERM_LABELS[self]


_TERM_LABELS = {
    Term.NAME: "your name",
    Term.TOWN: "your town",
    Term.ORGANISATION: "your employer or service",
    Term.ROLE: "your role",
}


@dataclass(frozen=True)
class SearchSite:
    """One search engine's or platform's search page, and which searches to prepare on it.

    The address is `address + the encoded query + suffix`; `with_terms` lists what is added
    to the name, one search each (None: the name alone).
    """

    name: str  # "Google"
    kind: SearchKind
    platform_id: str  # whose hosts (hosts.py) the address must be on
    address: str  # everything before the query, ending with the query parameter's "="
    with_terms: tuple[Term | None, ...]
    suffix: str = ""  # parameters after the query (X: "&f=user", its people tab)
    quote_name: bool = True

    @property
    def title(self) -> str:
        """The site and its kind, as the worker reads it: "Google web search", "X search"."""
        return f"{self.name} {self.kind.label}"


_ENGINE_TERMS = (Term.TOWN, Term.ORGANISATION, Term.ROLE)
# The general check's image step searches name + town and name + employer (general.toml).
_IMAGE_TERMS = (Term.TOWN, Term.ORGANISATION)

SITES: tuple[SearchSite, ...] = (
    # Source: Chromium's built-in engine list, chromium/chromium
    # components/search_engines/prepopulated_engines.json ("google": search_url
    # "{google:baseURL}search?q={searchTerms}"), and DuckDuckGo's bang list
    # (https://duckduckgo.com/bang.js, "!g": https://www.google.com/search?q={{{s}}}).
    SearchSite("Google", SearchKind.WEB, GENERAL_ID, "https://www.google.com/search?q=",
               _ENGINE_TERMS),
    # Source: chromium/chromium components/search_engines/prepopulated_engines.json ("bing":
    # search_url "https://www.bing.com/search?q={searchTerms}&PC=U316&FORM=CHROMN"; the
    # last two parameters only tell Bing the search came from Chrome, so they are left out).
    SearchSite("Bing", SearchKind.WEB, GENERAL_ID, "https://www.bing.com/search?q=",
               _ENGINE_TERMS),
    # Source: DuckDuckGo's own help page "How to use URL parameters"
    # (https://duckduckgo.com/duckduckgo-help-pages/settings/params/: "https://duckduckgo.com/
    # ?q=search"), and chromium/chromium prepopulated_engines.json ("duckduckgo": search_url
    # "https://duckduckgo.com/?q={searchTerms}").
    SearchSite("DuckDuckGo", SearchKind.WEB, GENERAL_ID, "https://duckduckgo.com/?q=",
               _ENGINE_TERMS),
    # Source: DuckDuckGo's bang list (https://duckduckgo.com/bang.js, "!gi": google.com/search?
    # tbm=isch&q={{{s}}}), as copied in ryuudotgg/search bangs/ddg-bangs.ts; audits/general.toml
    # already opens the same address for the image items.
    SearchSite("Google", SearchKind.IMAGES, GENERAL_ID,
               "https://www.google.com/search?tbm=isch&q=", _IMAGE_TERMS),
    # Source: Microsoft's Bing Image Search documentation, "Handle the image search response"
    # (https://learn.microsoft.com/en-us/bing/search-apis/bing-image-search/how-to/
    # search-response: webSearchUrl "https://www.bing.com/images/search?q=..."), and
    # DuckDuckGo's bang list ("!bi": https://www.bing.com/images/search?q={{{s}}}).
    SearchSite("Bing", SearchKind.IMAGES, GENERAL_ID, "https://www.bing.com/images/search?q=",
               _IMAGE_TERMS),
    # Source: ssborbis/ContextSearch-web-ext src/defaultEngines.js (Facebook:
    # "https://www.facebook.com/search/top/?q={searchTerms}") and moewiss/tools
    # rkieh-solutions-tools1/docs_archive/REAL_PEOPLE_SEARCH.md (facebook.com/search/top?q=NAME,
    # "Shows profiles, pages, groups"). No public source named a people-only address we could
    # cite, so this is Facebook's "top" results, which list people first for a name.
    SearchSite("Facebook", SearchKind.PEOPLE, "facebook",
               "https://www.facebook.com/search/top/?q=", (None,), quote_name=False),
    # Source: moewiss/tools rkieh-solutions-tools1/docs_archive/REAL_PEOPLE_SEARCH.md
    # ("https://www.linkedin.com/search/results/people/?keywords=NAME").
    SearchSite("LinkedIn", SearchKind.PEOPLE, "linkedin",
               "https://www.linkedin.com/search/results/people/?keywords=", (None,),
               quote_name=False),
    # Source: DuckDuckGo's bang list ("!x": https://x.com/search?q={{{s}}}) for the address,
    # and moewiss/tools REAL_PEOPLE_SEARCH.md ("twitter.com/search?q=NAME&f=user", "Shows all
    # profiles matching the name") for the people tab.
    SearchSite("X", SearchKind.PEOPLE, "x", "https://x.com/search?q=", (None,),
               suffix="&f=user", quote_name=False),
    # Source: moewiss/tools REAL_PEOPLE_SEARCH.md
    # ("https://www.instagram.com/explore/search/keyword/?q=NAME", "Shows matching profiles
    # and posts"). Instagram asks for a sign-in before it shows these results.
    SearchSite("Instagram", SearchKind.PEOPLE, "instagram",
               "https://www.instagram.com/explore/search/keyword/?q=", (None,),
               quote_name=False),
)  # fmt: skip

# The general checklist items these searches answer, and which searches belong to each.
SEARCH_ITEMS: Mapping[str, frozenset[SearchKind]] = MappingProxyType(
    {
        "search-yourself-web": frozenset({SearchKind.WEB, SearchKind.PEOPLE}),
        "search-yourself-images": frozenset({SearchKind.IMAGES}),
    }
)


def is_search_item(platform_id: str, item_id: str) -> bool:
    """Does "Search yourself" answer this checklist item?"""
    return platform_id == GENERAL_ID and item_id in SEARCH_ITEMS


@dataclass(frozen=True)
class SearchTerms:
    """What the worker gave; blank for anything they did not."""

    name: str
    town: str = ""
    organisation: str = ""
    role: str = ""

    def value(self, term: Term) -> str:
        """The term, tidied: one form of each accented letter (NFC, so "Siân" typed either
        way is one search), spaces collapsed and, in the name, no double quotes (a quote
        inside the phrase would end it early)."""
        raw = {
            Term.NAME: self.name,
            Term.TOWN: self.town,
            Term.ORGANISATION: self.organisation,
            Term.ROLE: self.role,
        }[term]
        if term is Term.NAME:
            raw = raw.replace('"', " ")
        return re.sub(r"\s+", " ", unicodedata.normalize("NFC", raw)).strip()


@dataclass(frozen=True)
class PreparedSearch:
    """One search, ready to open: what the worker reads and the address their browser gets."""

    site: SearchSite
    query: str  # '"Jane Smith" Dundee'
    url: str
    with_term: Term | None

    @property
    def label(self) -> str:
        """'Google web search: "Jane Smith" Dundee'."""
        return f"{self.site.title}: {self.query}"


@dataclass(frozen=True)
class PreparedSearches:
    """Every search that could be prepared, and the terms that kept others out."""

    searches: tuple[PreparedSearch, ...]
    missing: tuple[Term, ...]

    def of_kinds(self, kinds: frozenset[SearchKind]) -> tuple[PreparedSearch, ...]:
        """The prepared searches of the given kinds, in order."""
        return tuple(s for s in self.searches if s.site.kind in kinds)

    def missing_text(self) -> str:
        """A sentence for the worker, or "" when nothing is missing."""
        if not self.missing:
            return ""
        if Term.NAME in self.missing:
            return "Enter your name to prepare the searches."
        names = [term.label for term in self.missing]
        listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
        return f"Some searches are left out because you have not given {listed}."


def prepare_searches(terms: SearchTerms, sites: tuple[SearchSite, ...] = SITES) -> PreparedSearches:
    """The searches on `sites` for `terms`, in the order of `sites`; a search whose extra
    term is blank is left out and the term named in `missing`."""
    name = terms.value(Term.NAME)
    blank = tuple(t for t in Term if not terms.value(t))
    if not name:
        return PreparedSearches((), blank)
    searches = tuple(
        _prepared(site, name, term, terms)
        for site in sites
        for term in site.with_terms
        if term is None or terms.value(term)
    )
    return PreparedSearches(searches, blank)


def _prepared(site: SearchSite, name: str, term: Term | None, terms: SearchTerms) -> PreparedSearch:
    shown_name = f'"{name}"' if site.quote_name else name
    query = shown_name if term is None else f"{shown_name} {terms.value(term)}"
    return PreparedSearch(site, query, search_url(site, query), term)


def search_url(site: SearchSite, query: str) -> str:
    """The site's address for `query`: UTF-8, percent-encoded, a space as %20 (which every
    engine reads as a space, where "+" is a plus sign to some), nothing left unencoded that
    could end the parameter (&, #, =, ?, /)."""
    url = f"{site.address}{quote(query, safe='')}{site.suffix}"
    problem = url_problem(site.platform_id, url)
    if problem is not None:  # a mistake in SITES above, never the worker's input
        raise ValueError(f"{site.title}: the address {problem}")
    return url
