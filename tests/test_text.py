"""Text normalisation: what users see (clean_text) versus what matching uses (fold)."""

from __future__ import annotations

import pytest

from article_extract._model import URL_RE
from article_extract._text import clean_text, fold


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\u00a0b", "a b"),
        ("a\u2009\u2009b", "a b"),
        ("\u200fنص\u200e", "نص"),
        ("\ufeffنص", "نص"),
        ("سطر\r\nآخر", "سطر آخر"),
        ("قـال", "قـال"),
        ("كتابُ", "كتابُ"),
    ],
)
def test_clean_text(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


def test_clean_text_can_keep_newlines() -> None:
    assert clean_text(" a \n  b ", keep_newlines=True) == "a\nb"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("إقرأ أيضاً", "اقرا ايضا"),
        ("الأخبار", "الاخبار"),
        ("مدرسة", "مدرسه"),
        ("مستشفى", "مستشفي"),
        ("قـــال", "قال"),
        ("اخر اﻷخبار", "اخر الاخبار"),  # lam-alef presentation form
        ("٢٠٢٢", "2022"),
        ("۱۴۴۱", "1441"),  # Persian digits
        ("Home", "home"),
        ("ی", "ي"),  # Persian yeh
    ],
)
def test_fold_unifies_variants(a: str, b: str) -> None:
    assert fold(a) == fold(b)


def test_lone_surrogates_become_replacement_characters() -> None:
    """A str may hold lone surrogates (JSON "\\ud800" escapes); UTF-8 and JSON output cannot."""
    cleaned = clean_text("نص \ud800 آخر\udfff")
    assert cleaned == "نص \ufffd آخر\ufffd"
    cleaned.encode("utf-8")
    assert fold("\udc80") == "\ufffd"


def test_url_with_a_lone_surrogate_is_not_a_url() -> None:
    assert URL_RE.match("https://example.com/a.jpg")
    assert not URL_RE.match("https://example.com/\ud800.jpg")
    assert not URL_RE.match("https://exa\udfffmple.com/")
