"""Rules kept as data are well-formed: NFC, no empty or duplicated entries, known sections."""

from __future__ import annotations

import unicodedata
from importlib import resources
from typing import Any

import pytest

from article_extract._byline import agency_name
from article_extract._lexicon import chrome_lexicon, match_key
from article_extract.data import load_table

TABLES = sorted(
    p.name.removesuffix(".toml")
    for p in resources.files("article_extract.data").iterdir()
    if p.name.endswith(".toml")
)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in [key, *_strings(item)]]
    return []


@pytest.mark.parametrize("name", TABLES)
def test_table_strings_are_nfc_and_trimmed(name: str) -> None:
    for text in _strings(load_table(name)):
        assert unicodedata.is_normalized("NFC", text), (name, text)
        assert text == text.strip() or text.endswith(" "), (name, text)


def test_chrome_sections_are_known() -> None:
    table = load_table("chrome")
    assert set(table) == {"exact", "prefix", "contains", "tail", "inline_related", "widget"}
    for section in table.values():
        assert set(section) <= {"ar", "en", "fr", "fa", "de", "es", "ja", "tr", "id", "ru"}
        for phrases in section.values():
            assert all(p.strip() for p in phrases)


def test_every_phrase_matches_itself() -> None:
    # A phrase whose folded form is empty or mangled by folding could never match a page.
    lexicon = chrome_lexicon()
    table = load_table("chrome")
    for section, check in [
        ("exact", lexicon.is_chrome),
        ("tail", lexicon.is_tail_marker),
        ("inline_related", lexicon.is_related_marker),
    ]:
        for phrases in table[section].values():
            for phrase in phrases:
                assert check(phrase), (section, phrase)


def test_no_agency_form_is_claimed_by_two_agencies() -> None:
    seen: dict[str, str] = {}
    for canonical, forms in load_table("bylines")["agencies"].items():
        for form in forms:
            key = match_key(form)
            assert seen.setdefault(key, canonical) == canonical, form
            assert agency_name(form) == canonical
