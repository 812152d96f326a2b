"""Language and text direction: one rule for every kind of input.

:func:`detect_language` reads the language from the text alone, :func:`decide_language` weighs
it against what the page declares, :func:`direction_of` says which way the text runs. All
words, letters and script ranges are data (``data/languages.toml``).

How the text is read
    A bounded prefix: at most :data:`SCAN_CHARS` characters from the start of the text, read
    :data:`STEP_CHARS` characters (about 4,000 letters, some 700 words) at a time; the next
    step is read only while no language is clear (a dump whose first screens are menus), and
    never more than :data:`MAX_STEPS` steps. Body text is settled by the first step; reading a
    100 KB dump to the end would only cost time. The prefix is NFKC-normalised (Arabic
    presentation forms and lam-alef ligatures become letters, full-width Latin becomes ASCII),
    harakat and tatweel are dropped, URLs and Markdown link targets are skipped, digits of every
    script are ignored, and ZWNJ separates words (Persian "می‌شود" gives "می" and "شود"). Every
    pass is C code or a linear regex over the prefix, plus one Python step per distinct word of
    the steps read: O(n) in a prefix that is itself bounded.

How a language is detected
    1. *Script*: every word counts in the script of its first letter. The script holding the
       most letters must hold at least :data:`DOMINANT_SHARE` of them and at least
       :data:`MIN_SCRIPT_LETTERS`, else no verdict: an Arabic article quoting English words
       stays Arabic, a page a third Latin, a third Cyrillic and a third Greek gets None.
    2. *Marker letters*: a script with a default language may mark another one by letters
       (kana among Han ideographs is Japanese; the Yiddish digraphs in Hebrew script).
    3. *Default*: a script one language writes gives that language (Greek, Hebrew, Thai,
       Hangul, Devanagari as Hindi, Han as Chinese…).
    4. *Lexicon*: in a script several languages share (Latin, Cyrillic, Arabic), each language
       scores its very frequent function words found in the text read, plus
       :data:`LETTER_VOTE` per occurrence of a letter that marks it (پ/ے/ښ/ڵ, ñ, ß, ı…). The
       highest score wins only when it beats *every* other language on the evidence that tells
       the two apart (words and letters one has and the other lacks): at least
       :data:`MIN_EVIDENCE` and :data:`WIN_RATIO` times the other's. So Indonesian and Malay,
       which share most function words, are told apart only by the words that differ
       ("bahwa", "karena" vs "bahawa", "kerana"): `id` needs clear evidence. The winner's
       score must also reach :data:`MIN_EVIDENCE_PER_WORD` per word of the script, else the
       text is probably in a language we have no lexicon for, and no verdict is given (a list
       of Arabic names with no function word is still Arabic by its teh marbuta).

The declared-versus-detected rule (:func:`decide_language`)
    ``declared`` is normalised (lower case, "_" → "-", BCP-47 shape, deprecated codes such as
    "iw" replaced, og:locale pseudo-regions such as "ar_AR" dropped); a malformed tag counts as
    absent.

    * No detection (thin or mixed text): the declaration stands.
    * Nothing declared: the detection.
    * Same language (same primary subtag, or codes naming one language: "nb" and "no",
      "arz" and "ar"): the declaration stands, region and script subtags kept ("ar-eg").
    * Different scripts (the template says ``lang="en"``, the text is Arabic): the detection,
      since a page's text cannot be in the wrong script. A declaration whose script we do not
      know (a language outside our tables) stands.
    * Same script, different languages (declared "ar", text Persian): the detection wins only
      when the detector knows the declared language too and the text's distinguishing evidence
      for the detected language is at least :data:`OVERRIDE_RATIO` times that for the declared
      one. A language detected by script alone (Devanagari as Hindi) never overrides a
      declaration in its own script (a page declaring Marathi is believed).

Direction (:func:`direction_of`)
    A valid declared ``dir`` ("rtl"/"ltr"); else the language: its script subtag ("az-arab"),
    else whether it is written right to left (``[direction]`` of the table); a language written
    in both kinds of script ("ku", "az", "pa") and a missing language fall through to the text:
    RTL when at least :data:`RTL_LETTER_SHARE` of the first step's letters are in an RTL script
    (Arabic, Hebrew, Syriac, Thaana: the script table covers every RTL script, read
    over the same bounded prefix as detection); None without letters.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal, NamedTuple

from .._model import LANG_RE
from .._text import LETTER_VARIANTS
from ..data import load_table

__all__ = [
    "SCAN_CHARS",
    "decide_language",
    "detect_language",
    "direction_of",
    "normalize_language_tag",
]

# Characters of the text ever looked at, by C code only (normalisation, URL removal): a
# Markdown dump can spend 40 KB on menus and link targets before its first paragraph.
SCAN_CHARS = 64_000
# Characters read per step, after URLs are dropped: ~4,000 letters, ~700 words of prose.
STEP_CHARS = 5_000
# Steps read at most (the per-word Python work): ~16,000 letters.
MAX_STEPS = 4
# Fewer letters than this in the main script is a label or a name, not text.
MIN_SCRIPT_LETTERS = 16
# The main script must hold this share of the letters; below it the text is mixed.
DOMINANT_SHARE = 0.5
# Function words (letter votes included) by which the winner must beat each other language.
MIN_EVIDENCE = 3.0
# ...and the winner's distinguishing evidence must be this many times the other's.
WIN_RATIO = 2.0
# The winner's score per word of the script: prose in a language we know is 20-45% function
# words, a dump thick with menus 7% or more; below this the text is probably in a language we
# have no lexicon for.
MIN_EVIDENCE_PER_WORD = 0.05
# A marking letter (ñ, ß, ے, ښ) weighs a quarter of a function word: names and loanwords carry
# them too, and frequent ones (Turkish ı) would otherwise drown the words.
LETTER_VOTE = 0.25
# Within one script, the detection overrides the declared language only on this much more
# distinguishing evidence than the declared language has.
OVERRIDE_RATIO = 3.0
# Without a language, text whose letters are at least this share RTL-script reads RTL.
RTL_LETTER_SHARE = 0.5
# Letters are mapped to their script by a table of the Basic Multilingual Plane, in C (the
# rare letters beyond it are first replaced by a letter of their script, see _Tables.astral).
_BMP = 0x10000
# A step ends at the first space at most this many characters after STEP_CHARS (text without
# spaces, such as Japanese, is cut where the step ends).
_STEP_SLACK = 64

Direction = Literal["rtl", "ltr"]

# A word: a run of letters (not digits, not "_"). ZWNJ, apostrophes and marks end a word.
_WORD_RE = re.compile(r"[^\W\d_]+")
# Harakat, Quranic marks and tatweel: dropped so that vocalised or stretched words still match.
_ARABIC_MARKS_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# URLs and Markdown link targets: their letters are not the page's language. One fixed start,
# then one character class: linear.
_LINK_RE = re.compile(r"(?:https?://|www\.|\]\()[^\s()\[\]<>\"']*")
# Characters beyond the Basic Multilingual Plane.
_ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")
# Turkish "İ" lower-cases to "i" + combining dot; the dot is dropped so "İçin" matches "için".
_COMBINING_DOT = "\u0307"


def _lexicon_form(text: str) -> str:
    """The spelling function words are compared in: case-folded, and Arabic-script letter
    variants unified as in ``_text.fold`` (أ/إ/آ → ا, ی → ي, ک → ك, ة → ه…), so that a word
    matches however the site types hamza, yeh and kaf. C-speed passes over the whole text."""
    text = text.casefold()
    if _COMBINING_DOT in text:
        text = text.replace(_COMBINING_DOT, "")
    for variant, letter in LETTER_VARIANTS.items():
        if variant in text:
            text = text.replace(variant, letter)
    return text


def _lexicon_forms(words: list[str]) -> frozenset[str]:
    """:func:`_lexicon_form` of each word: one pass over them all, joined by newlines (which no
    word holds), rather than one per word."""
    return frozenset(_lexicon_form("\n".join(words)).split("\n")) if words else frozenset()


class _Script(NamedTuple):
    name: str
    rtl: bool
    default: str | None  # the language of a script one language writes
    languages: tuple[str, ...]  # languages told apart by their words
    marked: tuple[str, ...]  # languages of this script chosen by marker letters


class _Language(NamedTuple):
    code: str
    script: str
    words: frozenset[str]  # in _lexicon_form
    letters: frozenset[str]
    markers_re: re.Pattern[str] | None
    marker_share: float


class _Tables(NamedTuple):
    bmp: tuple[str | None, ...]  # script of each BMP code point (None: in no script)
    astral: tuple[tuple[re.Pattern[str], str], ...]  # astral letters → a BMP letter of theirs
    scripts: dict[str, _Script]
    languages: dict[str, _Language]
    script_of_language: dict[str, str]
    word_languages: dict[str, tuple[str, ...]]  # function word → languages that use it
    letter_languages: dict[str, tuple[str, ...]]  # marking letter → languages it marks
    letters_re: re.Pattern[str]  # any marking letter
    deprecated: dict[str, str]
    same_as: dict[str, str]
    pseudo_locales: frozenset[str]
    script_subtags: dict[str, str]
    rtl_languages: frozenset[str]
    either_direction: frozenset[str]


def _class_of_ranges(ranges: list[list[int]]) -> str:
    return "".join(f"{chr(low)}-{chr(high)}" for low, high in ranges)


def _index(pairs: Iterator[tuple[str, str]]) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for key, code in pairs:
        index.setdefault(key, []).append(code)
    return {key: tuple(codes) for key, codes in index.items()}


@cache
def _tables() -> _Tables:
    table: dict[str, Any] = load_table("languages")
    spans = sorted(
        (low, high, name)
        for name, entry in table["scripts"].items()
        for low, high in entry["ranges"]
    )
    bmp: list[str | None] = [None] * _BMP
    for low, high, name in spans:
        if low < _BMP:
            bmp[low : min(high, _BMP - 1) + 1] = [name] * (min(high, _BMP - 1) + 1 - low)
    astral = tuple(
        (re.compile(f"[{chr(low)}-{chr(high)}]"), chr(bmp.index(name)))
        for low, high, name in spans
        if high >= _BMP
    )
    languages: dict[str, _Language] = {}
    for code, entry in table["languages"].items():
        markers = entry.get("markers")
        languages[code] = _Language(
            code=code,
            script=entry["script"],
            words=_lexicon_forms(entry.get("words", [])),
            letters=frozenset(entry.get("letters", "")),
            markers_re=re.compile(f"[{_class_of_ranges(markers)}]") if markers else None,
            marker_share=float(entry.get("marker_share", 0.0)),
        )
    scripts = {
        name: _Script(
            name=name,
            rtl=bool(entry["rtl"]),
            default=entry.get("default"),
            languages=tuple(entry.get("languages", ())),
            marked=tuple(
                code
                for code, language in languages.items()
                if language.script == name and language.markers_re is not None
            ),
        )
        for name, entry in table["scripts"].items()
    }
    script_of_language = {code: language.script for code, language in languages.items()}
    for name, script in scripts.items():
        if script.default:
            script_of_language[script.default] = name
    letter_languages = _index((ch, c) for c, lang in languages.items() for ch in lang.letters)
    tags = table["tags"]
    return _Tables(
        bmp=tuple(bmp),
        astral=astral,
        scripts=scripts,
        languages=languages,
        script_of_language=script_of_language,
        word_languages=_index((w, c) for c, lang in languages.items() for w in lang.words),
        letter_languages=letter_languages,
        letters_re=re.compile(f"[{re.escape(''.join(sorted(letter_languages)))}]"),
        deprecated=dict(tags["deprecated"]),
        same_as=dict(tags["same_as"]),
        pseudo_locales=frozenset(tags["pseudo_locales"]["locales"]),
        script_subtags=dict(tags["scripts"]),
        rtl_languages=frozenset(table["direction"]["rtl_languages"]),
        either_direction=frozenset(table["direction"]["either_direction"]),
    )


@dataclass(slots=True)
class _Evidence:
    """What the text read so far shows. Filled step by step by :func:`_readings`; read-only
    once a detection is made from it."""

    letters: Counter[str | None] = field(default_factory=Counter)  # script → letters
    words: Counter[str | None] = field(default_factory=Counter)  # script → words
    hits: Counter[str] = field(default_factory=Counter)  # function word → occurrences
    marking: Counter[str] = field(default_factory=Counter)  # marking letter → occurrences
    marked: Counter[str] = field(default_factory=Counter)  # marked language → marker letters


def _prefix(text: str) -> str:
    """The part of ``text`` that is read, normalised: NFKC, no URLs, no harakat or tatweel,
    letters beyond the BMP replaced by a letter of their script, other astral characters
    (emoji) by a space."""
    window = unicodedata.normalize("NFKC", text[:SCAN_CHARS])
    window = _LINK_RE.sub(" ", window)
    window = _ARABIC_MARKS_RE.sub("", window)
    if _ASTRAL_RE.search(window):
        for pattern, letter in _tables().astral:
            window = pattern.sub(letter, window)
        window = _ASTRAL_RE.sub(" ", window)
    return window


def _steps(prefix: str) -> Iterator[str]:
    """``prefix`` in pieces of about STEP_CHARS characters, cut at spaces; MAX_STEPS at most."""
    start = 0
    for _ in range(MAX_STEPS):
        if start >= len(prefix):
            return
        end = start + STEP_CHARS
        space = prefix.find(" ", end, end + _STEP_SLACK)
        end = space if space != -1 else end
        yield prefix[start:end]
        start = end


def _read(evidence: _Evidence, piece: str) -> None:
    """Add the letters, words, function words and marking letters of ``piece``: C passes
    (regex, Counter) and one short Python step per distinct word. A word counts in the script
    of its first letter ("iPhoneの" is Latin)."""
    tables = _tables()
    found = Counter(_WORD_RE.findall(_lexicon_form(piece)))
    script_of = tables.bmp
    letters, counts = evidence.letters, evidence.words
    for word, n in found.items():
        script = script_of[ord(word[0])]
        letters[script] += n * len(word)
        counts[script] += n
    evidence.hits.update({w: found[w] for w in found.keys() & tables.word_languages.keys()})
    evidence.marking.update(tables.letters_re.findall(piece))
    for language in tables.languages.values():
        if language.markers_re is not None and letters[language.script]:
            evidence.marked[language.code] += len(language.markers_re.findall(piece))


def _readings(text: str) -> Iterator[_Evidence]:
    """The evidence after each step (one object, growing): a caller stops as soon as it can
    decide."""
    evidence = _Evidence()
    for piece in _steps(_prefix(text)):
        _read(evidence, piece)
        yield evidence


def _main_script(evidence: _Evidence) -> str | None:
    counts = {script: n for script, n in evidence.letters.items() if script is not None}
    if not counts:
        return None
    script, count = max(counts.items(), key=lambda item: (item[1], item[0]))
    total = sum(counts.values())
    if count < MIN_SCRIPT_LETTERS or count < DOMINANT_SHARE * total:
        return None
    return script


class _Scores(NamedTuple):
    """Each language's evidence, and what it shares with one chosen language."""

    total: dict[str, float]  # language → function words + LETTER_VOTE × marking letters
    shared: dict[str, float]  # language → the part of its evidence the chosen one has too

    def ours(self, chosen: str, other: str) -> float:
        """Evidence for ``chosen`` that ``other`` lacks."""
        return self.total.get(chosen, 0.0) - self.shared.get(other, 0.0)

    def theirs(self, other: str) -> float:
        """Evidence for ``other`` that ``chosen`` lacks."""
        return self.total.get(other, 0.0) - self.shared.get(other, 0.0)


