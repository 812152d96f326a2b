"""Rules kept as data are well-formed: NFC, no empty or duplicated entries, known sections."""

from __future__ import annotations

import unicodedata
from importlib import resources
from itertools import pairwise
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


def test_language_table_is_consistent() -> None:
    # Every range is well formed and belongs to one script; every language is reachable from
    # its script; every word is one word as the detector cuts and spells words; every marking
    # letter and marker range lies in the language's own script.
    from article_extract._decide.language import _WORD_RE, _lexicon_form, _tables

    table = load_table("languages")
    scripts = table["scripts"]
    spans = sorted((low, high) for entry in scripts.values() for low, high in entry["ranges"])
    assert all(low <= high for low, high in spans)
    assert all(a[1] < b[0] for a, b in pairwise(spans)), "ranges overlap"

    bmp = _tables().bmp

    def script_of(ch: str) -> str | None:
        return bmp[ord(ch)]

    for name, entry in scripts.items():
        assert isinstance(entry["rtl"], bool), name
        assert ("default" in entry) != bool(entry.get("languages")), name
        for code in entry.get("languages", []):
            assert table["languages"][code]["script"] == name, code
    for code, entry in table["languages"].items():
        script = entry["script"]
        assert script in scripts, code
        listed = code in scripts[script].get("languages", [])
        marked = "markers" in entry
        assert listed != marked, f"{code}: told apart either by words or by marker letters"
        if marked:
            assert 0 < entry["marker_share"] < 1, code
            for low, high in entry["markers"]:
                assert {script_of(chr(low)), script_of(chr(high))} == {script}, code
            continue
        words = entry["words"]
        assert len(words) >= 10, code
        keys = [_lexicon_form(w) for w in words]
        assert len(set(keys)) == len(keys), f"{code}: duplicate words once folded"
        for word in words:
            assert _WORD_RE.fullmatch(word), (code, word)
            assert word == word.lower(), (code, word)
            assert {script_of(ch) for ch in word} == {script}, (code, word)
        for letter in entry["letters"]:
            assert script_of(letter) == script, (code, letter)
        assert len(set(entry["letters"])) == len(entry["letters"]), code


def test_language_tags_and_directions_are_known() -> None:
    table = load_table("languages")
    scripts = table["scripts"]
    codes = set(table["languages"]) | {e["default"] for e in scripts.values() if "default" in e}
    tags = table["tags"]
    assert set(tags["scripts"].values()) <= set(scripts)
    assert all(len(subtag) == 4 for subtag in tags["scripts"])
    assert set(tags["same_as"].values()) <= codes
    assert not set(tags["same_as"]) & codes, "a detector code is not an alias"
    assert not set(tags["deprecated"]) & codes
    assert all(tag.count("-") == 1 for tag in tags["pseudo_locales"]["locales"])
    rtl = set(table["direction"]["rtl_languages"])
    for name, entry in scripts.items():
        written = {c for c, language in table["languages"].items() if language["script"] == name}
        written |= {entry.get("default"), *entry.get("languages", [])} - {None}
        if entry["rtl"]:
            assert written <= rtl, written - rtl
        else:
            assert not written & rtl, written & rtl
    assert not rtl & set(table["direction"]["either_direction"])
