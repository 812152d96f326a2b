"""Date evidence from HTML: every dated statement the page makes, for the one date decision
(:func:`article_extract._decide.dates.choose_dates`, where the choice rules are documented).

All parsing goes through the date engine (``article_extract._dates``), metadata ISO strings
included. Candidates, by origin:

* ``json-ld``  — the article object's ``datePublished`` / ``dateCreated`` / ``dateModified``;
* ``meta``     — ``article:published_time``, ``pubdate``, ``date``… (``html_meta.toml``);
* ``microdata``— ``itemprop="datePublished"`` / ``"dateModified"``;
* ``time``     — ``<time datetime>`` near the headline;
* ``visible``  — the stamps printed near the headline, nearest first, up to the first element
  that prints a plausible publication date; an element picked only for sitting by the
  headline (no date vocabulary in its class) must read as a stamp line
  (``_decide.text_roles.is_stamp_line``), not a sentence that mentions a date;
* ``url``      — a ``/2013/…/8/3/`` or ``/2020/12/25/`` path.
"""

from __future__ import annotations

import dataclasses
import re

from lxml.etree import _Element

from .._dates import DateRole, date_label, find_dates, parse_date
from .._decide.dates import DateEvidence, is_plausible
from .._decide.text_roles import is_stamp_line
from .._model import DateOrigin, Options
from .._text import clean_text
from .._urls import url_date_text
from .index import TreeIndex
from .metadata import PageMeta
from .nearby import nearby_elements
from .rules import meta_rules

__all__ = ["date_evidence"]


def _parsed(
    text: str | None, origin: DateOrigin, role: DateRole, options: Options
) -> DateEvidence | None:
    if not text or not text.strip():
        return None
    parsed = parse_date(text.strip(), reference=options.reference)
    if parsed is None:
        return None
    return DateEvidence(dataclasses.replace(parsed, role=role), origin)


def _structured(meta: PageMeta, options: Options) -> list[DateEvidence | None]:
    found = [
        _parsed(meta.ld("datePublished"), "json-ld", "published", options),
        _parsed(meta.ld("dateCreated"), "json-ld", "published", options),
        _parsed(meta.ld("dateModified"), "json-ld", "modified", options),
    ]
    found += [_parsed(v, "meta", "published", options) for v in meta.all("published")]
    found += [_parsed(v, "meta", "modified", options) for v in meta.all("modified")]
    found += [
        _parsed(meta.micro("datePublished"), "microdata", "published", options),
        _parsed(meta.micro("dateCreated"), "microdata", "published", options),
        _parsed(meta.micro("dateModified"), "microdata", "modified", options),
    ]
    return found


def _visible(
    index: TreeIndex, anchor: _Element | None, options: Options, *, headline: bool
) -> list[DateEvidence]:
    """Stamps near the headline: ``<time datetime>`` first, then printed text."""
    table = meta_rules()
    found: list[DateEvidence] = []
    tried: set[str] = set()  # texts of the candidates picked by position: the same reading
    for near in nearby_elements(
        index,
        anchor,
        table.date_tokens,
        table.teaser_tokens,
        extra_tags=("time",),
        around_headline=True,
        headline=headline,
    ):
        element = near.element
        if element.tag == "time" and element.get("datetime"):
            labelled: DateRole = (
                "modified" if date_label(_text_before(element)) == "modified" else "published"
            )
            stamp = _parsed(element.get("datetime"), "time", labelled, options)
            if stamp is not None:
                found.append(DateEvidence(stamp.date, "time", near.text))
        if not near.by_vocabulary:
            if near.text in tried:
                continue
            tried.add(near.text)
        printed = False
        glued = len(element) and _DIGIT_RE.search(near.text) is not None
        text = _spaced_text(element) if glued else near.text
        dates = find_dates(text, reference=options.reference)
        if not near.by_vocabulary and not is_stamp_line(text, dates):
            continue
        # A date the element labels as the publication's comes before an unlabelled one
        # ("Sun 5 Nov 2023 14.40 GMT" over "First published on Sun 5 Nov 2023 10.02 GMT").
        for parsed in sorted(dates, key=lambda d: d.role != "published"):
            role: DateRole = "modified" if parsed.role == "modified" else "published"
            found.append(DateEvidence(dataclasses.replace(parsed, role=role), "visible", text))
            printed = printed or (role == "published" and is_plausible(parsed))
        if printed:
            break
    return found


_DIGIT_RE = re.compile(r"\d")


def _spaced_text(element: _Element) -> str:
    """The element's text with its parts apart: a stamp split over side-by-side elements
    ("<span>الأحد 5 نوفمبر 2023</span><span>02:20 م</span>") glues the year to the time."""
    return clean_text(" ".join(element.itertext()))


def _text_before(element: _Element) -> str:
    """The text printed right before ``element`` in its parent (its label: "Updated <time>")."""
    previous = element.getprevious()
    parent = element.getparent()
    text = previous.tail if previous is not None else parent.text if parent is not None else None
    return (text or "").strip()


def date_evidence(
    meta: PageMeta,
    index: TreeIndex,
    anchor: _Element | None,
    url: str | None,
    options: Options,
    *,
    headline: bool = False,
) -> tuple[DateEvidence, ...]:
    """Every dated statement, by origin (see the module docstring); ``anchor`` is the headline
    (``headline``) or else the body container."""
    found = _structured(meta, options)
    found += _visible(index, anchor, options, headline=headline)
    found.append(_parsed(url_date_text(url or meta.canonical), "url", "published", options))
    return tuple(f for f in found if f is not None)
