"""What a decoded text is: an HTML page, a text dump of a page, or not a page at all.

Everything here reads the *content* (never a file name), looks at a bounded window at the start
of the text, and runs in one linear pass over it:

* :func:`archive_kind` — a WARC or ARC web archive (a container of many pages);
* :func:`sniff_non_page` — readable files that are not pages: XML feeds, sitemaps and other XML
  documents (by their root element), JSON and JSON-LD (a JSON token stream from the first
  character), robots.txt (its fields), a list of URLs, CSS (a stylesheet's rule/declaration
  grammar covers nearly all of it) and JavaScript (a script's first token, then code-shaped
  rather than prose lines). Rules as data: ``data/sniff.toml``;
* :func:`detect_kind` — ``"html"`` or ``"text"`` for everything else, and ``"markdown"`` for
  a text written in Markdown (:func:`is_markdown`).

The recognisers ask for the whole window to have the form, so a real page that embeds CSS, JS
or JSON-LD in ``<style>``/``<script>`` is still a page, and a text dump that quotes a bit of code
is still a dump.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import NamedTuple

from ._model import InputKind
from .data import load_table

__all__ = ["NonPage", "archive_kind", "detect_kind", "is_markdown", "sniff_non_page"]

# How much of the text the non-page recognisers read: a non-page shows its form long before.
SNIFF_WINDOW = 16 * 1024
# JSON is told by its first tokens: a token costs a regex call, so read fewer of them.
_JSON_WINDOW = 4096
# Where a document marker (<!doctype html>, <html>, <head>, <body> opening a line) must appear
# for a text that does not start with a tag to be a page (saved HTTP headers before the page).
_DOCUMENT_MARKER_CHARS = 4096
# Characters of markup (outside <script>/<style> contents) in which the HTML tags are counted.
_TAG_WINDOW = 16 * 1024
# A page is mostly tags: it shows at least this many HTML elements in the window…
_MIN_TAGS_FOR_HTML = 3
# …and a text that does not start with one needs a tag per this many characters (text cut by
# <br>s is markup; a dump that quotes a tag or two is not).
_CHARS_PER_TAG_IN_MARKUP = 500
# A CSS file is made of rules and declarations: at most this share of its characters may be
# something else (a data: URI's ";base64," splitting a declaration, an odd hack).
_CSS_MAX_OTHER_SHARE = 0.1
# A stylesheet has at least one rule and a few declarations.
_CSS_MIN_RULES = 1
_CSS_MIN_DECLARATIONS = 2
# Longest selector list we read as one (themes join hundreds of selectors with commas).
_CSS_MAX_PRELUDE_CHARS = 20_000
# A JavaScript file: at most this share of its characters in prose lines…
_JS_MAX_PROSE_SHARE = 0.3
# …and at least this share of code punctuation among its characters.
_JS_MIN_SYNTAX_SHARE = 0.02
# A prose line has at least this many words, nearly all of them plain words, not most of them
# ending in a comma (a list of names: "html, body, div,"), and little code punctuation.
_PROSE_MIN_WORDS = 6
_PROSE_MIN_WORD_SHARE = 0.8
_PROSE_MAX_COMMA_SHARE = 0.5
_PROSE_MAX_CODE_SHARE = 0.01
# A JSON file cut by the window is JSON when at least this many tokens read as JSON before it.
_JSON_MIN_TOKENS_WHEN_CUT = 8
# A robots.txt: at least this share of its non-comment lines are robots fields.
_ROBOTS_MIN_FIELD_SHARE = 0.8
# The closing tag of an XML root is looked for in this many characters at the end of the text.
_XML_TAIL_CHARS = 1024

# Markdown is recognised in this much text from the start: crawlers' Markdown opens with the
# site's menus, a list of links.
MARKDOWN_WINDOW = 16 * 1024
# A page saved as Markdown has links everywhere (menus, teasers, share buttons): this many lines
# holding an inline link or image decide it alone…
MARKDOWN_MIN_LINK_LINES = 3
# …otherwise it takes this many marks of at least two kinds (links, ATX headings, emphasis).
MARKDOWN_MIN_MARKS = 3
MARKDOWN_MIN_KINDS = 2
# A Markdown document may open with its title as an ATX heading, then a blank line.
_MD_OPENING_HEADING_RE = re.compile(r"#{1,6}[ \t]+[^\s#][^\n]{0,500}\n[ \t]*\n")
# A front matter block opening the text closes within this many lines.
FRONT_MATTER_MAX_LINES = 60

_ARCHIVES: tuple[tuple[str, str], ...] = (
    ("WARC/", "a WARC web archive"),
    ("filedesc://", "an ARC web archive"),
)

_NON_SPACE_RE = re.compile(r"\S")
# An HTML tag, bounded so a stray "<" costs at most the bound.
_TAG_RE = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]{0,15})(?![a-zA-Z0-9])[^<>]{0,500}>")
_DOCTYPE_HTML_RE = re.compile(r"<!doctype\s{1,20}html", re.IGNORECASE)
# A document's opening at the start of a line: after saved HTTP headers or a PHP warning, a page
# starts on a line of its own (a script's '<html>' string or a dump quoting one does not).
_DOCUMENT_MARKER_RE = re.compile(
    r"^[ \t]*+(?:<!doctype\s{1,20}html|<(?:html|head|body)(?![a-zA-Z0-9]))",
    re.IGNORECASE | re.MULTILINE,
)
# Elements whose content is raw text (never tags): skipped when counting tags.
_RAW_TEXT_ELEMENTS = frozenset({"script", "style"})
_RAW_TEXT_CLOSE_RE = {name: re.compile(f"</{name}", re.IGNORECASE) for name in _RAW_TEXT_ELEMENTS}
# The root element of an XML document: a qualified name.
_XML_NAME_RE = re.compile(r"<([A-Za-z_][\w.-]{0,100}(?::[A-Za-z_][\w.-]{0,100})?)")
# One JSON token and the whitespace before it. A string is read as runs of plain characters
# between escapes (possessive: an unclosed string fails in one pass); the forms cannot overlap.
_JSON_TOKEN_RE = re.compile(
    r'(?<!\s)\s*+(?:([{}\[\]])|[:,]|"[^"\\\x00-\x1f]*+(?:\\.[^"\\\x00-\x1f]*+)*+"'
    r"|-?\d++(?:\.\d++)?(?:[eE][+-]?\d++)?|true|false|null)"
)
# What the CSS scanner stops at: a delimiter, a string, a url( (their contents may hold any
# delimiter: "data:image/svg+xml;charset=…").
_CSS_STOP_RE = re.compile(r"[{};\"']|url\(", re.IGNORECASE)
# A robots.txt's "User-agent:" line (every robots.txt has one).
_ROBOTS_AGENT_RE = re.compile(r"^[ \t]*user-agent[ \t]*:", re.IGNORECASE | re.MULTILINE)
# "name:" at the start of a CSS declaration (with the old "*zoom"/"_height" hacks and custom
# properties "--x").
_CSS_DECLARATION_RE = re.compile(r"(?<![\w*-])[*_]?(?:--|-)?[A-Za-z][\w-]{0,80}\s{0,20}:")
# A selector list once its attribute selectors ("[href$='.pdf']") are taken out: no "=", "$" or
# quotes, which is where a script's "var x = {" or "$('.x').on(" differ.
_CSS_SELECTOR_RE = re.compile(r"[\w\s\-.#:,>+~*()%\\|^]+")
_CSS_ATTRIBUTE_SELECTOR_RE = re.compile(r"\[[^\[\]]*\]")
# A plain word of prose, possibly with quotes or brackets before and punctuation after it.
_PROSE_WORD_RE = re.compile(r"[(\"'«“]?[^\W\d_]+[.,;:!?؟،؛\"')»”]*")
_CODE_PUNCTUATION = "{}[]();="
# A quoted key followed by its colon: JSON-shaped data inside a script.
_CODE_KEY_MARK = '":'
# A script that starts with an assignment or a call on a (dotted) name: "googletag.cmd.push(",
# "_atrk_opts = {". Names and dots alternate, so the parts cannot overlap; a match starts only
# where a name starts (lookbehind), so a search over a long run of letters tries it once.
_JS_NAME_START_RE = re.compile(
    r"(?<![\w$.])[A-Za-z_$][\w$]{0,100}(?:\.[A-Za-z_$][\w$]{0,100}){0,20}"
    r"[ \t]{0,20}(?:=(?![=>])|\()"
)


# Markdown's marks, each bounded and over classes that cannot run into the next mark. A link or
# image: "[text](" then a target without spaces; or reference-style (html2text's
# ``reference_links``), "[text][label]" (group 2) or a definition "[label]: https://…".
_MD_LINK_RE = re.compile(
    r"\[([^\[\]\n]{0,500})\]"
    r"(?:\([^()\s]{1,2000}[)\s]|(\[)[^\[\]\n]{1,100}\]|:[ \t]{0,8}(?:https?://|/)[^\s/])"
)
# Text without any of these holds none of the marks below.
_MD_MARK_HINTS = ("](", "][", "]:", "#", "**", "__")
# An ATX heading: up to three spaces, one to six "#", a space, then text ("#tag" is not one).
_MD_HEADING_RE = re.compile(r"^ {0,3}#{1,6}[ \t]+[^\s#]", re.MULTILINE)
# Strong emphasis: "**words**" or "__words__", not starting or ending with a space.
_MD_STRONG_RE = re.compile(r"(\*\*|__)[^\s*_][^*_\n]{0,300}(?<=[^\s*_])\1")
# YAML front matter: "---" on the first line, "key: value" lines, a closing "---" or "...".
_FRONT_MATTER_KEY_RE = re.compile(r"[A-Za-z_][\w-]{0,40}:(?:\s|$)")


class NonPage(NamedTuple):
    """A readable input that is not a web page; ``what`` names it for the error message."""

    what: str
    archive: bool = False  # a container of many pages (WARC/ARC), for the batch reader


class _Rules(NamedTuple):
    xml_roots: dict[str, str]
    html_elements: frozenset[str]
    javascript_starts: tuple[str, ...]
    robots_fields: frozenset[str]


@cache
def _rules() -> _Rules:
    table = load_table("sniff")
    return _Rules(
        xml_roots=dict(table["xml_roots"]),
        html_elements=frozenset(table["html"]["elements"]),
        javascript_starts=tuple(table["javascript"]["starts"]),
        robots_fields=frozenset(table["robots"]["fields"]),
    )


def _start(text: str) -> int:
    found = _NON_SPACE_RE.search(text)
    return found.start() if found else len(text)


def archive_kind(head: str) -> NonPage | None:
    """A WARC/ARC archive, from the first characters of the (decoded or latin-1) input."""
    for prefix, what in _ARCHIVES:
        if head.startswith(prefix):
            return NonPage(what, archive=True)
    return None


def sniff_non_page(text: str) -> NonPage | None:
    """What ``text`` is when it is a readable file but not a web page; None for a page or dump."""
    start = _start(text)
    head = text[start : start + SNIFF_WINDOW]
    cut = len(text) - start > SNIFF_WINDOW
    if not head:
        return None
    archive = archive_kind(head)
    if archive is not None:
        return archive
    if head[0] == "<":
        return _xml(head, text)
    if _DOCUMENT_MARKER_RE.search(head, 0, _DOCUMENT_MARKER_CHARS):
        return None  # a page with something (headers, a warning) before it
    if head[0] in "{[":
        found = _json(head[:_JSON_WINDOW], cut or len(head) > _JSON_WINDOW)
        if found is not None:
            return found
    # Scripts before stylesheets: a script's "if (x) {" could pass for a selector and a block.
    return _robots(head) or _url_list(head, cut) or _javascript(head) or _css(head, cut)


def _skip_prolog(head: str) -> int | None:
    """Position of the root element's "<" after XML declarations, comments and a doctype;
    None when the prolog declares an HTML document or does not end in the window."""
    pos = 0
    while True:
        if head.startswith("<?", pos):
            end = head.find("?>", pos)
            after = end + 2
        elif head.startswith("<!--", pos):
            end = head.find("-->", pos)
            after = end + 3
        elif head.startswith("<!", pos):
            if _DOCTYPE_HTML_RE.match(head, pos):
                return None
            end = head.find(">", pos)
            subset = head.find("[", pos, end) if end >= 0 else -1
            if subset >= 0:  # an internal subset may hold ">": the doctype ends at "]>"
                end = head.find("]>", subset)
                after = end + 2
            else:
                after = end + 1
        else:
            return pos
        if end < 0:
            return None
        found = _NON_SPACE_RE.search(head, after)
        if found is None:
            return None
        pos = found.start()


def _xml(head: str, text: str) -> NonPage | None:
    pos = _skip_prolog(head)
    if pos is None:
        return None
    match = _XML_NAME_RE.match(head, pos)
    if match is None:
        return None
    qualified = match.group(1)
    local = qualified.rpartition(":")[2]
    rules = _rules()
    if local.lower() in rules.html_elements:
        return None
    what = rules.xml_roots.get(local) or rules.xml_roots.get(local.lower())
    if what is not None:
        return NonPage(what)
    closes = text[-_XML_TAIL_CHARS:].rstrip().endswith(f"</{qualified}>")
    if head.startswith("<?xml") or closes:
        return NonPage(f"an XML document (root element <{qualified}>)")
    return None


def _json(head: str, cut: bool) -> NonPage | None:
    """JSON (or JSON Lines) when the window is a stream of JSON tokens from its first character."""
    pos = tokens = depth = 0
    end = len(head)
    while pos < end:
        match = _JSON_TOKEN_RE.match(head, pos)
        if match is None:
            break
        bracket = match.group(1)
        if depth == 0:
            # At the top only objects and arrays, each on its own line after the first.
            if bracket not in ("{", "["):
                return None
            if tokens and "\n" not in head[match.start() : match.start(1)]:
                return None
        if bracket is not None:
            depth += 1 if bracket in "{[" else -1
        pos = match.end()
        tokens += 1
    rest = head[pos:]
    complete = depth == 0 and (not rest or rest.isspace())
    if not (complete or (cut and tokens >= _JSON_MIN_TOKENS_WHEN_CUT)):
        return None
    if '"@context"' in head:
        kind = _jsonld_type(head) if complete and not cut else None
        return NonPage(f"JSON-LD structured data (schema.org {kind})" if kind else "JSON-LD data")
    return NonPage("JSON data")


def _jsonld_type(document: str) -> str | None:
    """The ``@type`` of a whole JSON-LD document's top object (or first, or first in @graph)."""
    try:
        value = json.loads(document)
    except (ValueError, RecursionError):  # JSON Lines, or nesting deeper than Python's stack
        return None
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict) and "@type" not in value and isinstance(value.get("@graph"), list):
        value = value["@graph"][0] if value["@graph"] else None
    kind = value.get("@type") if isinstance(value, dict) else None
    if isinstance(kind, list):
        kind = kind[0] if kind else None
    return kind[:80] if isinstance(kind, str) else None


