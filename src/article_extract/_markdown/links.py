"""The page's link neighbourhood: where its links point, read from their targets alone.

* **The site's host**: the caller's URL's host; else the host of the addresses its share links
  carry; else the host its absolute links name most often, when they name it more often than
  there are relative links (a page that links its own articles relatively links other sites
  absolutely: social networks, ad servers). Relative links stay on the site by definition. A
  leading ``www.`` is ignored.
* **Same-site article links vs section links**: a target on the site whose path carries a
  date, a number of at least :data:`MIN_ID_DIGITS` digits, or a slug of at least
  :data:`MIN_SLUG_WORDS` words is another article (``/article/825079-…``,
  ``/2014/world/1/9/…``, ``/news/1353513/…``); anything else on the site is a section, tag,
  topic or service page (``/sport``, ``/topics/word/気象庁.html``, ``/category/عربي-ودولي``).
* **The page's own URL**, when the caller gave none: the addresses that share links carry in
  their query (``facebook.com/sharer?u=…``, ``x.com/intent/tweet?url=…``,
  ``mailto:?body=…``) and the target of a linked level-1 heading (a headline that links to its
  own page), on the site and shaped like an article's address; the one named most often
  (first seen on a tie; compared without query and fragment, which share links fill with
  tracking parameters). It is evidence only (a date in its path), never reported as the
  Article's URL, and may be a relative reference when the site's host is unknown.
* **Author pages**: a target whose path has a segment naming the site's author pages
  (``/author/``, ``/autor/``, ``/yazar/``…; ``data/bylines.toml``) leads to an author's page: its
  link text is a byline.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import SplitResult, parse_qsl, unquote, urljoin, urlsplit

from .._urls import is_author_page, normalize_url, url_date_text
from .parse import MarkdownLine

__all__ = ["LinkNeighbourhood", "read_links"]

# An article's id in its path: a number this long ("825079", "7714852"); years are four digits
# too, and a year in a path is an article's date as well.
MIN_ID_DIGITS = 4
# An article's slug: this many words joined by "-" or "_" ("death-toll-in-valencia-…").
MIN_SLUG_WORDS = 4
# Query keys under which share links carry the shared page's address.
_SHARE_KEYS = frozenset({"u", "url", "href", "link", "body", "text", "source"})
_DIGITS_RE = re.compile(rf"\d{{{MIN_ID_DIGITS}}}")
_SLUG_SEPARATORS_RE = re.compile(r"[-_]")
# An absolute address inside a query value ("mailto:?body=https://…").
_EMBEDDED_URL_RE = re.compile(r"https?://\S+")
_NOT_PAGES = ("mailto:", "javascript:", "tel:", "#", "data:")
# A run of percent-escapes ("%D8%A7%D9%84…": a word of a non-Latin slug).
_ESCAPES_RE = re.compile(rb"(?:%[0-9A-Fa-f]{2})+")
# What may hide a path's characters from a test of its text as written: escapes (decoded by
# url_date_text), and the tabs and line breaks urlsplit drops.
_HIDER_RE = re.compile("[%\t\r\n]")


class _Addresses:
    """What the page's addresses say, each read once: a page repeats its links (menus, share
    bars, teasers), and urllib's splitting and unquoting is most of the cost of reading them.
    One per page, never shared between calls."""

    def __init__(self) -> None:
        self._splits: dict[str, SplitResult | None] = {}
        self._hosts: dict[str, str | None] = {}
        self._paths: dict[str, str] = {}
        self._articles: dict[str, bool] = {}
        self._authors: dict[str, bool] = {}

    def _split(self, address: str) -> SplitResult | None:
        """urlsplit's reading of the address (None: urllib refuses it), made once for its host
        and its path: urllib's own cache holds fewer addresses than a page has."""
        if address not in self._splits:
            try:
                self._splits[address] = urlsplit(address)
            except ValueError:
                self._splits[address] = None
        return self._splits[address]

    def host(self, address: str) -> str | None:
        """The host an address names, without "www." (None: a relative address, on the page's
        own site; "" when urllib refuses it)."""
        if address not in self._hosts:
            found: str | None = None
            if address.startswith(("http://", "https://", "//")):
                parts = self._split(address)
                found = (parts.hostname or "").removeprefix("www.") if parts is not None else ""
            self._hosts[address] = found
        return self._hosts[address]

    def path(self, address: str) -> str:
        """The address's path, percent-decoded ("" when it is not an address)."""
        if address not in self._paths:
            parts = self._split(address)
            self._paths[address] = _unquote(parts.path) if parts is not None else ""
        return self._paths[address]

    def article(self, address: str) -> bool:
        """Is the address's path shaped like an article's (see :func:`_article_path`)?"""
        found = self._articles.get(address)
        if found is None:
            found = self._articles[address] = _article_path(self.path(address))
        return found

    def author(self, address: str) -> bool:
        """Does the address lead to one of the site's author pages (``_urls.is_author_page``)?"""
        found = self._authors.get(address)
        if found is None:
            found = self._authors[address] = is_author_page(address)
        return found


