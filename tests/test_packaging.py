"""Release hygiene: one version, a LICENSE that matches the metadata, documented setup order."""

from __future__ import annotations

import importlib.metadata
import tomllib
from pathlib import Path

import article_extract

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))


def test_the_version_has_one_source() -> None:
    assert "version" not in PYPROJECT["project"]
    assert "version" in PYPROJECT["project"]["dynamic"]
    attr = PYPROJECT["tool"]["setuptools"]["dynamic"]["version"]["attr"]
    assert attr == "article_extract.__version__"
    assert importlib.metadata.version("article-extract") == article_extract.__version__


def test_the_license_file_matches_the_metadata() -> None:
    assert PYPROJECT["project"]["license"] == "Apache-2.0"
    text = (ROOT / "LICENSE").read_text("utf-8")
    assert "Apache License" in text
    assert "Version 2.0, January 2004" in text
    assert "END OF TERMS AND CONDITIONS" in text  # the whole text, not a stub


def test_every_extra_the_suite_exercises_is_in_the_test_extra() -> None:
    extras = PYPROJECT["project"]["optional-dependencies"]
    test = " ".join(extras["test"])
    for extra in ("warc", "parquet", "dask"):
        for requirement in extras[extra]:
            name = requirement.split(">")[0].split("[")[0]
            assert name in test, f"{name} (extra {extra!r}) is not in the test extra"


def test_the_readme_makes_the_virtualenv_before_installing() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    venv = readme.index("python3 -m venv .venv && . .venv/bin/activate")
    assert venv < readme.index("pip install . && article-extract --example")