def _robots(head: str) -> NonPage | None:
    if _ROBOTS_AGENT_RE.search(head) is None:  # one C pass rules out nearly every text
        return None
    fields = _rules().robots_fields
    matched = other = agents = 0
    for line in head.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, colon, _ = line.partition(":")
        name = name.strip().lower()
        if colon and name in fields:
            matched += 1
            agents += name == "user-agent"
        else:
            other += 1
    if agents and matched >= _ROBOTS_MIN_FIELD_SHARE * (matched + other):
        return NonPage("a robots.txt file")
    return None


def _url_list(head: str, cut: bool) -> NonPage | None:
    if not head.startswith(("http://", "https://")):
        return None
    lines = [line.strip() for line in head.splitlines() if line.strip()]
    if cut:
        lines = lines[:-1]  # the window may end inside the last one
    if lines and all(
        line.startswith(("http://", "https://")) and len(line.split()) == 1 for line in lines
    ):
        return NonPage("a list of URLs" if len(lines) > 1 else "a URL")
    return None


def _without_block_comments(text: str) -> str:
    """``text`` without ``/* … */`` comments (an unclosed one runs to the end)."""
    pieces: list[str] = []
    pos = 0
    while True:
        start = text.find("/*", pos)
        if start < 0:
            pieces.append(text[pos:])
            return "".join(pieces)
        pieces.append(text[pos:start])
        end = text.find("*/", start + 2)
        if end < 0:
            return "".join(pieces)
        pos = end + 2


