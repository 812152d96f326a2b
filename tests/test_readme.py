"""The README is the contract: its commands are the ones CI runs, and the CLI is documented."""

from __future__ import annotations

import re
from pathlib import Path

from article_extract.cli import _parser

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text("utf-8")
CI = (ROOT / ".ci" / "run").read_text("utf-8")
TEST_COMMAND = "pip install '.[test]' && python -m pytest -q"
EXAMPLE_COMMAND = "pip install . && article-extract --example"


def test_readme_states_the_two_setup_commands() -> None:
    assert TEST_COMMAND in README
    assert EXAMPLE_COMMAND in README


def test_ci_runs_exactly_the_readme_test_command() -> None:
    assert re.search(rf"^{re.escape(TEST_COMMAND)}$", CI, re.MULTILINE)


def test_every_cli_option_is_documented() -> None:
    for action in _parser()._actions:
        for flag in action.option_strings:
            if flag in ("-h", "--help"):
                continue
            assert flag in README, f"{flag} is not documented in README.md"