@dataclass(frozen=True, slots=True)
class LinkNeighbourhood:
    """What the page's links say about the page."""

    site_host: str | None  # without "www."
    own_url: str | None  # the page's own address, as its share links and headline give it
    addresses: _Addresses = field(default_factory=_Addresses, repr=False, compare=False)
    # is_other_article's answer per target, each target read once (a page repeats its links).
    _other_articles: dict[str, bool] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def is_other_article(self, target: str) -> bool:
        """Does ``target`` lead to another article of the site (not a section page, not an
        outside site, not this page)?"""
        found = self._other_articles.get(target)
        if found is None:
            found = self._other_articles[target] = self._leads_to_other_article(target)
        return found

    def _leads_to_other_article(self, target: str) -> bool:
        if not target or target.startswith(_NOT_PAGES):
            return False
        host = self.addresses.host(target)
        if host is not None and host != self.site_host:
            return False
        path = self.addresses.path(target)
        if self.own_url is not None and _same_path(path, self.addresses.path(self.own_url)):
            return False
        return self.addresses.article(target)

    def is_author_page(self, target: str) -> bool:
        """Does ``target`` lead to one of the site's author pages (module docstring)?"""
        if not target or target.startswith(_NOT_PAGES):
            return False
        return self.addresses.author(target)


def _unquote(text: str) -> str:
    """urllib's ``unquote``, with one step per run of escapes rather than per escape for an
    ASCII address (a non-Latin slug is hundreds of escapes)."""
    if "%" not in text or not text.isascii():
        return unquote(text)
    return _ESCAPES_RE.sub(_unescape_run, text.encode("ascii")).decode("utf-8", "replace")


def _unescape_run(match: re.Match[bytes]) -> bytes:
    return bytes.fromhex(match.group().decode("ascii").replace("%", " "))


def _article_path(path: str) -> bool:
    if not path.strip("/"):
        return False
    if _DIGITS_RE.search(path):
        return True
    # A date in a path has a four-digit year: with no four digits in a row, url_date_text finds
    # one only where escapes or dropped characters hide its digits.
    if _HIDER_RE.search(path) and url_date_text("http://x" + path) is not None:
        return True
    return any(
        len(_SLUG_SEPARATORS_RE.split(segment)) >= MIN_SLUG_WORDS for segment in path.split("/")
    )


def _without_query(target: str) -> str:
    """The address without its query and fragment (share links add tracking parameters)."""
    return target.split("#", 1)[0].split("?", 1)[0]


def _same_path(path: str, other: str) -> bool:
    return path.rstrip("/") == other.rstrip("/")


def _site_host(
    targets: Counter[str], shared: dict[str, tuple[str, ...]], addresses: _Addresses
) -> str | None:
    """``targets``: each target the page links, with how often (first seen first); ``shared``:
    the addresses share links carry, by target."""
    shared_hosts: Counter[str] = Counter()
    for target, addresses_shared in shared.items():
        for address in addresses_shared:
            if addresses.article(address) and (host := addresses.host(address)):
                shared_hosts[host] += targets[target]
    if shared_hosts:
        return shared_hosts.most_common(1)[0][0]
    hosts: Counter[str] = Counter()
    relative = 0
    for target, count in targets.items():
        host = addresses.host(target)
        if host:
            hosts[host] += count
        elif host is None and not target.startswith(_NOT_PAGES):
            relative += count
    if not hosts:
        return None
    host, count = hosts.most_common(1)[0]
    return host if count > relative else None


def _shared_addresses(address: str) -> tuple[str, ...]:
    """Absolute addresses a share link carries in its query."""
    _, _, after = address.partition("?")
    if "http" not in after and "%" not in after:  # no address in the query, written or escaped
        return ()
    try:
        query = urlsplit(address).query
    except ValueError:
        return ()
    found: list[str] = []
    for key, value in parse_qsl(query):
        if key.lower() not in _SHARE_KEYS:
            continue
        if value.startswith(("http://", "https://")):
            found.append(value.split()[0])
        else:
            found += _EMBEDDED_URL_RE.findall(value)
    return tuple(found)


def _own_url(
    lines: Sequence[MarkdownLine],
    site_host: str | None,
    shared: dict[str, tuple[str, ...]],
    addresses: _Addresses,
) -> str | None:
    candidates: list[str] = []
    for line in lines:
        for link in line.links:
            if link.target in shared:
                candidates += shared[link.target]
            if line.heading == 1 and not link.target.startswith(_NOT_PAGES):
                candidates.append(link.target)
    on_site = [
        _without_query(c)
        for c in candidates
        if addresses.host(c) in (site_host, None) and addresses.article(c)
    ]
    if not on_site:
        return None
    counts = Counter(on_site)
    best = max(counts.values())
    found = next(c for c in on_site if counts[c] == best)
    if site_host is not None:
        found = urljoin(f"https://{site_host}/", found)
    return normalize_url(found) or found


def read_links(lines: Sequence[MarkdownLine], caller_url: str | None) -> LinkNeighbourhood:
    """The neighbourhood of a page from its lines' links (rules in the module docstring)."""
    addresses = _Addresses()
    if caller_url:
        return LinkNeighbourhood(addresses.host(caller_url), caller_url, addresses)
    # Each target once, with how often the page links it (first seen first, as the votes' ties
    # go), and the addresses the share links among them carry.
    targets = Counter(link.target for line in lines for link in line.links)
    shared = {target: found for target in targets if (found := _shared_addresses(target))}
    if caller_url is None:
        site_host = _site_host(targets, shared, addresses)
    else:  # "": no host, no own address
        site_host = addresses.host(caller_url)
    return LinkNeighbourhood(site_host, _own_url(lines, site_host, shared, addresses), addresses)
