"""Interim: the page's declared language, else Arabic when the text is mostly Arabic script.

(Replaced by the shared detector.)"""

from __future__ import annotations

from typing import Literal

from .._text import arabic_letter_ratio

__all__ = ["decide_language", "direction_of"]

_RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur", "ps", "ckb", "yi", "dv", "sd", "ug", "ku"})
ARABIC_SHARE = 0.5


def decide_language(declared: str | None, text: str) -> str | None:
    if declared:
        value = declared.strip()
        return value.replace("_", "-").split("-")[0].lower() if "_" in value else value
    return "ar" if arabic_letter_ratio(text) >= ARABIC_SHARE else None


def direction_of(
    language: str | None, declared_dir: str | None, text: str
) -> Literal["rtl", "ltr"] | None:
    if declared_dir == "rtl":
        return "rtl"
    if declared_dir == "ltr":
        return "ltr"
    if language:
        return "rtl" if language.split("-")[0].lower() in _RTL_LANGUAGES else "ltr"
    if text:
        return "rtl" if arabic_letter_ratio(text) >= ARABIC_SHARE else "ltr"
    return None
