"""The text-dump path (being built)."""

from __future__ import annotations

from ._draft import ArticleDraft
from ._inputs import PageInput
from ._model import Options
from .errors import NotAnArticle

__all__ = ["extract_from_dump"]


def extract_from_dump(page: PageInput, options: Options) -> ArticleDraft:
    raise NotAnArticle("not implemented", reason="unsupported")
