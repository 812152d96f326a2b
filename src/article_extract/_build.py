"""Draft → validated :class:`~article_extract.Article`: the one place pydantic runs.

Optional metadata a page states badly (a relative image URL, a made-up language code, a date
from 1944) is dropped here and logged at DEBUG, instead of failing the whole article: the
fields the user cannot do without (title, body) are the only ones that can raise.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from ._draft import ArticleDraft, DatedCandidate
from ._model import EARLIEST_PLAUSIBLE, FUTURE_TOLERANCE, LANG_RE, Article, Options
from ._urls import normalize_url
from .errors import InvalidArticle

__all__ = ["build_article"]

logger = logging.getLogger("article_extract")


def _instant(value: datetime) -> datetime:
    offset = value.utcoffset()
    return value.replace(tzinfo=None) - offset if offset is not None else value


def _plausible(value: datetime, options: Options) -> bool:
    instant = _instant(value)
    if instant < EARLIEST_PLAUSIBLE:
        return False
    return not (
        options.reference is not None and instant > _instant(options.reference) + FUTURE_TOLERANCE
    )


def _date_value(candidate: DatedCandidate | None, options: Options) -> datetime | None:
    if candidate is None:
        return None
    value = candidate.date.value
    if value.tzinfo is None and options.default_tz is not None:
        value = value.replace(tzinfo=options.default_tz)
    if not _plausible(value, options):
        logger.debug("dropping implausible %s date %s", candidate.origin, value.isoformat())
        return None
    return value


def _url_or_none(value: str | None, field: str) -> str | None:
    """The URL in its one canonical form (see ``_urls``), or None when it is not one."""
    if value is None:
        return None
    url = normalize_url(value)
    if url is None:
        logger.debug("dropping %s %.200r: not an absolute http(s) URL", field, value)
    return url


def _language_or_none(value: str | None) -> str | None:
    if not value:
        return None
    tag = value.strip().replace("_", "-").lower()
    return tag if LANG_RE.match(tag) else None


def build_article(draft: ArticleDraft, options: Options) -> Article:
    """Validate ``draft`` into an Article; raise InvalidArticle if title or body is unusable."""
    published = _date_value(draft.published, options)
    modified = _date_value(draft.modified, options)
    if published is not None and modified is not None and _instant(modified) < _instant(published):
        # A "modified" stamp before publication is a site bug (or a UTC/local mix-up): drop it.
        logger.debug("dropping modified %s: earlier than published %s", modified, published)
        modified = None
    conflicts = [
        {"origin": c.origin, "value": value, "role": c.date.role or "published"}
        for c in draft.date_conflicts
        if (value := _date_value(c, options)) is not None
    ]
    fields: dict[str, Any] = {
        "title": draft.title,
        "blocks": [{"kind": b.kind, "text": b.text} for b in draft.blocks if b.text.strip()],
        "published": published,
        "published_text": draft.published_text if published is not None else None,
        "modified": modified,
        "date_origin": draft.published.origin
        if published is not None and draft.published
        else None,
        "date_precision": draft.published.date.precision
        if published is not None and draft.published
        else None,
        "date_conflicts": conflicts,
        "authors": list(draft.authors),
        "source": draft.source,
        "site_name": draft.site_name,
        "url": _url_or_none(draft.url, "url"),
        "canonical_url": _url_or_none(draft.canonical_url, "canonical_url"),
        "language": _language_or_none(draft.language),
        "direction": draft.direction if draft.direction in ("rtl", "ltr") else None,
        "section": draft.section,
        "tags": list(draft.tags),
        "description": draft.description,
        "image": _url_or_none(draft.image, "image"),
        "input_kind": draft.input_kind,
        "encoding": draft.encoding,
    }
    try:
        return Article.model_validate(fields, context={"reference": options.reference})
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        raise InvalidArticle(
            f"the extracted article is not valid: {problems}",
            errors=[{"loc": list(e["loc"]), "msg": e["msg"]} for e in exc.errors()],
        ) from exc
