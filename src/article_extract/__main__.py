"""``python -m article_extract``: the same as the ``article-extract`` command."""

from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":  # importing the module (a test walking the package) runs nothing
    sys.exit(main())