def _scores(evidence: _Evidence, chosen: str | None = None) -> _Scores:
    """Scores of every language with evidence; with ``chosen``, what each shares with it."""
    tables = _tables()
    total: dict[str, float] = {}
    shared: dict[str, float] = {}
    for index, counts, weight in (
        (tables.word_languages, evidence.hits, 1.0),
        (tables.letter_languages, evidence.marking, LETTER_VOTE),
    ):
        for key, n in counts.items():
            codes = index[key]
            for code in codes:
                total[code] = total.get(code, 0.0) + weight * n
            if chosen in codes:
                for code in codes:
                    shared[code] = shared.get(code, 0.0) + weight * n
    return _Scores(total, shared)


def _beats(scores: _Scores, chosen: str, other: str, ratio: float) -> bool:
    ours = scores.ours(chosen, other)
    return ours >= MIN_EVIDENCE and ours >= ratio * scores.theirs(other)


def _by_lexicon(evidence: _Evidence, script: _Script) -> str | None:
    totals = _scores(evidence).total
    best = max(script.languages, key=lambda code: (totals.get(code, 0.0), code))
    scores = _scores(evidence, best)
    if scores.total.get(best, 0.0) < MIN_EVIDENCE_PER_WORD * evidence.words[script.name]:
        return None
    if all(_beats(scores, best, other, WIN_RATIO) for other in script.languages if other != best):
        return best
    return None