def _is_css_prelude(segment: str) -> bool:
    if not segment or len(segment) > _CSS_MAX_PRELUDE_CHARS:
        return False
    if segment.startswith("@"):
        return True
    selectors = _CSS_ATTRIBUTE_SELECTOR_RE.sub("", segment) if "[" in segment else segment
    return bool(_CSS_SELECTOR_RE.fullmatch(selectors)) and not _is_prose_line(segment)


def _css(head: str, cut: bool) -> NonPage | None:
    """A stylesheet: rules (selector or at-rule, then a block of declarations) cover nearly all
    of the window, outside comments."""
    if "{" not in head:
        return None
    body = _without_block_comments(head)
    # good + other never exceed the body: past this much "other", the share cannot be met.
    other_limit = _CSS_MAX_OTHER_SHARE * len(body)
    good = other = rules = declarations = depth = 0
    segment_start = pos = 0
    while True:
        stop = _CSS_STOP_RE.search(body, pos)
        if stop is None:
            break
        char = stop.group()
        if char not in "{};":  # a string or url(…): skip to its end, delimiters and all
            close = body.find(")" if char.endswith("(") else char, stop.end())
            if close < 0:
                break
            pos = close + 1
            continue
        segment = body[segment_start : stop.start()].strip()
        pos = segment_start = stop.end()
        if char == "{":
            depth += 1
            if _is_css_prelude(segment):
                good += len(segment) + 1
                rules += 1
            else:
                other += len(segment)
                if other > other_limit:
                    return None
            continue
        if segment:  # a declaration, or a statement at-rule ("@import url(x);") at the top
            if depth == 0:
                fits = segment.startswith("@")
            else:
                fits = _CSS_DECLARATION_RE.match(segment) is not None
                declarations += fits
            if fits:
                good += len(segment) + 1
            else:
                other += len(segment)
                if other > other_limit:
                    return None
        if char == "}":
            depth -= 1
            if depth < 0:
                return None
            good += 1
    if not cut:
        other += len(body[segment_start:].strip())
    enough = rules >= _CSS_MIN_RULES and declarations >= _CSS_MIN_DECLARATIONS
    if enough and other <= _CSS_MAX_OTHER_SHARE * (good + other):
        return NonPage("a CSS stylesheet")
    return None


