"""The scan's shortcuts agree with the grammar they stand for.

* ``tokenize`` merges a multi-word lexicon entry only when its other words follow as whole
  tokens on the same line (the lookahead reads the tokens the main pass would read next);
* the scan skips a number whose next token no reading can continue (a plain word, a comma):
  checked against the readers themselves (the three numeric cores and "3時間前") over strings
  built from every table spelling, so a grammar change that reads another token after a
  number fails here.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from article_extract._dates._grammar import _marked, _named, _numeric, may_follow_number
from article_extract._dates._lexicon import lexicon, table_entries
from article_extract._dates._normalize import fold_with_map
from article_extract._dates._relative import read_relative_after
from article_extract._dates._tokens import NUM, WORD, split, tokenize


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


# --- a number no numeric form can continue ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6 يناير 2022", True),  # a month
        ("6 من يناير 2022", True),  # a joiner
        ("6 و 7 يناير", True),  # a range joiner
        ("6/1/2022", True),  # a numeric separator (also a range joiner: "1/3 يونيو")
        ("6.1.2022", True),  # a numeric separator and nothing else
        ("2025年1月13日", True),  # a unit
        ("3時間前", True),  # a unit, then "ago"
        ("6 رجال", False),  # a plain word: a count, not a day
        ("6, 2022", False),  # a comma
        ("6", False),  # nothing after it
        ("6 (يناير)", False),  # a bracket: no form reads one after the day
    ],
)
def test_what_may_follow_a_number(text: str, expected: bool) -> None:
    tokens = tokenize(fold_with_map(text).text)
    assert tokens[0].kind == NUM
    following = tokens[1] if len(tokens) > 1 else None
    assert may_follow_number(following) is expected


@settings(deadline=None, max_examples=400)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_WORDS),
            st.sampled_from(["5", "12", "2022", "١٤٤٣", "06", "30", "7", "2025"]),
            st.sampled_from([" ", "/", "-", ".", ",", "، ", "(", "\n", "نص", "رجال"]),
        ),
        min_size=1,
        max_size=8,
    ).map("".join)
)
def test_a_number_the_gate_refuses_starts_no_core(text: str) -> None:
    tokens = tokenize(fold_with_map(text).text)
    for i, token in enumerate(tokens):
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if token.kind == NUM and not may_follow_number(following):
            assert _numeric(tokens, i) is None, text
            assert _named(tokens, i) is None, text
            assert _marked(tokens, i) is None, text
            assert read_relative_after(tokens, i) is None, text
