"""``python -m article_extract``: the same as the ``article-extract`` command."""

from __future__ import annotations

import sys

from .cli import main

sys.exit(main())
