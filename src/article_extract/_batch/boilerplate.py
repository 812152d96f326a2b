"""``--learn-boilerplate``: lines repeated across many pages of one site are that site's chrome.

A single page cannot tell its own menu ("الرئيسية | محليات | رياضة") or footer ("جميع الحقوق
محفوظة لموقع …") from its text when no lexicon phrase names them; across a site's pages they
are the lines that repeat. A first pass reads each page's lines (every line of a text dump; the
body blocks ``extract()`` keeps from an HTML page) and counts, per site, on how many pages each
line occurs. A line is boilerplate when it occurs on at least :data:`MIN_PAGES` pages *and* on
at least :data:`MIN_SHARE` of the site's pages: a menu is on nearly every page, while a quote
that two articles share is on two pages, not on half of the site. Lines are compared in
``_lexicon.match_key`` form, the lexicon's own folding; the learned keys reach extraction
through ``Options.boilerplate``.

Memory: the counts hold each distinct line of the pages read, so at most
:data:`MAX_PAGES_PER_SITE` pages per site are read (menus and footers show up on the first ones).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial

from .._dump.lines import split_physical_lines
from .._extract import extract
from .._inputs import read_source
from .._lexicon import match_key
from .._model import Options
from ..errors import ExtractError
from .items import Input, site_of
from .run import map_inputs

__all__ = ["MAX_PAGES_PER_SITE", "MIN_PAGES", "MIN_SHARE", "SiteLines", "learn_boilerplate"]

# A line on fewer pages than this is never boilerplate: two articles may quote the same words.
MIN_PAGES = 3
# ... nor a line on less than this share of the site's pages (a story's recurring background
# paragraph is on some pages; a menu or footer is on most).
MIN_SHARE = 0.5
# Pages read per site; the counts (one entry per distinct line) stay bounded.
MAX_PAGES_PER_SITE = 200


@dataclass(frozen=True, slots=True)
class PageLines:
    """The distinct line keys of one page (empty when the page could not be read)."""

    site: str
    keys: frozenset[str]


def page_lines(options: Options, item: Input) -> PageLines:
    """The keys of one page's lines: every line of a dump, the body blocks of an HTML page."""
    site = site_of(item)
    if isinstance(item.source, ExtractError):
        return PageLines(site, frozenset())
    try:
        page = read_source(item.source, url=item.url, max_bytes=options.max_input_bytes)
        if page.kind == "html":
            article = extract(item.source, url=item.url, options=options)
            texts: Iterable[str] = (block.text for block in article.blocks)
        else:
            texts = split_physical_lines(page.text)
    except ExtractError:
        return PageLines(site, frozenset())
    return PageLines(site, frozenset(k for k in map(match_key, texts) if k))


@dataclass
class SiteLines:
    """Per site: pages read, and on how many of them each line key occurs."""

    pages: Counter[str] = field(default_factory=Counter)
    counts: dict[str, Counter[str]] = field(default_factory=dict)

    def add(self, page: PageLines) -> None:
        self.pages[page.site] += 1
        self.counts.setdefault(page.site, Counter()).update(page.keys)

    def full(self, site: str) -> bool:
        return self.pages[site] >= MAX_PAGES_PER_SITE

    def boilerplate(self) -> dict[str, frozenset[str]]:
        """Site → the keys that occur on enough pages, by count and by share."""
        learned: dict[str, frozenset[str]] = {}
        for site, counts in self.counts.items():
            floor = max(MIN_PAGES, MIN_SHARE * self.pages[site])
            keys = frozenset(k for k, n in counts.items() if n >= floor)
            if keys:
                learned[site] = keys
        return learned


def _sampled(inputs: Iterable[Input], lines: SiteLines) -> Iterator[Input]:
    for item in inputs:
        if not lines.full(site_of(item)):
            yield item


def learn_boilerplate(
    inputs: Iterable[Input],
    *,
    options: Options | None = None,
    workers: int | None = None,
    timeout: float | None = None,
) -> dict[str, frozenset[str]]:
    """Read the inputs' lines (in parallel) and return each site's boilerplate line keys."""
    lines = SiteLines()
    pages = map_inputs(
        partial(page_lines, options or Options()),
        _sampled(inputs, lines),
        workers=workers,
        ordered=False,
        timeout=timeout,
    )
    for page in pages:
        lines.add(page)
    return lines.boilerplate()
