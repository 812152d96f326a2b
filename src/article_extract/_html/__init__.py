"""The raw-HTML path: parse → metadata → junk → title → container → dates/credits → body.

Each stage is a module of small pure functions; this one only wires them::

    parse.parse_page        text/tree → a private lxml tree (the caller's tree is copied)
    metadata.read_metadata  JSON-LD, OpenGraph/Twitter, <meta>, microdata, canonical, lang/dir
    parse.strip_junk        scripts, styles, form controls, comments, page-hidden elements;
                            returns the cleaned tree's index (positions, class/id tokens)
    title.choose_title      <h1> confirmed by metadata, else a metadata title minus site name
    body.find_container     ordered container rules (data/html_body.toml)
    dates.choose_dates      every dated statement, then the documented choice rules
    credits.choose_credits  byline near the headline, credit lines, JSON-LD/meta authors
    body.extract_body       chrome removal (structure, class/id vocabulary, phrase lexicon)
    listing.check_is_article home/listing/search/error pages → NotAnArticle
"""

from __future__ import annotations

import logging

from .._draft import ArticleDraft
from .._inputs import PageInput
from .._model import Options
from .._text import arabic_letter_ratio
from .._urls import normalize_url
from ..errors import NotAnArticle
from .body import extract_body, find_container
from .credits import choose_credits, visible_byline
from .dates import choose_dates
from .listing import check_is_article, page_signals
from .metadata import PageMeta, read_metadata
from .parse import parse_page, strip_junk
from .rules import body_rules, chrome_rules
from .title import choose_title, site_keys, site_name, title_key

__all__ = ["extract_from_html"]

logger = logging.getLogger("article_extract")

# Scripts written right to left; a page in one of these languages reads RTL.
_RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur", "ps", "ckb", "yi", "dv", "sd", "ug", "ku"})
# Without a stated language, a body this Arabic-script is RTL.
RTL_LETTER_SHARE = 0.5
# More tags than this in a description or tag list are keyword stuffing; keep the first ones.
MAX_TAGS = 30


def _language(meta: PageMeta) -> str | None:
    if meta.html_lang:
        return meta.html_lang
    value = meta.first("language") or meta.ld("inLanguage")
    if not value:
        return None
    # og:locale "ar_AR" names a language and a region; the language is what we report.
    return value.replace("_", "-").split("-")[0].lower() if "_" in value else value


def _direction(meta: PageMeta, language: str | None, body: str) -> str | None:
    if meta.html_dir in ("rtl", "ltr"):
        return meta.html_dir
    if language:
        return "rtl" if language.split("-")[0].lower() in _RTL_LANGUAGES else "ltr"
    if body:
        return "rtl" if arabic_letter_ratio(body) >= RTL_LETTER_SHARE else "ltr"
    return None


def _tags(meta: PageMeta) -> tuple[str, ...]:
    values = meta.all("tags")
    keywords = meta.ld_raw("keywords")
    if isinstance(keywords, list):
        values += [k for k in keywords if isinstance(k, str)]
    elif isinstance(keywords, str):
        values.append(keywords)
    tags: list[str] = []
    for value in values:
        separator = "," if "," in value else "،"
        tags.extend(t.strip() for t in value.split(separator))
    return tuple(dict.fromkeys(t for t in tags if t))[:MAX_TAGS]


def _section(meta: PageMeta) -> str | None:
    value = meta.ld("articleSection") or meta.first("section") or meta.micro("articleSection")
    return value or None


def extract_from_html(page: PageInput, options: Options) -> ArticleDraft:
    """Extract a draft article from an HTML page; raise NotAnArticle for non-article pages."""
    root = parse_page(page, options)
    meta = read_metadata(root, page.url, options)
    index = strip_junk(root, chrome_rules())
    url = page.url or meta.canonical or normalize_url(meta.first("url"), None)
    choice = choose_title(index, meta, url)
    signals = page_signals(meta, root)
    container = find_container(index, body_rules())
    anchor = choice.element if choice is not None and choice.element is not None else None
    if anchor is None and container is not None:
        anchor = container.primary
    dates = choose_dates(meta, index, anchor, url, options)
    byline = visible_byline(index, anchor)
    skeys = site_keys(meta, url)
    if choice is not None:
        skeys |= choice.affix_keys
    title = choice.text if choice is not None else None
    body = extract_body(
        body_rules(), chrome_rules(), title, container, index, options.max_line_chars
    )
    check_is_article(meta, signals, body.blocks, url, body.teasers)
    if title is None:
        raise NotAnArticle("the page has no headline", reason="no_title")
    section = _section(meta)
    tags = _tags(meta)
    labels = [section or "", *tags, *meta.microdata.get("articlesection", ())]
    label_keys = {k for k in (title_key(v) for v in labels) if k}
    credits = choose_credits(meta, byline, skeys, label_keys, body.authors, body.source)
    language = _language(meta)
    text = "\n".join(b.text for b in body.blocks)
    return ArticleDraft(
        title=title,
        blocks=tuple(body.blocks),
        input_kind="html",
        published=dates.published,
        published_text=dates.published_text,
        modified=dates.modified,
        date_conflicts=dates.conflicts,
        authors=credits.authors,
        source=credits.source,
        site_name=site_name(meta),
        url=page.url or meta.canonical,
        canonical_url=meta.canonical,
        language=language,
        direction=_direction(meta, language, text),
        section=section,
        tags=tags,
        description=meta.first("description") or meta.ld("description"),
        image=normalize_url(meta.first("image") or meta.ld("image"), meta.base_url or url),
        encoding=page.encoding,
    )
