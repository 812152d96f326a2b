"""Scoring shared by the benchmarks: Arabic-normalised token F1, title/date checks, chrome leaks.

Normalisation is for matching only (see ``article_extract._text.fold``): harakat and tatweel
stripped, alef/yeh/teh-marbuta unified, digits made ASCII, case folded.
"""

from __future__ import annotations

import argparse
import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import Path
from statistics import median
from typing import Any, Literal

from article_extract._decide.language import detect_language
from article_extract._text import fold

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
FIXTURES = ROOT / "tests" / "fixtures"
# The same pages as text dumps, per shape: each shape's folder inside the corpus.
DUMP_SHAPES: dict[str, str] = {
    "dumps": "dumps",
    "inscriptis": "dumps-alt/inscriptis",
    "htmltext": "dumps-alt/htmltext",
    "w3m": "dumps-alt/w3m",
    "markdown": "dumps-alt/markdown",
}
_corpus = DEFAULT_CORPUS


def corpus() -> Path:
    """The development corpus this run reads (``--corpus``, set by :func:`use_corpus`)."""
    return _corpus


def add_corpus_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        metavar="DIR",
        help=f"the development corpus (default: {DEFAULT_CORPUS})",
    )


def use_corpus(path: Path, *required: str) -> Path:
    """Read the corpus at ``path`` from now on; exit loudly if any ``required`` glob (relative to
    it) matches nothing: a benchmark without its data must fail, not print an empty table."""
    global _corpus
    missing = [pattern for pattern in required if not any(path.glob(pattern))]
    if not path.is_dir() or missing:
        what = ", ".join(missing) if path.is_dir() else "the folder itself"
        raise SystemExit(f"benchmark data missing in {path}: {what} (pass --corpus DIR)")
    _corpus = path
    return path


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


# An output line is body text when at least this share of its tokens occur in the gold body.
MIN_GOLD_TOKEN_SHARE = 0.5


def chrome_leaks(lines: list[str], gold_body: str, absent: list[str] | None = None) -> list[str]:
    """What the output holds that is not the article, judged against the gold, not against our
    own lexicon: output lines most of whose tokens the gold body lacks (menus, related teasers,
    captions, bylines, share prompts…), and the phrases listed as ``absent`` for the page (a
    fixture's ``absent`` list) found anywhere in the output."""
    gold = Counter(tokens(gold_body))
    leaked: list[str] = []
    for line in lines:
        found = tokens(line)
        if not found:
            continue
        in_gold = sum(1 for token in found if gold[token])
        if in_gold < MIN_GOLD_TOKEN_SHARE * len(found):
            leaked.append(line)
    output = fold("\n".join(lines))
    leaked += [f"absent: {phrase}" for phrase in absent or [] if fold(phrase) in output]
    return leaked


# What an extracted body must not hold (Markdown inputs): link and image syntax, emphasis
# markers, heading hashes and list or quote markers opening a line, backslash escapes, HTML
# entities — and addresses (a link's target, a bare URL).
_MARKUP_RE = re.compile(
    r"\]\(|!\[|\*\*|__|^#{1,6}\s|^[*+>]\s|\\[\\`*_\[\]#<>]"
    r"|&(?:[a-zA-Z]{2,8}|#\d{1,7}|#x[0-9a-fA-F]{1,6});"
)
_ADDRESS_RE = re.compile(r"https?://|\bwww\.\w|\b[\w-]+\.(?:com|net|org)/", re.IGNORECASE)


def markup_leaks(lines: list[str], gold_body: str) -> list[str]:
    """Output lines holding Markdown syntax, an entity or an address that the gold body does
    not hold itself."""
    leaked: list[str] = []
    for line in lines:
        found = [m.group() for r in (_MARKUP_RE, _ADDRESS_RE) for m in r.finditer(line)]
        if any(found_text not in gold_body for found_text in found):
            leaked.append(line)
    return leaked


