"""The language table is data, honest about its evidence, and covers the languages asked for."""

from __future__ import annotations

from app.downloads import labels

ASKED = {"English", "Welsh", "Polish", "Spanish", "Portuguese", "Romanian", "Italian", "French",
         "German", "Turkish", "Arabic", "Urdu", "Punjabi"}  # fmt: skip


def test_every_language_asked_for_is_in_the_table_with_its_evidence() -> None:
    coverage = labels.coverage()
    assert ASKED <= set(coverage)
    assert {n for n, e in coverage.items() if e == "export"} >= {
        "English", "Turkish", "French", "Italian", "Arabic"
    }  # fmt: skip
    assert {n for n, e in coverage.items() if e == "ui-translation"} == {
        "Spanish", "Polish", "Portuguese", "German", "Romanian"
    }  # fmt: skip
    assert {n for n, e in coverage.items() if e == "none"} == {"Welsh", "Urdu", "Punjabi"}


def test_no_label_is_invented_for_languages_without_evidence() -> None:
    for language in labels.languages():
        if language.evidence == "none":
            assert not any(language.labels.values()), language.name


def test_labels_match_after_metas_escaping_and_in_any_case() -> None:
    mojibake = "Compte priv\u00c3\u00a9"  # how the French export writes it
    found = labels.find("private_account", {labels.label(mojibake): "True"})
    assert found is not None and found[1].name == "French"
    assert labels.find("private_account", {labels.label("PRIVATE ACCOUNT"): "x"}) is not None
    assert labels.boolean("Do\u00c4\u009fru") is True  # "Doğru", escaped
    assert labels.boolean("Maybe") is None