def _skip_leading_comments(text: str) -> str:
    """``text`` from its first character that is neither space nor a ``//``/``/* */`` comment."""
    pos = 0
    while True:
        found = _NON_SPACE_RE.search(text, pos)
        if found is None:
            return ""
        pos = found.start()
        if text.startswith("//", pos):
            end = text.find("\n", pos)
        elif text.startswith("/*", pos):
            end = text.find("*/", pos + 2)
            end = end + 2 if end >= 0 else -1
        else:
            return text[pos:]
        if end < 0:
            return ""
        pos = end


def _code_marks(text: str) -> int:
    """Characters of code punctuation in ``text`` (one C pass per character)."""
    return sum(text.count(char) for char in _CODE_PUNCTUATION) + text.count(_CODE_KEY_MARK)


def _is_prose_line(line: str) -> bool:
    words = line.split()
    if len(words) < _PROSE_MIN_WORDS or _code_marks(line) > _PROSE_MAX_CODE_SHARE * len(line):
        return False
    plain = sum(1 for word in words if _PROSE_WORD_RE.fullmatch(word))
    commas = sum(1 for word in words if word.endswith(","))
    count = len(words)
    return plain >= _PROSE_MIN_WORD_SHARE * count and commas <= _PROSE_MAX_COMMA_SHARE * count


