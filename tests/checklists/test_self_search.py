"""Search yourself: the prepared searches, their encoding, and where they may point."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from app.checklists.hosts import hosts_of
from app.checklists.loader import GENERAL_ID, load_catalogue, shipped_audit_files
from app.checklists.self_search import (
    SEARCH_ITEMS,
    SITES,
    SearchKind,
    SearchSite,
    SearchTerms,
    Term,
    is_search_item,
    prepare_searches,
    search_url,
)

FULL = SearchTerms(name="Jane Smith", town="Dundee", organisation="Tayside Care", role="Carer")


def _query_of(url: str) -> str:
    """The search words as the engine will read them back (its query parameter, decoded)."""
    parts = urlsplit(url)
    params = parse_qs(parts.query, keep_blank_values=True)
    key = "keywords" if "linkedin" in (parts.hostname or "") else "q"
    (value,) = params[key]
    return value


def test_every_site_is_searched_with_each_of_its_terms() -> None:
    prepared = prepare_searches(FULL)

    expected = sum(len(site.with_terms) for site in SITES)
    assert len(prepared.searches) == expected
    assert prepared.missing == ()
    assert prepared.missing_text() == ""
    labels = [s.label for s in prepared.searches]
    assert 'Google web search: "Jane Smith" Dundee' in labels
    assert 'Bing web search: "Jane Smith" Tayside Care' in labels
    assert 'DuckDuckGo web search: "Jane Smith" Carer' in labels
    assert 'Bing image search: "Jane Smith" Dundee' in labels
    assert "LinkedIn search: Jane Smith" in labels


def test_the_name_is_a_quoted_phrase_on_search_engines_and_plain_on_platforms() -> None:
    for search in prepare_searches(FULL).searches:
        words = _query_of(search.url)
        assert words == search.query
        if search.site.kind is SearchKind.PEOPLE:
            assert words == "Jane Smith"
        else:
            assert words.startswith('"Jane Smith" ')


def test_spaces_quotes_and_accents_are_percent_encoded_as_utf8() -> None:
    site = SearchSite("Google", SearchKind.WEB, GENERAL_ID, "https://www.google.com/search?q=",
                      (Term.TOWN,))  # fmt: skip
    prepared = prepare_searches(SearchTerms(name="Siân Jones", town="Caerdydd"), (site,))

    (search,) = prepared.searches
    assert search.url == "https://www.google.com/search?q=%22Si%C3%A2n%20Jones%22%20Caerdydd"
    assert _query_of(search.url) == '"Siân Jones" Caerdydd'


def test_an_accent_typed_as_two_characters_gives_the_same_search() -> None:
    composed = prepare_searches(SearchTerms(name="Si\u00e2n Jones", town="Bangor"))
    decomposed = prepare_searches(SearchTerms(name="Sia\u0302n Jones", town="Bangor"))

    assert [s.url for s in decomposed.searches] == [s.url for s in composed.searches]


def test_characters_that_would_end_the_parameter_are_encoded() -> None:
    terms = SearchTerms(name="Jo Bloggs", organisation="Smith & Sons #2 / a=b?")
    for search in prepare_searches(terms).of_kinds(frozenset({SearchKind.WEB})):
        parts = urlsplit(search.url)
        assert parts.fragment == ""
        assert _query_of(search.url) == '"Jo Bloggs" Smith & Sons #2 / a=b?'


def test_quotes_inside_the_name_cannot_break_the_phrase_and_spaces_are_tidied() -> None:
    prepared = prepare_searches(SearchTerms(name='  Jane  "JJ"\tSmith ', town=" Perth  "))

    first = prepared.searches[0]
    assert first.query == '"Jane JJ Smith" Perth'
    assert _query_of(first.url) == '"Jane JJ Smith" Perth'


@pytest.mark.parametrize(
    ("terms", "missing", "left_out"),
    [
        (SearchTerms("Jane Smith", "", "Tayside Care", "Carer"), (Term.TOWN,), Term.TOWN),
        (SearchTerms("Jane Smith", "Dundee", " ", "Carer"), (Term.ORGANISATION,),
         Term.ORGANISATION),
        (SearchTerms("Jane Smith", "Dundee", "Tayside Care", ""), (Term.ROLE,), Term.ROLE),
    ],
)  # fmt: skip
def test_a_missing_term_leaves_its_searches_out_and_is_named(
    terms: SearchTerms, missing: tuple[Term, ...], left_out: Term
) -> None:
    prepared = prepare_searches(terms)

    assert prepared.missing == missing
    assert left_out.label in prepared.missing_text()
    assert all(s.with_term is not left_out for s in prepared.searches)
    with_it = [s for s in prepare_searches(FULL).searches if s.with_term is left_out]
    assert with_it  # the term does have searches when it is given
    assert len(prepared.searches) == len(prepare_searches(FULL).searches) - len(with_it)


def test_only_the_name_gives_the_platforms_people_searches() -> None:
    prepared = prepare_searches(SearchTerms(name="Jane Smith"))

    assert {s.site.kind for s in prepared.searches} == {SearchKind.PEOPLE}
    assert prepared.missing == (Term.TOWN, Term.ORGANISATION, Term.ROLE)
    assert prepared.missing_text() == (
        "Some searches are left out because you have not given your town, your employer "
        "or service or your role."
    )


def test_without_a_name_nothing_is_prepared() -> None:
    prepared = prepare_searches(SearchTerms(name=' " ', town="Dundee"))

    assert prepared.searches == ()
    assert Term.NAME in prepared.missing
    assert prepared.missing_text() == "Enter your name to prepare the searches."


def test_every_address_is_https_on_its_platforms_own_hosts() -> None:
    searches = prepare_searches(FULL).searches
    assert {s.site.platform_id for s in searches} >= {GENERAL_ID, "facebook", "linkedin", "x"}
    for search in searches:
        parts = urlsplit(search.url)
        allowed = hosts_of(search.site.platform_id)
        assert allowed is not None, search.site.platform_id
        assert parts.scheme == "https"
        assert parts.hostname in allowed
        assert parts.port is None
        assert parts.username is None and parts.password is None


def test_a_site_off_its_platforms_hosts_is_refused() -> None:
    stray = SearchSite("Lookalike", SearchKind.WEB, GENERAL_ID,
                       "https://www.google.com.example.net/search?q=", (None,))  # fmt: skip
    plain_http = SearchSite("Old", SearchKind.WEB, GENERAL_ID, "http://www.bing.com/search?q=",
                            (None,))  # fmt: skip

    for site in (stray, plain_http):
        with pytest.raises(ValueError, match=site.name):
            search_url(site, "Jane")


def test_the_search_items_exist_in_the_shipped_general_checklist() -> None:
    catalogue = load_catalogue(shipped_audit_files()).catalogue
    general = catalogue.platform(GENERAL_ID)

    for item_id in SEARCH_ITEMS:
        assert item_id in general.item_ids
        assert is_search_item(GENERAL_ID, item_id)
    assert not is_search_item("facebook", "search-yourself-web")
    assert not is_search_item(GENERAL_ID, "old-accounts")
    # every kind of search is offered for some item, so none is prepared for nothing
    assert set().union(*SEARCH_ITEMS.values()) == {site.kind for site in SITES}
