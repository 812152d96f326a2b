"""Facts a page's URL states: the publication day many CMSs put in the path.

Shared by the HTML path (with the page's canonical URL) and the text-dump path (with the URL the
caller passes: a dump has none of its own).
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

__all__ = ["url_date_text"]

# Path segments: a year, then (possibly after a word segment) month and day numbers.
_YEAR_RE = re.compile(r"^(19|20)\d\d$")
_SMALL_NUMBER_RE = re.compile(r"^\d{1,2}$")
_DATE_SEGMENT_RE = re.compile(r"^((?:19|20)\d\d)[-_]?(\d\d)[-_]?(\d\d)$")
# Nearest segments after the year that may hold month and day.
_URL_LOOKAHEAD = 3


def url_date_text(url: str | None) -> str | None:
    """A ``YYYY-MM-DD`` string from a URL path that encodes a date, for the date engine."""
    if not url:
        return None
    segments = [s for s in unquote(urlsplit(url).path).split("/") if s]
    for index, segment in enumerate(segments):
        match = _DATE_SEGMENT_RE.match(segment)
        if match:
            return f"{match.group(1)}-{match.group(2)}-{match.group(3)}"
        if not _YEAR_RE.match(segment):
            continue
        numbers = [
            s for s in segments[index + 1 : index + 1 + _URL_LOOKAHEAD] if _SMALL_NUMBER_RE.match(s)
        ]
        if len(numbers) >= 2 and 1 <= int(numbers[0]) <= 12 and 1 <= int(numbers[1]) <= 31:
            return f"{segment}-{int(numbers[0]):02d}-{int(numbers[1]):02d}"
    return None