def _javascript(head: str) -> NonPage | None:
    """A script: it starts like one and reads as code (punctuation-dense, few prose lines)."""
    code = _skip_leading_comments(head)
    if not code.startswith(_rules().javascript_starts) and not _JS_NAME_START_RE.match(code):
        return None
    total = prose = 0
    for line in code.splitlines():
        line = line.strip()
        if not line:
            continue
        total += len(line)
        if not line.startswith(("//", "/*", "*")) and _is_prose_line(line):
            prose += len(line)
    syntax = _code_marks(code)
    if prose <= _JS_MAX_PROSE_SHARE * total and syntax >= _JS_MIN_SYNTAX_SHARE * total:
        return NonPage("a JavaScript file")
    return None


def has_front_matter(text: str) -> bool:
    """Does ``text`` open with a YAML front matter block ("---", ``key: value`` lines, "---")?"""
    start = _start(text)
    if not text.startswith("---", start):
        return False
    lines = text[start : start + MARKDOWN_WINDOW].split("\n", FRONT_MATTER_MAX_LINES + 1)
    if lines[0].strip() != "---":
        return False
    keys = 0
    for line in lines[1 : FRONT_MATTER_MAX_LINES + 1]:
        stripped = line.strip()
        if stripped in ("---", "..."):
            return keys > 0
        keys += bool(_FRONT_MATTER_KEY_RE.match(line))
    return False