def _by_markers(evidence: _Evidence, script: _Script) -> str | None:
    tables = _tables()
    for code in script.marked:
        share = tables.languages[code].marker_share
        if evidence.marked[code] >= share * evidence.letters[script.name]:
            return code
    return None


class _Detection(NamedTuple):
    language: str | None
    script: str | None  # the main script, even when the language is undecided
    by_lexicon: bool  # decided by words (comparable with a declared language of the script)
    evidence: _Evidence


def _detect_in(evidence: _Evidence) -> _Detection:
    name = _main_script(evidence)
    if name is None:
        return _Detection(None, None, False, evidence)
    script = _tables().scripts[name]
    language = _by_markers(evidence, script) if script.marked else None
    if language is None and script.languages:
        return _Detection(_by_lexicon(evidence, script), name, True, evidence)
    return _Detection(language or script.default, name, False, evidence)


def _detect(text: str) -> _Detection:
    """Read the text a step at a time until a language is clear."""
    detection = _Detection(None, None, False, _Evidence())
    for evidence in _readings(text):
        detection = _detect_in(evidence)
        if detection.language is not None:
            break
    return detection


def detect_language(text: str) -> str | None:
    """The language ``text`` is written in (ISO 639-1, or 639-3 where there is no 639-1 code),
    or None when the text is too short, mixed or unclear. See the module docstring."""
    return _detect(text).language


