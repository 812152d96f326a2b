"""Hostile and broken inputs, made in code: shared by the tests, ``benchmarks/hostile.py`` and the
fuzz seeds (``fuzz/``), so no megabyte-sized file is committed.

Three families, each a plain function so every user draws the same inputs:

* :data:`SHAPES` — pathological shapes as a function of a size ``n`` (a run of punctuation then
  a letter, ``n`` ``<br>`` lines, ``n`` nested ``<div>`` …), for the scaling test (``n`` against
  ``4n``) and, at one chosen size each, for
* :data:`FIXTURES` — the named regression inputs of issue 7 (10 MB page, 100,000 nested
  ``<div>``\\ s, a 1 MB single line, a ``<meta charset>`` that lies …);
* random generators that take a :class:`random.Random` — random bytes, random Unicode, random HTML
  from a grammar of real tags and attributes, random dumps, and mutations of real pages. The
  property tests drive them through ``hypothesis.strategies.randoms()`` (so hypothesis chooses
  and shrinks the draws); the benchmark and the fuzz seeds drive them with a seeded
  ``random.Random``.

Nothing here imports ``article_extract``: these are inputs, not expectations.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "FIXTURES",
    "FIXTURES_BY_NAME",
    "GENERATORS",
    "SHAPES",
    "SHAPES_BY_NAME",
    "Fixture",
    "Shape",
    "fixture_pages",
    "mutate",
    "random_bytes",
    "random_dump",
    "random_html",
    "random_input",
    "random_unicode",
    "time_bound",
]

FIXTURE_DIR = Path(__file__).parent / "fixtures"

# The time an input of ``size`` bytes may take: generous (issue 7's target is 1 s per input up
# to 1 MB and 2 s per MB beyond), so a noisy shared CI machine does not flake.
BASE_SECONDS = 0.5
SECONDS_PER_MB = 2.0


def time_bound(size: int) -> float:
    """Seconds an input of ``size`` bytes may take: ``0.5 s + 2 s/MB``."""
    return BASE_SECONDS + SECONDS_PER_MB * size / 1_000_000


# --- text material ---------------------------------------------------------------------------

SENTENCES = (
    "وقال المتحدث إن الوزارة ستواصل العمل، وأضاف أن الخطة تمتد لسنوات طويلة قادمة.",
    "وأكد الوزير في مؤتمر صحفي أن الحكومة تعمل على تحسين الخدمات المقدمة للمواطنين.",
    "The minister said on Tuesday that the plan, which was approved last year, would go ahead.",
    "Die Regierung kündigte an, die Maßnahmen bis zum Ende des Jahres zu verlängern.",
    "وزیر امور خارجه گفت که این طرح تا پایان سال ادامه خواهد داشت.",
    "政府は来年度の予算案を閣議決定し、国会に提出する方針だ。",
)
PHRASES = (
    "الرئيسية",
    "اقرأ أيضا",
    "مقالات ذات صلة",
    "زر الذهاب إلى الأعلى",
    "اترك تعليقاً",
    "الخميس 06 يناير 2022",
    "نشر في: الأربعاء 28 آب/اغسطس 2013، 14:00 (GMT+0400)",
    "٣ جمادى الآخرة ١٤٤٣ هـ",
    "منذ 3 ساعات",
    "آخر تحديث 7 يناير 2022",
    "2022-01-06T12:00:00+03:00",
    "المصدر بي بي سي",
    "كتب: فلان الفلاني",
    "بقلم: أحمد علي، منى خالد",
    "(رويترز)",
    "--(بترا)",
    "عمان (بترا) -",
    "© 2019 جميع الحقوق محفوظة",
    "Posted: Aug 8, 2024 4:00 AM | Updated",
    "شارك",
    "تابعونا",
    "",
)
# Characters that break naive text handling: bidi controls, combining marks, tatweel, NUL and
# other controls, zero-width characters, non-characters, digits of other scripts.
NASTY_CHARS = (
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # bidi
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0300\u0301\u20dd"  # combining
    "\u0640\u00ad\u200b\u200c\u200d\ufeff\u00a0\u3000"  # tatweel, soft hyphen, zero-width, spaces
    "\x00\x01\x08\x0b\x0c\x1b\x1f\x7f\x85\u2028\u2029\r\t"  # controls and line separators
    "\ufffd\ufffe\uffff\U0010ffff\U0001f600"  # replacement, non-characters, astral
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"  # Arabic-Indic and Persian digits
    "ﻷﷺﷻ"  # presentation forms that NFKC expands
)
LETTERS = "ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإةى" + "abcxyzABC" + "éßж中あ"
PUNCTUATION = ".,:;!?،؛؟…-–—_()[]{}<>/\\|\"'«»*•·#&=+%$@~^`"
# Characters whose long runs made regexes backtrack (issue 7: "." × 20,000 + "x").
RUN_CHARS = (".", "-", "،", "ـ", "!", "[", "{", "<", " ", "\n", "*", "a", "ا", "\u200f", "&")

# --- HTML grammar ----------------------------------------------------------------------------

BLOCK_TAGS = (
    "p",
    "div",
    "section",
    "article",
    "main",
    "span",
    "h1",
    "h2",
    "h3",
    "blockquote",
    "figure",
    "figcaption",
    "header",
    "footer",
    "nav",
    "aside",
    "form",
    "li",
    "td",
    "pre",
    "time",
    "a",
    "b",
    "i",
    "em",
    "strong",
    "font",
    "center",
    "details",
    "summary",
    "address",
)
VOID_TAGS = ("br", "hr", "img", "input", "meta", "link", "wbr", "source")
RAW_TAGS = ("script", "style", "noscript", "template", "textarea", "title", "iframe", "svg")
CLASS_WORDS = (
    "article-body",
    "entry-content",
    "post-content",
    "story_text",
    "td-post-content",
    "menu",
    "nav",
    "navbar",
    "share",
    "social",
    "related-posts",
    "most-read",
    "comments",
    "sidebar",
    "widget",
    "footer",
    "hidden",
    "d-none",
    "sr-only",
    "byline",
    "author",
    "date",
    "time",
    "caption",
    "wp-caption",
    "ad",
    "jeg_share_button",
    "mostReadWidget",
    "breadcrumb",
    "tags",
)
URLS = (
    "https://example.com/news/2022/01/06/story.html",
    "http://example.com/a?b=1&c=2#frag",
    "/relative/path/2022-01-06/x",
    "../up.jpg",
    "//cdn.example.com/img.jpg",
    "javascript:alert(1)",
    " JavaScript:alert(document.cookie)",
    "java\tscript:alert(1)",
    "data:image/png;base64,iVBORw0KGgo=",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://example.com/x",
    "http://[::1",
    "http://%00/",
    "\x00",
    "",
    "https://exa mple.com/space",
    "https://例え.jp/パス",
    "http://" + "a" * 300 + ".com/",
)
ENTITIES = (
    "&amp;",
    "&lt;",
    "&gt;",
    "&nbsp;",
    "&quot;",
    "&#1575;",
    "&#x627;",
    "&#0;",
    "&#x110000;",
    "&#99999999999;",
    "&rlm;",
    "&lrm;",
    "&bogus;",
    "&",
    "&#",
    "&#x;",
    "&amp",
    "&shy;",
)
META_NAMES = (
    ("property", "og:title"),
    ("property", "og:url"),
    ("property", "og:image"),
    ("property", "og:site_name"),
    ("property", "article:published_time"),
    ("property", "article:modified_time"),
    ("name", "description"),
    ("name", "author"),
    ("name", "keywords"),
    ("name", "twitter:title"),
    ("name", "twitter:image"),
    ("itemprop", "datePublished"),
    ("name", "date"),
    ("http-equiv", "Content-Type"),
)
CHARSET_LABELS = (
    "utf-8",
    "windows-1256",
    "iso-8859-6",
    "latin1",
    "utf-16",
    "utf-32",
    "x-bogus",
    "",
    "cp1252",
    "koi8-r",
    "shift_jis",
    "utf-7",
    '"utf-8',
    "utf8'",
)


def _pick(rng: random.Random, seq: tuple[str, ...] | str) -> str:
    return seq[rng.randrange(len(seq))]


def random_unicode(rng: random.Random, max_chars: int = 2000) -> str:
    """Text from a mix of letters, punctuation, bidi and combining marks, controls and NUL,
    phrases and sentences, with an occasional long run of one character."""
    parts: list[str] = []
    budget = rng.randint(0, max_chars)
    size = 0
    while size < budget:
        kind = rng.randrange(8)
        if kind == 0:
            piece = _pick(rng, SENTENCES)
        elif kind == 1:
            piece = _pick(rng, PHRASES)
        elif kind == 2:
            piece = "".join(_pick(rng, NASTY_CHARS) for _ in range(rng.randint(1, 8)))
        elif kind == 3:
            piece = "".join(_pick(rng, LETTERS) for _ in range(rng.randint(1, 12)))
        elif kind == 4:
            piece = "".join(_pick(rng, PUNCTUATION) for _ in range(rng.randint(1, 6)))
        elif kind == 5:
            piece = _pick(rng, RUN_CHARS) * rng.randint(1, max(1, max_chars // 4))
        elif kind == 6:
            piece = "\n" * rng.randint(1, 3)
        else:
            piece = " "
        parts.append(piece)
        size += len(piece) + 1
    return "".join(parts)


def with_lone_surrogates(rng: random.Random, text: str) -> str:
    """``text`` with a few lone surrogates inserted (a ``str`` Python allows, UTF-8 does not)."""
    chars = list(text)
    for _ in range(rng.randint(1, 4)):
        chars.insert(rng.randint(0, len(chars)), chr(rng.randint(0xD800, 0xDFFF)))
    return "".join(chars)


def random_bytes(rng: random.Random, max_bytes: int = 4000) -> bytes:
    """Bytes that are not quite text: noise, BOMs, gzip, magic numbers, NUL-heavy data, text in a
    random encoding, lone surrogates encoded with ``surrogatepass``."""
    size = rng.randint(0, max_bytes)
    kind = rng.randrange(9)
    if kind == 0:
        return rng.randbytes(size)
    if kind == 1:  # a BOM, then anything
        bom = _pick(rng, ("\ufeff", "\ufeff\ufeff")).encode(
            _pick(rng, ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le"))
        )
        return bom + rng.randbytes(size)
    if kind == 2:  # gzip of text, or a truncated/corrupted gzip stream
        packed = gzip.compress(random_unicode(rng, size).encode("utf-8", "replace"))
        if rng.random() < 0.5:
            packed = packed[: rng.randint(0, len(packed))]
        return packed
    if kind == 3:  # magic numbers of binary formats, then text
        magic = _pick(rng, ("\x89PNG\r\n\x1a\n", "%PDF-1.4", "PK\x03\x04", "GIF89a", "\x7fELF"))
        return magic.encode("latin-1") + random_unicode(rng, size).encode("utf-8", "replace")
    if kind == 4:  # text with NUL bytes sprinkled in
        data = bytearray(random_unicode(rng, size).encode("utf-8", "replace"))
        for _ in range(rng.randint(1, 20)):
            data.insert(rng.randint(0, len(data)), 0)
        return bytes(data)
    if kind == 5:  # lone surrogates, as a broken UTF-8 encoder writes them
        text = with_lone_surrogates(rng, random_unicode(rng, size))
        return text.encode("utf-8", "surrogatepass")
    if kind == 6:  # text in a random encoding, sometimes declared wrongly
        encoding = _pick(rng, ("utf-8", "windows-1256", "iso-8859-6", "utf-16", "cp1252"))
        text = random_html(rng, max_nodes=40) if rng.random() < 0.5 else random_dump(rng)
        return text.encode(encoding, "replace")
    if kind == 7:  # high-bit noise around real text
        encoded = random_dump(rng).encode("utf-8")
        cut = rng.randint(0, len(encoded))
        noise = bytes(b | 0x80 for b in rng.randbytes(size // 10))
        return encoded[:cut] + noise + encoded[cut:]
    return bytes(b & 0x7F for b in rng.randbytes(size))


def random_dump(rng: random.Random, max_lines: int = 80) -> str:
    """A text dump: header-ish lines, dates, bylines, chrome, paragraphs, random junk lines."""
    lines: list[str] = []
    for _ in range(rng.randint(0, max_lines)):
        kind = rng.randrange(6)
        if kind == 0:
            lines.append(" ".join(_pick(rng, SENTENCES) for _ in range(rng.randint(1, 4))))
        elif kind in (1, 2):
            lines.append(_pick(rng, PHRASES))
        elif kind == 3:
            lines.append(random_unicode(rng, 120))
        elif kind == 4:
            lines.append(_pick(rng, ("", "   ", "* ", "• ", "[IMG]", "[  ]", "o ")))
        else:
            lines.append(_pick(rng, ("عنوان الخبر الرئيسي اليوم", "Headline of the story")))
    separator = _pick(rng, ("\n", "\n\n", "\r\n", "\r", "\n   "))
    return separator.join(lines)


def _attributes(rng: random.Random) -> str:
    attrs: list[str] = []
    for _ in range(rng.randint(0, 3)):
        kind = rng.randrange(8)
        if kind == 0:
            attrs.append(f'class="{" ".join(_pick(rng, CLASS_WORDS) for _ in range(2))}"')
        elif kind == 1:
            attrs.append(f"id={_pick(rng, CLASS_WORDS)}")
        elif kind == 2:
            attrs.append(f'href="{_pick(rng, URLS)}"')
        elif kind == 3:
            attrs.append(_pick(rng, ("hidden", 'aria-hidden="true"', 'style="display:none"')))
        elif kind == 4:
            attrs.append(_pick(rng, ('itemprop="articleBody"', 'itemprop="author"', 'dir="rtl"')))
        elif kind == 5:
            attrs.append(f'datetime="{_pick(rng, PHRASES)}"')
        elif kind == 6:
            attrs.append(f'src="{_pick(rng, URLS)}"')
        else:
            attrs.append(_pick(rng, ("x", "a=b=c", '"', "'", "=", "on" + 'click="x()"')))
    return (" " + " ".join(attrs)) if attrs else ""


def random_jsonld(rng: random.Random, depth: int = 0) -> object:
    """A JSON-LD value: article objects, ``@graph``, nested lists, odd types."""
    if depth > 3 or rng.random() < 0.4:
        return rng.choice(
            [_pick(rng, PHRASES), _pick(rng, URLS), rng.randint(-(2**63), 2**63), None, True, 1.5]
        )
    if rng.random() < 0.3:
        return [random_jsonld(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    obj: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": rng.choice(["NewsArticle", "Article", ["NewsArticle", 3], "WebPage", None]),
    }
    for key in (
        "headline",
        "datePublished",
        "dateModified",
        "author",
        "image",
        "url",
        "publisher",
        "articleSection",
        "keywords",
        "inLanguage",
        "@graph",
        "mainEntity",
    ):
        if rng.random() < 0.35:
            obj[key] = random_jsonld(rng, depth + 1)
    return obj


def _jsonld_script(rng: random.Random) -> str:
    text = json.dumps(random_jsonld(rng), ensure_ascii=rng.random() < 0.5)
    if rng.random() < 0.3:  # the broken JSON pages ship
        text = text[: rng.randint(0, len(text))] + _pick(rng, (",", "}", "]", "<!--", "]]>", ""))
    return f'<script type="application/ld+json">{text}</script>'


def _head(rng: random.Random) -> str:
    parts: list[str] = []
    if rng.random() < 0.5:
        parts.append(f'<meta charset="{_pick(rng, CHARSET_LABELS)}">')
    if rng.random() < 0.7:
        parts.append(f"<title>{_pick(rng, PHRASES)} | {_pick(rng, SENTENCES)[:30]}</title>")
    for _ in range(rng.randint(0, 6)):
        attr, name = rng.choice(META_NAMES)
        value = _pick(rng, URLS) if rng.random() < 0.4 else _pick(rng, PHRASES)
        parts.append(f'<meta {attr}="{name}" content="{value}">')
    if rng.random() < 0.3:
        parts.append(f'<base href="{_pick(rng, URLS)}">')
    if rng.random() < 0.3:
        parts.append(f'<link rel="canonical" href="{_pick(rng, URLS)}">')
    for _ in range(rng.randint(0, 2)):
        parts.append(_jsonld_script(rng))
    return "".join(parts)


def _text(rng: random.Random) -> str:
    kind = rng.randrange(5)
    if kind == 0:
        return _pick(rng, SENTENCES)
    if kind == 1:
        return _pick(rng, PHRASES)
    if kind == 2:
        return _pick(rng, ENTITIES) + _pick(rng, LETTERS)
    if kind == 3:
        return random_unicode(rng, 60).replace("<", "&lt;")
    return _pick(rng, RUN_CHARS) * rng.randint(1, 300)


def _node(rng: random.Random, depth: int, budget: list[int]) -> str:
    budget[0] -= 1
    if budget[0] <= 0 or depth > 12:
        return _text(rng)
    kind = rng.randrange(12)
    if kind <= 4:  # an element with children, sometimes left unclosed
        tag = _pick(rng, BLOCK_TAGS)
        children = "".join(_node(rng, depth + 1, budget) for _ in range(rng.randint(0, 4)))
        close = f"</{tag}>" if rng.random() < 0.9 else ""
        return f"<{tag}{_attributes(rng)}>{children}{close}"
    if kind == 5:
        return _text(rng)
    if kind == 6:
        return f"<{_pick(rng, VOID_TAGS)}{_attributes(rng)}>" * rng.randint(1, 30)
    if kind == 7:
        tag = _pick(rng, RAW_TAGS)
        return f"<{tag}>{_pick(rng, ('document.write(1)', '<p>x</p>', '</div>', '{[', ''))}</{tag}>"
    if kind == 8:  # a list or a table
        if rng.random() < 0.5:
            items = "".join(f"<li>{_text(rng)}</li>" for _ in range(rng.randint(0, 8)))
            return f"<{_pick(rng, ('ul', 'ol'))}>{items}</ul>"
        rows = "".join(
            "<tr>" + "".join(f"<td>{_text(rng)}</td>" for _ in range(rng.randint(0, 5))) + "</tr>"
            for _ in range(rng.randint(0, 6))
        )
        return f"<table>{rows}</table>"
    if kind == 9:
        return _jsonld_script(rng)
    if kind == 10:
        return _pick(
            rng,
            (
                "<!-- c -->",
                "<!--",
                "<![CDATA[x]]>",
                "<?php echo 1 ?>",
                "</p>",
                "</div></div>",
                "<",
                "<p",
                "<a href='",
                "<!DOCTYPE html>",
                "</html>",
                "<body>",
                "<html>",
            ),
        )
    return f"<h1{_attributes(rng)}>{_text(rng)}</h1>"


def random_html(rng: random.Random, max_nodes: int = 200) -> str:
    """A page from a grammar of real tags and attributes: head metadata (meta/og, ``<base>``,
    canonical, JSON-LD), nested blocks, tables, lists, ``<br>`` runs, scripts, entities,
    comments, unclosed and stray tags."""
    prolog = _pick(
        rng,
        (
            "",
            "<!DOCTYPE html>",
            '<?xml version="1.0" encoding="utf-8"?>',
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd">',
        ),
    )
    lang = _pick(rng, ("", ' lang="ar" dir="rtl"', ' lang="en"', ' lang="x"', ' dir="bogus"'))
    budget = [rng.randint(1, max_nodes)]
    body = "".join(_node(rng, 0, budget) for _ in range(rng.randint(1, 20)))
    return f"{prolog}<html{lang}><head>{_head(rng)}</head><body>{body}</body></html>"


# --- mutations of real pages -----------------------------------------------------------------

_TAG_RE = re.compile(rb"<[^<>]{0,200}>")
_ATTRS_RE = re.compile(rb"<([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s<>=]+(?:=\"[^\"<>]*\")?){2,8})\s*>")
_ATTR_RE = re.compile(rb"[^\s<>=]+(?:=\"[^\"<>]*\")?")
_META_CHARSET_RE = re.compile(rb"charset=[\"']?[\w-]+", re.IGNORECASE)


def _truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randint(0, len(data))]


def _delete_tags(rng: random.Random, data: bytes) -> bytes:
    tags = list(_TAG_RE.finditer(data))
    if not tags:
        return data
    doomed = {m.start() for m in rng.sample(tags, rng.randint(1, min(len(tags), 50)))}
    out = bytearray()
    last = 0
    for match in tags:
        if match.start() in doomed:
            out += data[last : match.start()]
            last = match.end()
    return bytes(out + data[last:])


def _shuffle_attributes(rng: random.Random, data: bytes) -> bytes:
    def shuffle(match: re.Match[bytes]) -> bytes:
        attrs = _ATTR_RE.findall(match.group(2))
        rng.shuffle(attrs)
        return b"<" + match.group(1) + b" " + b" ".join(attrs) + b">"

    return _ATTRS_RE.sub(shuffle, data)


def _swap_encoding(rng: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8", "replace")
    kind = rng.randrange(4)
    if kind == 0:  # re-encode in another code page (the declaration now lies)
        return text.encode(_pick(rng, ("windows-1256", "iso-8859-6", "cp1252")), "replace")
    if kind == 1:  # UTF-16 with or without a BOM
        return text.encode(_pick(rng, ("utf-16", "utf-16-le", "utf-16-be")))
    if kind == 2:  # a lying declaration
        label = f"charset={_pick(rng, CHARSET_LABELS)}".encode()
        return _META_CHARSET_RE.sub(label, data, count=1)
    # mixed: the first part in one encoding, the rest in another
    cut = rng.randint(0, len(text))
    return text[:cut].encode("utf-8") + text[cut:].encode("windows-1256", "replace")


def _insert_run(rng: random.Random, data: bytes) -> bytes:
    at = rng.randint(0, len(data))
    unit = _pick(rng, (*RUN_CHARS, "<br>", "<div>", "</div>", "<p>", "[", "&amp;")).encode()
    return data[:at] + unit * rng.randint(1, 20_000 // len(unit)) + data[at:]


def _duplicate_region(rng: random.Random, data: bytes) -> bytes:
    start = rng.randint(0, len(data))
    end = min(len(data), start + rng.randint(0, 5000))
    return data[:end] + data[start:end] * rng.randint(1, 5) + data[end:]


def _insert_noise(rng: random.Random, data: bytes) -> bytes:
    at = rng.randint(0, len(data))
    return data[:at] + rng.randbytes(rng.randint(1, 64)) + data[at:]


MUTATIONS: tuple[Callable[[random.Random, bytes], bytes], ...] = (
    _truncate,
    _delete_tags,
    _shuffle_attributes,
    _swap_encoding,
    _insert_run,
    _duplicate_region,
    _insert_noise,
)


def mutate(rng: random.Random, data: bytes) -> bytes:
    """``data`` after one to three random mutations: truncated, tags deleted, attributes
    shuffled, encoding swapped or declared wrongly, a long run of one character inserted, a
    region duplicated, noise inserted."""
    for _ in range(rng.randint(1, 3)):
        data = rng.choice(MUTATIONS)(rng, data)
    return data


def fixture_pages(max_bytes: int = 600_000) -> list[tuple[str, bytes]]:
    """``(slug, bytes)`` of every golden fixture input under ``tests/fixtures`` (the real pages
    the mutations start from), smallest first. Raises when there are none: the data is missing."""
    pages = [
        (path.parent.name, path.read_bytes())
        for path in sorted(FIXTURE_DIR.glob("*/input.*"))
        if path.stat().st_size <= max_bytes
    ]
    if not pages:
        raise FileNotFoundError(f"no fixture pages under {FIXTURE_DIR}")
    return sorted(pages, key=lambda page: len(page[1]))


def random_input(rng: random.Random, pages: list[tuple[str, bytes]]) -> str | bytes:
    """One hostile input of any family (what the benchmark and the fuzz seeds draw)."""
    kind = rng.randrange(7)
    if kind == 0:
        return random_bytes(rng)
    if kind == 1:
        return random_unicode(rng)
    if kind == 2:
        return with_lone_surrogates(rng, random_unicode(rng, 500))
    if kind == 3:
        return random_html(rng)
    if kind == 4:
        return random_dump(rng)
    page = rng.choice(pages)[1]
    mutated = mutate(rng, page)
    return mutated.decode("utf-8", "replace") if kind == 5 else mutated


GENERATORS: dict[str, Callable[[random.Random], str | bytes]] = {
    "bytes": random_bytes,
    "unicode": random_unicode,
    "surrogates": lambda rng: with_lone_surrogates(rng, random_unicode(rng, 500)),
    "html": random_html,
    "dump": random_dump,
}

# --- pathological shapes as a function of n --------------------------------------------------

PARAGRAPH = SENTENCES[0] + " " + SENTENCES[1]
HEADLINE = "عنوان الخبر الرئيسي في الصفحة اليوم"


def _page(body: str, head: str = "") -> str:
    return (
        f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        f"<title>{HEADLINE}</title>{head}</head><body>{body}</body></html>"
    )


def _article(middle: str) -> str:
    """A real-looking article page with ``middle`` inside its body container."""
    intro = f"<p>{PARAGRAPH}</p>" * 3
    return _page(
        f'<article><h1>{HEADLINE}</h1><div class="entry-content">{intro}{middle}'
        f"{intro}</div></article>"
    )


def _with_jsonld(script: str) -> str:
    """An article page whose head carries one JSON-LD script of ``script``."""
    tag = f'<script type="application/ld+json">{script}</script>'
    return _article(f"<p>{PARAGRAPH}</p>").replace("</head>", tag + "</head>")


@dataclass(frozen=True, slots=True)
class Shape:
    """A pathological input family: ``make(n)`` grows linearly with ``n``."""

    name: str
    make: Callable[[int], str | bytes]
    kind: str  # "html", "text" (a dump of many lines) or "line" (a dump that is one line)
    n: int  # a size at which one run takes a few tens of milliseconds


SHAPES: tuple[Shape, ...] = (
    Shape("punctuation run then a letter (dump)", lambda n: "." * n + "x", "line", 1_000),
    Shape("dash run then a letter (dump)", lambda n: "-" * n + "x", "line", 2_000),
    Shape("tatweel/comma run then a letter", lambda n: "ـ،" * (n // 2) + "x", "line", 2_000),
    Shape(
        "JSON-LD of '[' sniffed as text",
        # Two tags: too few for the kind sniffer, so every size is read as a text dump.
        lambda n: '<script type="application/ld+json">' + "[" * n + "</script>",
        "line",
        500,
    ),
    Shape(
        "punctuation run in a dump line",
        lambda n: f"{HEADLINE}\n\n{PARAGRAPH} {'.' * n}x\n\n{PARAGRAPH}\n",
        "text",
        1_000,
    ),
    Shape(
        "<br> lines in one div",
        lambda n: _article("<div>" + "سطر من النص<br>" * n + "</div>"),
        "html",
        600,
    ),
    Shape("<p> paragraphs", lambda n: _article(f"<p>{PARAGRAPH}</p>" * n), "html", 200),
    Shape("dump lines", lambda n: f"{HEADLINE}\n\n" + f"{PARAGRAPH}\n\n" * n, "text", 150),
    Shape("short dump lines", lambda n: f"{HEADLINE}\n" + "سطر قصير\n" * n, "text", 600),
    # Distinct lines, each read in full (a dump's repeated lines are read once), at sizes where
    # work that grows with lines × lines would show: 2,500 against 10,000 lines.
    Shape("many distinct dump lines", lambda n: _dump_lines(n), "text", 2_500),
    Shape("many distinct short dump lines", lambda n: _short_lines(n), "text", 1_000),
    # A text browser's dump: one paragraph hard-wrapped at the column, unwrapped into one line.
    Shape("hard-wrapped paragraph (dump)", lambda n: _wrapped_paragraph(n), "text", 2_000),
    Shape(
        "nested <div>", lambda n: _article("<div>" * n + PARAGRAPH + "</div>" * n), "html", 3_000
    ),
    Shape("long single line (dump)", lambda n: "كلمة، " * n, "line", 10_000),
    Shape("dashes and spaces", lambda n: "- " * (n // 2) + "x", "line", 2_000),
    Shape("brackets then a letter", lambda n: "([" * (n // 2) + "x", "line", 2_000),
    Shape("one long word", lambda n: "ب" * n, "line", 20_000),
    Shape("digits", lambda n: "١" * n, "line", 20_000),
    Shape("numbers and slashes", lambda n: "12/" * (n // 3), "line", 20_000),
    Shape("date words", lambda n: "يناير 2022 " * (n // 11), "line", 5_000),
    Shape("labels", lambda n: "بقلم: " * (n // 6), "line", 5_000),
    Shape("long single line (html)", lambda n: _article(f"<p>{'كلمة، ' * n}</p>"), "html", 10_000),
    Shape("links", lambda n: _article('<a href="/news/1">رابط الخبر</a> ' * n), "html", 2_000),
    Shape("<h1> headings", lambda n: _article(f"<h1>{HEADLINE}</h1>" * n), "html", 1_000),
    Shape(
        "giant <table>",
        lambda n: _article("<table>" + "<tr><td>خلية</td><td>نص</td></tr>" * n + "</table>"),
        "html",
        2_000,
    ),
    Shape("JSON-LD nested arrays", lambda n: _with_jsonld("[" * n + "]" * n), "html", 5_000),
    Shape("class tokens", lambda n: _article(f'<div class="{"a-b " * n}">x</div>'), "html", 5_000),
)

# --- the named regression fixtures -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Fixture:
    """One named hostile input of issue 7, built in code."""

    name: str
    make: Callable[[], str | bytes]
    # "article": a body must come out; "error": a typed error is the right answer; "any":
    # either, as long as it is not an InternalError or another exception.
    expect: str = "any"
    # False: only benchmarks/hostile.py runs it (too slow for the test suite's budget).
    in_suite: bool = True


def _dump_lines(count: int) -> str:
    """A dump of ``count`` distinct sentence lines (a dump's identical lines are layout)."""
    return f"{HEADLINE}\n\n" + "".join(
        f"قال الوزير إن الخطة رقم {i} ستستمر عاما آخر.\n" for i in range(count)
    )


def _wrapped_paragraph(count: int) -> str:
    """A dump of one paragraph of ``count`` lines, hard-wrapped at 160 columns as w3m prints it
    (distinct words without digits: each line is read as text, not as a date)."""
    words = " ".join(_letters_word(i) for i in range(count * 40))
    return f"{HEADLINE}\n\n" + "\n".join(textwrap.wrap(words, 160)) + "\n"


def _letters_word(number: int) -> str:
    """A distinct Arabic word for each number (its digits in base 28, as letters)."""
    word = "ك"
    while True:
        number, digit = divmod(number, len(_LETTERS))
        word += _LETTERS[digit]
        if not number:
            return word


_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def _short_lines(count: int) -> str:
    """A dump of ``count`` distinct short lines (menu items, labels)."""
    return f"{HEADLINE}\n\n" + "".join(f"سطر رقم {i}\n" for i in range(count))


def _mixed_encodings() -> bytes:
    """A UTF-8 page with one paragraph pasted in windows-1256 (an injected ad or comment)."""
    page = _article(f"<p>{PARAGRAPH}</p>" * 30).encode("utf-8")
    cut = page.index(b"</article>")
    pasted = f"<p>{SENTENCES[1]}</p>".encode("windows-1256")
    return page[:cut] + pasted + page[cut:]


def _lying_charset() -> bytes:
    # UTF-8 bytes under a windows-1256 label: the common lie.
    return (
        _article(f"<p>{PARAGRAPH}</p>")
        .replace('charset="utf-8"', 'charset="windows-1256"')
        .encode("utf-8")
    )


def _lying_charset_single_byte() -> bytes:
    # windows-1256 bytes under a UTF-8 label.
    return _article(f"<p>{PARAGRAPH}</p>").encode("windows-1256", "replace")


def _ten_megabyte_page() -> bytes:
    """An article page grown to 10 MB the way real pages grow: inline application state in
    scripts, inline styles and base64 images."""
    state = '{"items": [' + ",".join(f'{{"id": {i}, "title": "{HEADLINE}"}}' for i in range(40_000))
    state += "]}"
    image = '<img src="data:image/png;base64,' + "iVBORw0KGgo" * 90_000 + '">'
    style = "<style>" + ".a{color:red}" * 100_000 + "</style>"
    bulk = f"<script>window.__STATE__ = {state};</script>{style}{image}"
    page = _article(f"<p>{PARAGRAPH}</p>" * 5).replace("</body>", bulk + "</body>")
    data = page.encode("utf-8")
    padding = b"<script>" + b"x" * max(0, 10_000_000 - len(data)) + b"</script>"
    return data.replace(b"</body>", padding + b"</body>")


def _ten_megabytes_of_paragraphs() -> bytes:
    unit = f"<p>{PARAGRAPH}</p>\n".encode()
    return (
        _article("")
        .encode()
        .replace(b"</div></article>", unit * (10_000_000 // len(unit)) + b"</div></article>")
    )


FIXTURES: tuple[Fixture, ...] = (
    Fixture("punctuation run 20k then a letter", lambda: "." * 20_000 + "x", "error"),
    Fixture("punctuation run 100k then a letter", lambda: "." * 100_000 + "x", "error"),
    Fixture(
        "JSON-LD '[' x50k sniffed as text",
        lambda: (
            '<script type="application/ld+json">'
            + "[" * 50_000
            + "</script><p>"
            + PARAGRAPH
            + "</p>"
        ),
        "any",
    ),
    Fixture(
        "100k <br> lines in one div",
        lambda: _article("<div>" + "سطر من النص<br>" * 100_000 + "</div>"),
        "article",
    ),
    Fixture("3.6 MB page of <p>", lambda: _article(f"<p>{PARAGRAPH}</p>" * 12_400), "article"),
    Fixture("dump of 100k lines", lambda: _dump_lines(100_000), "article", in_suite=False),
    Fixture("dump of 100k short lines", lambda: _short_lines(100_000), "any", in_suite=False),
    Fixture("dump of 10k lines", lambda: _dump_lines(10_000), "article"),
    Fixture("dump of 20k short lines", lambda: _short_lines(20_000), "any"),
    Fixture("10 MB page (inline state, styles, images)", _ten_megabyte_page, "article"),
    Fixture("10 MB page of <p>", _ten_megabytes_of_paragraphs, "article", in_suite=False),
    Fixture(
        "100k nested <div>",
        lambda: _article("<div>" * 100_000 + PARAGRAPH + "</div>" * 100_000),
        "article",
    ),
    Fixture("1 MB single line", lambda: ("كلمة، " * 100_000).encode("utf-8"), "any"),
    Fixture(
        "giant <table>",
        lambda: _article("<table>" + "<tr><td>خلية</td><td>نص</td></tr>" * 50_000 + "</table>"),
        "article",
    ),
    Fixture("mixed encodings in one file", _mixed_encodings, "article"),
    Fixture("<meta charset> that lies (UTF-8 bytes)", _lying_charset, "article"),
    Fixture("<meta charset> that lies (cp1256 bytes)", _lying_charset_single_byte, "article"),
    Fixture(
        "JSON-LD of 10k nested arrays", lambda: _with_jsonld("[" * 10_000 + "]" * 10_000), "article"
    ),
    Fixture("50k links", lambda: _article('<a href="/news/1">رابط الخبر</a> ' * 50_000), "any"),
    Fixture("20k <h1>", lambda: _article(f"<h1>{HEADLINE}</h1>" * 20_000), "any"),
    Fixture("gzip bomb", lambda: gzip.compress(b" " * 50_000_000), "error"),
)

SHAPES_BY_NAME = {shape.name: shape for shape in SHAPES}
FIXTURES_BY_NAME = {fixture.name: fixture for fixture in FIXTURES}
