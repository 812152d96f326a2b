"""Decided fields → validated :class:`~article_extract.Article`: the one place pydantic runs.

Optional metadata a page states badly (a relative image URL) is dropped here and logged at
DEBUG, instead of failing the whole article (a made-up language code never gets here:
``decide_language`` drops it): the fields the user cannot do without (title, body) are the only
ones that can raise.
"""

from __future__ import annotations

import logging
from typing import Any

from pydantic import ValidationError

from ._model import Article
from ._urls import normalize_url
from .errors import InvalidArticle

__all__ = ["build_article"]

logger = logging.getLogger("article_extract")

_URL_FIELDS = ("url", "canonical_url", "image")


def build_article(fields: dict[str, Any]) -> Article:
    """Validate ``fields`` (Article field names) into an Article; raise InvalidArticle if the
    title or body is unusable."""
    fields = dict(fields)
    for name in _URL_FIELDS:
        value = fields.get(name)
        # Every URL in its one canonical form (see ``_urls``), or None when it is not one.
        fields[name] = normalize_url(value)
        if fields[name] is None and value is not None:
            logger.debug("dropping %s %.200r: not an absolute http(s) URL", name, value)
    try:
        return Article.model_validate(fields)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        raise InvalidArticle(
            f"the extracted article is not valid: {problems}",
            errors=[{"loc": list(e["loc"]), "msg": e["msg"]} for e in exc.errors()],
        ) from exc