def normalize_language_tag(tag: str | None) -> str | None:
    """``tag`` as a lower-case BCP-47-shaped tag ("ar_EG" → "ar-eg", "iw" → "he", og:locale's
    pseudo-region "ar_AR" → "ar"), or None when it is missing or malformed ("English",
    "x-default")."""
    if not tag:
        return None
    value = tag.strip().replace("_", "-").lower()
    if not LANG_RE.match(value):
        return None
    primary, _, rest = value.partition("-")
    if primary in ("und", "mul", "zxx", "mis"):  # "undetermined", "multiple", "none": no claim
        return None
    tables = _tables()
    primary = tables.deprecated.get(primary, primary)
    value = f"{primary}-{rest}" if rest else primary
    return primary if value in tables.pseudo_locales else value


def _comparable(tag: str) -> str:
    """The detector code of a normalised tag's language ("nb-no" → "no", "arz" → "ar")."""
    primary = tag.partition("-")[0]
    return _tables().same_as.get(primary, primary)


def _script_subtag(tag: str) -> str | None:
    """The script a tag names explicitly ("sr-latn", "zh-hant", "ku-arab"), if any."""
    subtags = _tables().script_subtags
    return next((subtags[s] for s in tag.split("-")[1:] if len(s) == 4 and s in subtags), None)