def is_markdown(text: str) -> bool:
    """Is this text (not HTML) written in Markdown?

    A YAML front matter block decides it, and so does a first line that is an ATX heading set
    apart by a blank line (``# Title``: no dump opens so); so do :data:`MARKDOWN_MIN_LINK_LINES`
    lines holding an inline link or image (``[text](target)``, ``![alt](src)``), a reference
    link whose text has a letter (``[text][1]``) or a link definition (``[1]: https://…``).
    Otherwise it takes :data:`MARKDOWN_MIN_MARKS` marks of at least
    :data:`MARKDOWN_MIN_KINDS` kinds among links, ATX headings (``# Title``) and strong
    emphasis (``**words**``). List bullets never count (text browsers print them too), and one
    kind alone never decides, so a dump with a stray ``#`` line, hashtags or a starred footnote
    stays a dump."""
    if has_front_matter(text):
        return True
    start = _start(text)
    window = text[start : start + MARKDOWN_WINDOW]
    if _MD_OPENING_HEADING_RE.match(window):
        return True
    if not any(mark in window for mark in _MD_MARK_HINTS):
        return False
    links = 0
    last_line_end = -1
    for match in _MD_LINK_RE.finditer(window):
        if match[2] and not any(c.isalpha() for c in match[1]):
            continue  # "[1][2]": citation marks in a text, not a reference link
        if match.start() > last_line_end:  # one per line
            links += 1
            if links >= MARKDOWN_MIN_LINK_LINES:
                return True
            newline = window.find("\n", match.end())
            last_line_end = newline if newline >= 0 else len(window)
    headings = len(_MD_HEADING_RE.findall(window))
    strong = len(_MD_STRONG_RE.findall(window))
    marks = (links, headings, strong)
    kinds = sum(1 for count in marks if count)
    return kinds >= MARKDOWN_MIN_KINDS and sum(marks) >= MARKDOWN_MIN_MARKS


def detect_kind(text: str) -> InputKind:
    """``"html"`` when the text is markup, ``"markdown"`` when it is Markdown
    (:func:`is_markdown`), ``"text"`` for a visible-text dump.

    Tags are counted from the start over a window of markup, skipping the contents of
    ``<script>`` and ``<style>`` (a page saved by a headless browser can open with hundreds of
    KB of them; a JSON-LD blob can be ``[`` × 50,000). A text that starts with a tag is HTML
    when it shows a few HTML elements; one that does not is HTML only after a document marker
    near the top (saved HTTP headers before the page) or when tags are dense (text cut by
    ``<br>``), so a dump that quotes a tag or two stays a dump."""
    start = _start(text)
    starts_with_tag = text.startswith("<", start)
    if not starts_with_tag:
        marker = _DOCUMENT_MARKER_RE.search(text, start, start + _DOCUMENT_MARKER_CHARS)
        if marker is not None:
            start, starts_with_tag = text.index("<", marker.start()), True
    elements = _rules().html_elements
    tags = skipped = 0
    pos = start
    limit = start + _TAG_WINDOW
    while True:
        match = _TAG_RE.search(text, pos, limit)
        if match is None:
            break
        pos = match.end()
        name = match.group(2).lower()
        if name not in elements:
            continue
        tags += 1
        if starts_with_tag and tags >= _MIN_TAGS_FOR_HTML:
            return "html"
        if not match.group(1) and name in _RAW_TEXT_ELEMENTS and not match.group().endswith("/>"):
            close = _RAW_TEXT_CLOSE_RE[name].search(text, pos)
            if close is None:
                break
            skipped += close.start() - pos
            limit += close.start() - pos  # raw text does not use up the window
            pos = close.start()
    if tags < _MIN_TAGS_FOR_HTML or starts_with_tag:
        return _text_kind(text)
    markup = min(limit, len(text)) - start - skipped
    return "html" if tags * _CHARS_PER_TAG_IN_MARKUP >= markup else _text_kind(text)


def _text_kind(text: str) -> InputKind:
    return "markdown" if is_markdown(text) else "text"
