"""URLs: the one normaliser every URL passes through, and the facts a URL states.

**Canonical form.** Every URL the library reads (the caller's ``url=``, a scraper response's
``.url``) or writes (``Article.url``, ``canonical_url``, ``image``) goes through
:func:`normalize_url`, which gives an absolute ``http``/``https`` URI in its percent-encoded
form — the form HTTP clients send, Scrapy and requests keep in ``response.url``, a browser's
``location.href`` shows and lxml writes when it serialises a tree:

* scheme and host lower-cased; an internationalised host in IDNA (``xn--…``) form; the default
  port (80/443) dropped; an empty path written ``/``;
* in the path, query and fragment, every character outside RFC 3986's unreserved and reserved
  sets (non-ASCII letters, spaces, ``"<>[]{}|\\^`` …) percent-encoded as UTF-8, upper-case hex;
  an escape of an unreserved character (``%41``) decoded; a ``%`` that starts no escape
  written ``%25``; existing escapes otherwise kept as they are (never decoded: ``%2F`` is not
  ``/``, and old Arabic sites percent-encode windows-1256 bytes that are not UTF-8).

So ``https://example.com/أخبار/1`` and ``https://EXAMPLE.com:443/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/1``
give the same string whatever the page's encoding or input form (bytes, str, lxml tree). The
percent-encoded form is lossless and ASCII; an IRI cannot represent escapes of non-UTF-8 bytes.

Anything else — a relative path, ``javascript:``/``data:``/``ftp:``, control characters, a broken
IPv6 literal (``http://[::1``), an invalid port, a non-``str`` — is not a URL: ``None``.

:func:`url_date_text` reads the publication day many CMSs put in the path; it is shared by the
HTML path (with the page's canonical URL) and the text-dump path (with the caller's URL).
:func:`is_author_page` tells a link to one of the site's pages for an author (its text is a
byline), for the HTML and the Markdown paths.
"""

from __future__ import annotations

import ipaddress
import logging
import re
from functools import cache
from urllib.parse import quote, unquote, urljoin, urlsplit

from .data import load_table

__all__ = ["caller_url", "is_author_page", "normalize_url", "url_date_text"]

logger = logging.getLogger("article_extract")

# No browser or server accepts a longer URL; a "URL" this long is a pasted page, not an address.
MAX_URL_CHARS = 32 * 1024
# WHATWG URL parsing strips these from both ends ("C0 control or space")...
_EDGE_CHARS = "".join(chr(c) for c in range(0x21))
# ...and removes tab and newlines anywhere (they are wrapping, not part of the address).
_DROP_INSIDE = str.maketrans("", "", "\t\n\r")
# Any other control character left means the value is not an address.
_CONTROL_RE = re.compile("[\x00-\x1f\x7f]")
# Characters kept as they are in a path, query or fragment: RFC 3986's unreserved and reserved
# sets, minus "[" and "]" (which only an IPv6 host may hold), plus "%" (escapes are checked
# after). Everything else is percent-encoded as UTF-8.
_SAFE_CHARS = "-._~!$&'()*+,;=:@/?#%"
# A "%" that starts no escape, and an escape (to upper-case, or to decode when unreserved).
_BARE_PERCENT_RE = re.compile(r"%(?![0-9A-Fa-f]{2})")
_ESCAPE_RE = re.compile(r"%[0-9A-Fa-f]{2}")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
# Characters a host may never contain (WHATWG "forbidden host code points").
_FORBIDDEN_HOST_CHARS = frozenset(" #%/:<>?@[\\]^|")
_DEFAULT_PORTS = {"http": "80", "https": "443"}
_MAX_PORT = 65535

# Path segments: a year, then (possibly after a word segment) month and day numbers.
_YEAR_RE = re.compile(r"^(19|20)\d\d$")
_SMALL_NUMBER_RE = re.compile(r"^\d{1,2}$")
_DATE_SEGMENT_RE = re.compile(r"^((?:19|20)\d\d)[-_]?(\d\d)[-_]?(\d\d)$")
# Nearest segments after the year that may hold month and day.
_URL_LOOKAHEAD = 3


def _escape(match: re.Match[str]) -> str:
    token = match.group()
    char = chr(int(token[1:], 16))
    return char if char in _UNRESERVED else token.upper()


def _encode(component: str) -> str:
    """``component`` percent-encoded in the canonical form (module docstring)."""
    quoted = quote(component, safe=_SAFE_CHARS)  # raises on a lone surrogate
    if "%" not in quoted:
        return quoted
    return _ESCAPE_RE.sub(_escape, _BARE_PERCENT_RE.sub("%25", quoted))