def load_gold(page_id: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((corpus() / "pages" / f"{page_id}.json").read_text("utf-8"))
    return data


def page_ids() -> list[str]:
    return sorted(p.stem for p in (corpus() / "pages").glob("*.json"))


def fmt_rate(hits: int, total: int) -> str:
    return f"{hits}/{total} ({100 * hits / total:.0f}%)" if total else "-"


def fmt_median(values: list[float]) -> str:
    return f"{median(values):.3f}" if values else "-"


# --- dates -----------------------------------------------------------------------------------

DayVerdict = Literal["ok", "missing", "wrong"]
DAY_VERDICTS: tuple[DayVerdict, ...] = ("ok", "missing", "wrong")
UNPARSEABLE = "unparseable"


def _parse_when(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        pass
    try:
        from dateutil import parser as date_parser

        return date_parser.parse(text)
    except (ValueError, OverflowError, TypeError):
        return None


def _gold_zone(gold_published: str | None) -> tzinfo | None:
    if not gold_published:
        return None
    try:
        return datetime.fromisoformat(gold_published).tzinfo
    except ValueError:
        return None


def day_of(value: str | None, gold_published: str | None = None) -> str | None:
    """The calendar day (``YYYY-MM-DD``) of a system's date, ``None`` when it gave none.

    ``value`` is the date as the system returned it, serialised (ISO 8601 for datetimes, the
    library's own string otherwise). An aware value is read in the gold's offset when the gold
    states one, so "2020-11-30T23:00Z" and "2020-12-01T02:00+03:00" are the same day; otherwise
    its own wall-clock day counts. A non-empty string nothing can parse gives ``UNPARSEABLE``.
    """
    if value is None or not value.strip():
        return None
    when = _parse_when(value)
    if when is None:
        return UNPARSEABLE
    zone = _gold_zone(gold_published)
    if when.tzinfo is not None and zone is not None:
        when = when.astimezone(zone)
    return when.date().isoformat()


def judge_day(value: str | None, gold: dict[str, Any]) -> DayVerdict | None:
    """``ok``/``missing``/``wrong`` for a system's date against the gold; ``None`` if unscored.

    Gold without a ``published`` key is not scored. Gold ``published: null`` means the page
    states no date: giving none is ``ok``, giving one is ``wrong``. A gold less precise than a
    day (``"2020-12"``) is matched on the part it states.
    """
    if "published" not in gold:
        return None
    want = gold_day(gold)
    got = day_of(value, gold.get("published"))
    if want is None:
        return "ok" if got is None else "wrong"
    if got is None:
        return "missing"
    return "ok" if got[: len(want)] == want else "wrong"


# --- pages and languages -----------------------------------------------------------------------


def is_arabic(lang: str | None) -> bool:
    return bool(lang) and str(lang).lower().split("-")[0] == "ar"


def guess_lang(body: str) -> str:
    """The gold body's language by the library's own detector ("und" when it cannot tell)."""
    return detect_language(body) or "und"


# --- statistics and tables ---------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (``q`` in 0..100); NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def fmt_float(value: float | None, digits: int = 3) -> str:
    return "-" if value is None or math.isnan(value) else f"{value:.{digits}f}"


def markdown_table(headers: list[str], rows: list[list[str]]) -> str:
    """A GitHub-flavoured markdown table; cells must not contain ``|``."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell.replace("|", "/") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


# --- one system on one page, and on a set of pages --------------------------------------------


@dataclass
class Score:
    """One system's output on one page, scored against the gold."""

    case: str
    arabic: bool
    title_ok: bool | None  # None: the gold has no title
    day: DayVerdict | None  # None: the gold states nothing about the date
    day_value: str | None  # the system's date as a day (or UNPARSEABLE), for auditing
    precision: float
    recall: float
    f1: float
    leaks: list[str]
    error: str | None
    error_detail: str | None
    ms: float
    markup: list[str] = field(default_factory=list)  # lines with syntax or addresses (markup_leaks)
    cpu_ms: float = math.nan  # CPU time (one core), when the benchmark measures it


def score_output(
    case: str,
    gold: dict[str, Any],
    *,
    title: str | None,
    published: str | None,
    lines: list[str],
    error: str | None,
    ms: float,
    error_detail: str | None = None,
    cpu_ms: float = math.nan,
) -> Score:
    """Score one output: ``lines`` is the body one block per line (split a blob on newlines)."""
    overlap = token_overlap("\n".join(lines), gold["body"])
    return Score(
        case=case,
        arabic=is_arabic(gold.get("lang")),
        title_ok=same_title(title, gold["title"]) if gold.get("title") else None,
        day=judge_day(published, gold),
        day_value=day_of(published, gold.get("published")),
        precision=overlap.precision,
        recall=overlap.recall,
        f1=overlap.f1,
        leaks=chrome_leaks(lines, gold["body"], gold.get("absent")),
        error=error,
        error_detail=error_detail,
        ms=ms,
        markup=markup_leaks(lines, gold["body"]),
        cpu_ms=cpu_ms,
    )


@dataclass
class Summary:
    """One system over a set of pages. Failed pages count, with empty output (F1 0)."""

    pages: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    titles_ok: int = 0
    titles_scored: int = 0
    days: Counter[str] = field(default_factory=Counter)
    precision: list[float] = field(default_factory=list)
    recall: list[float] = field(default_factory=list)
    f1: list[float] = field(default_factory=list)
    leaking_pages: int = 0
    markup_pages: int = 0
    ms: list[float] = field(default_factory=list)
    cpu_ms: list[float] = field(default_factory=list)

    @property
    def days_scored(self) -> int:
        return sum(self.days.values())

    @property
    def median_f1(self) -> float | None:
        return median(self.f1) if self.f1 else None

    @property
    def median_ms(self) -> float | None:
        return median(self.ms) if self.ms else None


def summarise(scores: list[Score]) -> Summary:
    summary = Summary()
    for score in scores:
        summary.pages += 1
        if score.error:
            summary.errors[score.error] += 1
        if score.title_ok is not None:
            summary.titles_scored += 1
            summary.titles_ok += score.title_ok
        if score.day is not None:
            summary.days[score.day] += 1
        summary.precision.append(score.precision)
        summary.recall.append(score.recall)
        summary.f1.append(score.f1)
        summary.leaking_pages += bool(score.leaks)
        summary.markup_pages += bool(score.markup)
        summary.ms.append(score.ms)
        if not math.isnan(score.cpu_ms):
            summary.cpu_ms.append(score.cpu_ms)
    return summary


ACCURACY_HEADERS = [
    "pages",
    "errors",
    "title exact",
    "day ok",
    "day missing",
    "day wrong",
    "body P (med)",
    "body R (med)",
    "body F1 (med)",
    "chrome leaks",
]


def errors_cell(errors: Counter[str], limit: int | None = None) -> str:
    """``"3 (not_an_article 2, internal_error 1)"``: total, then codes by frequency."""
    if not errors:
        return "0"
    codes = ", ".join(f"{code} {n}" for code, n in errors.most_common(limit))
    return f"{errors.total()} ({codes})"


def accuracy_cells(summary: Summary, *, error_codes: int | None = None) -> list[str]:
    """The cells under :data:`ACCURACY_HEADERS` for one summary."""
    s = summary
    return [
        str(s.pages),
        errors_cell(s.errors, error_codes),
        fmt_rate(s.titles_ok, s.titles_scored),
        fmt_rate(s.days["ok"], s.days_scored),
        str(s.days["missing"]),
        str(s.days["wrong"]),
        fmt_float(median(s.precision) if s.precision else None),
        fmt_float(median(s.recall) if s.recall else None),
        fmt_float(s.median_f1),
        fmt_rate(s.leaking_pages, s.pages),
    ]


_TITLE_MARK = {True: "T✓", False: "T✗", None: "T·"}
_DAY_MARK = {"ok": "d✓", "missing": "d-", "wrong": "d✗", None: "d·"}
PER_PAGE_LEGEND = (
    "Cell: T✓/T✗ title exact or not; d✓ right day, d- no date, d✗ wrong day, d· not scored; "
    "body F1; leakN = N chrome lines leaked; (error) = what the system raised."
)


def per_page_cell(score: Score | None) -> str:
    if score is None:
        return ""
    cell = f"{_TITLE_MARK[score.title_ok]} {_DAY_MARK[score.day]} {score.f1:.2f}"
    if score.leaks:
        cell += f" leak{len(score.leaks)}"
    if score.error:
        cell += f" ({score.error})"
    return cell
