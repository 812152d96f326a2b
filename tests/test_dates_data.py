"""Integrity of the date tables (data/dates_*.toml): coverage, NFC, no ambiguous spellings."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from article_extract._dates._lexicon import fold_key, lexicon, table_entries
from article_extract.data import load_table

TABLES = ["dates_months", "dates_weekdays", "dates_labels", "dates_zones", "dates_markers"]
TABLES += ["dates_relative"]


def _strings(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for key, value in node.items() for s in [key, *_strings(value)]]
    if isinstance(node, list):
        return [s for item in node for s in _strings(item)]
    return []


@pytest.mark.parametrize("table", TABLES)
def test_every_string_is_clean_nfc(table: str) -> None:
    for text in _strings(load_table(table)):
        assert unicodedata.normalize("NFC", text) == text, (table, text)
        assert text == text.strip(), (table, text)
        assert "  " not in text, (table, text)
        assert not set(text) & set("\u200f\u200e\u00a0"), (table, text)


@pytest.mark.parametrize("table", TABLES)
def test_no_list_repeats_a_spelling(table: str) -> None:
    def lists(node: Any) -> list[list[Any]]:
        if isinstance(node, list):
            return [node, *(x for item in node for x in lists(item))]
        if isinstance(node, dict):
            return [x for value in node.values() for x in lists(value)]
        return []

    for names in lists(load_table(table)):
        plain = [n for n in names if isinstance(n, str)]
        assert len(plain) == len(set(plain)), (table, plain)


def test_every_region_names_all_twelve_months() -> None:
    regions = load_table("dates_months")["region"]
    assert {r["name"] for r in regions} >= {
        "egypt_gulf",
        "levant_iraq",
        "algeria_tunisia",
        "morocco",
        "hijri",
    }
    for region in regions:
        assert sorted(int(k) for k in region["months"]) == list(range(1, 13)), region["name"]
        assert all(region["months"][k] for k in region["months"]), region["name"]
        assert region["calendar"] in ("gregorian", "hijri", "solar_hijri")


def test_weekdays_and_ordinals_are_complete() -> None:
    assert sorted(int(k) for k in load_table("dates_weekdays")["weekdays"]) == list(range(7))
    ordinals = load_table("dates_markers")["ordinals"]
    assert sorted(int(k) for k in ordinals) == list(range(1, 32))


def test_a_folded_spelling_has_one_meaning_per_kind() -> None:
    seen: dict[tuple[tuple[str, ...], str], set[Any]] = defaultdict(set)
    for _, name, field, value in table_entries():
        seen[(fold_key(name), field)].add(value if field != "unit" else value[0])
    clashes = {key: values for key, values in seen.items() if len(values) > 1}
    assert not clashes


def test_month_and_weekday_names_collide_with_no_other_word() -> None:
    """A month or weekday spelling that is also a unit, label, zone… would be read two ways."""
    kinds: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for _, name, field, _ in table_entries():
        kinds[fold_key(name)].add(field)
    for key, fields in kinds.items():
        if "month" in fields or "weekday" in fields:
            assert len(fields - READ_APART) == 1, (key, fields)


# Kinds a month name may share a spelling with: a word read only after a count and a unit
# ("2 hours ago"), where no month stands, is never read two ways (Spanish "13 ago 2024").
READ_APART = {"rel_post"}


def test_lexicon_builds_and_merges_multi_word_names() -> None:
    entries = lexicon()
    keys = {key for candidates in entries.values() for key, _ in candidates}
    assert ("كانون", "الثاني") in keys
    assert ("جمادي", "الاخره") in keys  # folded: ى→ي, آ→ا, ة→ه
    for candidates in entries.values():
        sizes = [len(key) for key, _ in candidates]
        assert sizes == sorted(sizes, reverse=True)  # longest entry is tried first


def test_zone_names_exist_in_the_tz_database() -> None:
    for tz in load_table("dates_zones")["tz"].values():
        assert ZoneInfo(tz).key == tz


def test_labels_have_known_roles() -> None:
    assert set(load_table("dates_labels")["labels"]) == {"published", "modified", "neutral"}


def test_ambiguous_zone_names_are_absent() -> None:
    zones = load_table("dates_zones")["tz"]
    assert "عمان" not in zones  # Amman or Oman, once the shadda is dropped
    assert "عمّان" not in zones
    assert "طرابلس" not in zones  # Tripoli, Libya or Lebanon


def test_zone_abbreviations_are_real_offsets() -> None:
    """Latin names are upper-case abbreviations ("EDT"); the others are zone names written in
    words ("北京时间"), never in Latin letters."""
    offsets = load_table("dates_zones")["offsets"]
    for name, text in offsets.items():
        assert name.isalpha(), name
        if name.isascii():
            assert name == name.upper(), name
        else:
            assert not any(c.isascii() for c in name), name
        assert len(text) == 6, (name, text)
        assert text[0] in "+-", (name, text)
        assert text[3] == ":", (name, text)
        hours, minutes = int(text[1:3]), int(text[4:])
        assert hours <= 14, (name, text)
        assert minutes in (0, 30, 45), (name, text)


def test_ambiguous_zone_abbreviations_are_decided_or_absent() -> None:
    """The decisions written in dates_zones.toml: Gulf readings for AST/GST, US for CST; IST
    (India, Israel, Ireland) absent; abbreviations that are English words absent."""
    offsets = load_table("dates_zones")["offsets"]
    assert offsets["AST"] == "+03:00"
    assert offsets["GST"] == "+04:00"
    assert offsets["CST"] == "-06:00"
    assert offsets["KSA"] == "+03:00"
    assert offsets["JST"] == offsets["KST"] == "+09:00"
    assert offsets["北京时间"] == "+08:00"  # China only by an unambiguous name, never "CST"
    assert not {"IST", "EAT", "CAT", "WAT", "WET", "WEST"} & set(offsets)


def test_a_zone_abbreviation_means_nothing_else() -> None:
    fields: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for _, name, field, _ in table_entries():
        fields[fold_key(name)].add(field)
    for name in load_table("dates_zones")["offsets"]:
        assert fields[fold_key(name)] == {"offset"}, name
