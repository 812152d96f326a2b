"""The raw-HTML path: parse, metadata, chrome removal, body. (Being built: see issue 4.)"""

from __future__ import annotations

from .._draft import ArticleDraft
from .._inputs import PageInput
from .._model import Options
from ..errors import NotAnArticle

__all__ = ["extract_from_html"]


def extract_from_html(page: PageInput, options: Options) -> ArticleDraft:
    """Extract a draft article from an HTML page."""
    raise NotAnArticle("HTML input is not supported yet", reason="unsupported")