def _script_of_tag(tag: str) -> str | None:
    """The script a tag's text is in: its script subtag, else its language's script."""
    return _script_subtag(tag) or _tables().script_of_language.get(_comparable(tag))


def decide_language(declared: str | None, text: str) -> str | None:
    """The page's language from its declared tag and its text: the rule of the module
    docstring, the same for HTML (``lang``, og:locale, ``inLanguage``) and dumps (None)."""
    tag = normalize_language_tag(declared)
    detection = _detect(text)
    detected = detection.language
    if detected is None:
        return tag
    if tag is None:
        return detected
    stated = _comparable(tag)
    if stated == detected:
        return tag
    declared_script = _script_of_tag(tag)
    if declared_script is None:
        return tag  # a language outside our tables: the page knows better
    if declared_script != detection.script:
        return detected
    tables = _tables()
    if not detection.by_lexicon or stated not in tables.languages:
        return tag
    scores = _scores(detection.evidence, detected)
    return detected if _beats(scores, detected, stated, OVERRIDE_RATIO) else tag


def _rtl_share(text: str) -> float | None:
    """Share of the first step's letters in right-to-left scripts (None without letters)."""
    evidence = next(_readings(text), _Evidence())
    total = sum(evidence.letters.values())
    if not total:
        return None
    scripts = _tables().scripts
    rtl = sum(n for name, n in evidence.letters.items() if name and scripts[name].rtl)
    return rtl / total


def direction_of(language: str | None, declared_dir: str | None, text: str) -> Direction | None:
    """Which way the page's text runs: its declared ``dir`` if valid, else its language's
    direction, else the direction of most of its letters (None when it has no letters)."""
    stated = (declared_dir or "").strip().lower()
    if stated == "rtl":
        return "rtl"
    if stated == "ltr":
        return "ltr"
    tables = _tables()
    tag = normalize_language_tag(language)
    if tag is not None:
        script = _script_subtag(tag)
        if script is not None:
            return "rtl" if tables.scripts[script].rtl else "ltr"
        code = _comparable(tag)
        if code in tables.rtl_languages:
            return "rtl"
        if code not in tables.either_direction:
            return "ltr"
    share = _rtl_share(text)
    if share is None:
        return None
    return "rtl" if share >= RTL_LETTER_SHARE else "ltr"
