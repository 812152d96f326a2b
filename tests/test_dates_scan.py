"""The scan's shortcuts agree with the grammar they stand for.

* ``tokenize`` merges a multi-word lexicon entry only when its other words follow as whole
  tokens on the same line (the lookahead reads the tokens the main pass would read next);
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from article_extract._dates._lexicon import lexicon, table_entries
from article_extract._dates._normalize import fold_with_map
from article_extract._dates._tokens import WORD, split, tokenize


def _tokens(text: str) -> list[tuple[int, str, int, int]]:
    return [(t.kind, t.text, t.start, t.end) for t in tokenize(fold_with_map(text).text)]


@pytest.mark.parametrize(
    ("text", "texts"),
    [
        ("15 كانون الثاني 2020", ["15", "كانون الثاني", "2020"]),  # merged
        ("15 كانون  الثاني", ["15", "كانون الثاني"]),  # a run of spaces between the words
        ("15 كانون\nالثاني", ["15", "كانون", "\n", "الثاني"]),  # never across a line
        ("كانون الثانية", ["كانون", "الثانيه"]),  # the second word must be whole (folded)
        ("كانون", ["كانون"]),  # the text ends before the second word
        ("آخر تحديث: أمس", ["اخر تحديث", ":", "امس"]),
        ("آخر الأخبار", ["اخر", "الاخبار"]),  # the first word alone, no meaning of its own
    ],
)
def test_multi_word_entries_merge_only_when_whole(text: str, texts: list[str]) -> None:
    assert [t[1] for t in _tokens(text)] == texts


def test_a_merged_token_spans_its_words() -> None:
    folded = fold_with_map("في 15 كانون الثاني")
    merged = tokenize(folded.text)[2]
    assert (merged.kind, merged.text) == (WORD, "كانون الثاني")
    assert folded.text[merged.start : merged.end] == "كانون الثاني"
    assert merged.meaning is not None
    assert merged.meaning.month == ("gregorian", 1)


_WORDS = sorted({name for _, name, _, _ in table_entries()})


@settings(deadline=None, max_examples=300)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_WORDS),
            st.sampled_from(["5", "12", "2022", "نص", "كتب", "\n", "،", ":", "-", "  "]),
        ),
        max_size=10,
    ).map(" ".join)
)
def test_tokens_are_the_split_tokens_with_entries_merged(text: str) -> None:
    """Unmerging every token gives back ``split`` (the one token pattern), and a merged token
    is a lexicon entry whose words those are."""
    folded = fold_with_map(text).text
    tokens = tokenize(folded)
    assert [w for t in tokens for w in split(t.text)] == list(split(folded))
    entries = lexicon()
    for token in tokens:
        words = tuple(split(token.text))
        if len(words) > 1:
            assert any(key == words for key, _ in entries.get(words[0], ())), token
