"""The pipeline: source → read/decode → evidence (HTML | text dump | Markdown path) → decide →
Article."""

from __future__ import annotations

import logging

from ._decide import decide
from ._decide.evidence import PageEvidence
from ._dump import extract_from_dump
from ._html import extract_from_html
from ._inputs import read_source
from ._model import Article, Options
from .errors import ExtractError, InternalError

__all__ = ["extract"]

logger = logging.getLogger("article_extract")


def extract(source: object, *, url: str | None = None, options: Options | None = None) -> Article:
    """Extract the article from one page.

    ``source`` is a ``str`` (HTML or a text dump), ``bytes`` (a raw page in any encoding), an
    ``os.PathLike``, an lxml or BeautifulSoup tree, or a scraper response (``.body``/``.content``/
    ``.text`` and ``.url``). ``url`` is the page's address if the source does not carry it.

    Pure: no network, no global state, the same input always gives the same output.
    Raises an :class:`~article_extract.errors.ExtractError` subclass for any page it cannot
    turn into an article; never anything else for bad input.
    """
    options = options or Options()
    try:
        page = read_source(source, url=url, max_bytes=options.max_input_bytes)
        evidence: PageEvidence
        if page.kind == "html":
            evidence = extract_from_html(page, options)
        elif page.kind == "markdown":
            # Here, not at import: most callers never read Markdown, and its reader (with the
            # CommonMark parser behind it) is a module tree of its own.
            from ._markdown import extract_from_markdown

            evidence = extract_from_markdown(page, options)
        else:
            evidence = extract_from_dump(page, options)
        return decide(evidence, options)
    except ExtractError:
        raise
    except RecursionError as exc:
        raise InternalError("the page is nested too deeply to process") from exc
    except Exception as exc:  # a bug of ours must not take down the caller's batch or crawler
        logger.exception("internal error while extracting %s", url or type(source).__name__)
        raise InternalError(f"internal error: {type(exc).__name__}: {exc}") from exc