def _host(raw: str) -> str | None:
    """The host lower-cased, percent-decoded and in IDNA form; None when it is not a host."""
    if raw.startswith("["):
        try:
            return f"[{ipaddress.IPv6Address(raw[1:-1]).compressed}]" if raw[-1:] == "]" else None
        except ValueError:
            return None
    host = unquote(raw, errors="strict").lower() if "%" in raw else raw.lower()
    if not host or not _FORBIDDEN_HOST_CHARS.isdisjoint(host):
        return None
    if host.isascii():
        return host
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return None


def _authority(netloc: str, scheme: str) -> str | None:
    userinfo, at, hostport = netloc.rpartition("@")
    if hostport.startswith("["):
        end = hostport.find("]") + 1
        raw_host, rest = hostport[:end], hostport[end:]
        if not end or (rest and not rest.startswith(":")):
            return None
        port = rest[1:]
    else:
        raw_host, _, port = hostport.partition(":")
    host = _host(raw_host)
    if host is None:
        return None
    if port:
        if not port.isascii() or not port.isdigit() or int(port) > _MAX_PORT:
            return None
        port = str(int(port))
    if port and port != _DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    return f"{_encode(userinfo)}@{host}" if at else host


def normalize_url(value: object, base: str | None = None) -> str | None:
    """``value`` as an absolute http(s) URL in the canonical form (module docstring), resolved
    against ``base`` when it is relative; None when it is not one."""
    if not isinstance(value, str):
        return None
    value = value.strip(_EDGE_CHARS).translate(_DROP_INSIDE)
    if not value or len(value) > MAX_URL_CHARS or _CONTROL_RE.search(value):
        return None
    try:
        if base:
            value = urljoin(base, value)
        elif value.startswith("//"):  # protocol-relative, and nothing to take the scheme from
            value = f"https:{value}"
        parts = urlsplit(value)
        scheme = parts.scheme.lower()
        if scheme not in _DEFAULT_PORTS or not parts.netloc:
            return None
        authority = _authority(parts.netloc, scheme)
        if authority is None:
            return None
        url = f"{scheme}://{authority}{_encode(parts.path) or '/'}"
        if parts.query:
            url += f"?{_encode(parts.query)}"
        if parts.fragment:
            url += f"#{_encode(parts.fragment)}"
    except (ValueError, UnicodeError):  # a broken IPv6 literal, a lone surrogate…
        return None
    return url


def caller_url(value: object, where: str) -> str | None:
    """A URL handed to us from outside (``extract(url=…)``, a response's ``.url``), normalised;
    a value that is not an absolute http(s) URL is ignored with a warning, never an error:
    the page is read as if no URL had been given."""
    if value is None or value == "":
        return None
    url = normalize_url(value)
    if url is None:
        logger.warning("ignoring %s %.200r: not an absolute http(s) URL", where, value)
    return url


def url_date_text(url: str | None) -> str | None:
    """A ``YYYY-MM-DD`` string from a URL path that encodes a date, for the date engine."""
    if not url:
        return None
    try:
        path = urlsplit(url).path
    except ValueError:  # not a URL (the normaliser would have said so): no date in it
        return None
    segments = [s for s in unquote(path).split("/") if s]
    for index, segment in enumerate(segments):
        match = _DATE_SEGMENT_RE.match(segment)
        if match:
            return "-".join(match.groups())
        if not _YEAR_RE.match(segment):
            continue
        numbers = [
            s for s in segments[index + 1 : index + 1 + _URL_LOOKAHEAD] if _SMALL_NUMBER_RE.match(s)
        ]
        if len(numbers) >= 2 and 1 <= int(numbers[0]) <= 12 and 1 <= int(numbers[1]) <= 31:
            return f"{segment}-{int(numbers[0]):02d}-{int(numbers[1]):02d}"
    return None


# What may hide a path's characters from a test of the address as written: escapes, and the
# tabs and line breaks urlsplit drops.
_HIDER_RE = re.compile("[%\t\r\n]")


@cache
def _author_segments() -> frozenset[str]:
    segments = load_table("bylines")["author_pages"]["path_segments"]
    return frozenset(segment.casefold() for segment in segments)


@cache
def _author_segment_re() -> re.Pattern[str]:
    """Any of the author pages' segments (casefolded), anywhere: one scan of an address."""
    return re.compile("|".join(map(re.escape, sorted(_author_segments()))))


def is_author_page(address: str) -> bool:
    """Does ``address`` lead to one of the site's pages for an author: a whole segment of its
    path names them (``/author/``, ``/autor/``, ``/yazar/``…; ``data/bylines.toml``), in any
    case? Only an address whose text holds such a name (or may hide one behind escapes) is
    split and decoded."""
    if not _HIDER_RE.search(address) and not _author_segment_re().search(address.casefold()):
        return False
    try:
        path = urlsplit(address).path
    except ValueError:
        return False
    return not _author_segments().isdisjoint(unquote(path).casefold().split("/"))
