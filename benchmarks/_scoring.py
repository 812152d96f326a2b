"""Scoring shared by the benchmarks: Arabic-normalised token F1, title/date checks, chrome leaks.

Normalisation is for matching only (see ``article_extract._text.fold``): harakat and tatweel
stripped, alef/yeh/teh-marbuta unified, digits made ASCII, case folded.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from statistics import median
from typing import Any

from article_extract._lexicon import chrome_lexicon, match_key
from article_extract._text import fold

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
_TOKEN_RE = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> list[str]:
    return _TOKEN_RE.findall(fold(text))


@dataclass(frozen=True)
class Overlap:
    precision: float
    recall: float
    f1: float


def token_overlap(predicted: str, gold: str) -> Overlap:
    """Bag-of-tokens precision/recall/F1 of ``predicted`` against ``gold``."""
    pred, ref = Counter(tokens(predicted)), Counter(tokens(gold))
    if not pred and not ref:
        return Overlap(1.0, 1.0, 1.0)
    common = sum((pred & ref).values())
    p = common / sum(pred.values()) if pred else 0.0
    r = common / sum(ref.values()) if ref else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return Overlap(p, r, f)


def same_title(predicted: str | None, gold: str) -> bool:
    """Exact match after whitespace/NFC cleaning (not folding: a title is shown as-is)."""
    from article_extract._text import clean_text

    return predicted is not None and clean_text(predicted) == clean_text(gold)


def gold_day(gold: dict[str, Any]) -> str | None:
    value = gold.get("published")
    return value[:10] if value else None


def chrome_leaks(lines: list[str], gold_body: str) -> list[str]:
    """Output lines that the chrome lexicon flags and that are not part of the gold body."""
    lexicon = chrome_lexicon()
    gold_keys = {match_key(line) for line in gold_body.splitlines()}
    return [
        line for line in lines
        if line.strip() and lexicon.is_chrome(line) and match_key(line) not in gold_keys
    ]


def load_gold(page_id: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CORPUS / "pages" / f"{page_id}.json").read_text("utf-8"))
    return data


def page_ids() -> list[str]:
    return sorted(p.stem for p in (CORPUS / "pages").glob("*.json"))


def fmt_rate(hits: int, total: int) -> str:
    return f"{hits}/{total} ({100 * hits / total:.0f}%)" if total else "-"


def fmt_median(values: list[float]) -> str:
    return f"{median(values):.3f}" if values else "-"
