"""The lazy JSON reader: the same values as json.loads, never recursion, never the whole file."""

from __future__ import annotations

import json
import tracemalloc

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.downloads import jsonstream
from app.downloads.jsonstream import JsonProblem, document, load_whole

# Infinity and NaN are not JSON (RFC 8259 section 6): json.dumps writes them, no platform's
# export does (JavaScript's JSON.stringify writes null), and ijson refuses them.
finite = st.floats(allow_nan=False, allow_infinity=False)
scalars = st.none() | st.booleans() | st.integers() | finite | st.text()
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(), inner, max_size=5),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(values, st.sampled_from([None, 0, 2]), st.booleans())
def test_any_document_reads_as_json_loads_reads_it(value, indent, ascii_only) -> None:
    data = json.dumps(value, indent=indent, ensure_ascii=ascii_only).encode("utf-8")
    assert load_whole(data) == json.loads(data)
    root = document(data)
    if isinstance(value, list):
        assert list(root.loaded_elements()) == value
        assert [element.load() for element in root.elements()] == value
    if isinstance(value, dict):
        assert {key: child.load() for key, child in root.entries()} == json.loads(data)


def test_strings_holding_brackets_quotes_and_escapes_do_not_confuse_the_scan() -> None:
    data = rb'{"a": "x]}\"[{", "b": ["\\\\", "\"]"], "c": {"d": "}"}, "e": 1}'
    assert json.loads(data)["b"] == ["\\\\", '"]']
    root = document(data)
    assert [key for key, _value in root.entries()] == ["a", "b", "c", "e"]
    assert root.get("e").load() == 1


def test_values_not_asked_for_are_skipped_not_built() -> None:
    big = json.dumps({"Video": [{"Link": "x" * 100} for _ in range(20_000)], "Wanted": [1]})
    data = big.encode()
    tracemalloc.start()
    try:
        found = document(data).get("Wanted")
        assert found is not None and found.load() == [1]
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < len(data) // 10  # json.loads would build 20,000 dicts (several times the text)


@pytest.mark.parametrize(
    "data",
    [
        b"[" * 1000 + b"]" * 1000,
        b'{"a": ' + b"[" * 1000 + b"]" * 1000 + b"}",
        b"[" + b'{"a": ' * 500 + b"1" + b"}" * 500 + b"]",
    ],
)
def test_nesting_deeper_than_any_export_stops_before_parsing(data) -> None:
    with pytest.raises(JsonProblem) as problem:
        load_whole(data)
    assert problem.value.deep
    with pytest.raises(JsonProblem):
        for _key, child in document(data).entries() if data[:1] == b"{" else ():
            child.load()
        for _element in document(data).loaded_elements() if data[:1] == b"[" else ():
            pass


def test_exactly_the_maximum_depth_is_still_read() -> None:
    depth = jsonstream.MAX_DEPTH
    assert load_whole(b"[" * depth + b"]" * depth) is not None
    with pytest.raises(JsonProblem):
        load_whole(b"[" * (depth + 1) + b"]" * (depth + 1))


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b'[{"a": 1}, {"b": ', "not valid JSON"),
        (b'{"a" 1}', "':' expected"),
        (b"[1, 2,, 3]", "not valid JSON"),
        (b'["unterminated', "ends inside"),
        (b"[" * 1000, "more than 40 levels"),  # unclosed and deep: never a RecursionError
        (b'["\xff\xfe"]', "not UTF-8"),
    ],
)
def test_damaged_documents_are_a_problem_not_a_crash(data, reason) -> None:
    root = document(data)
    with pytest.raises(JsonProblem, match=reason):
        if root.kind == "object":
            [child.load() for _key, child in root.entries()]
        else:
            list(root.loaded_elements())


def test_a_byte_order_mark_is_allowed() -> None:
    assert load_whole(b"\xef\xbb\xbf[1, 2]") == [1, 2]


def test_an_element_larger_than_the_limit_is_refused() -> None:
    data = json.dumps([{"a": "x" * 5000}, 1]).encode()
    with pytest.raises(JsonProblem) as problem:
        list(document(data).loaded_elements(limit=1000))
    assert problem.value.too_large
