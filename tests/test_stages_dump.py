"""The dump stages called one by one on small dumps: lines (undoing a text browser's hard
wrap), layout (line weights, body span) and header (ranking, the lines around the headline).
Lines come from the path's own ``prepare_lines``, so they carry the features the stages read."""

from __future__ import annotations

import textwrap

import pytest

from article_extract import extract
from article_extract._decide.evidence import Credit
from article_extract._dump import lines as dump_lines
from article_extract._dump.header import header_lines, read_header
from article_extract._dump.layout import (
    CHROME_COST,
    MAX_CHROME_BOX_LINES,
    META_LINE_COST,
    PARAGRAPH_OFFSET,
    SHORT_LINE_COST,
    UNPUNCTUATED_COST,
    UNPUNCTUATED_SHARE,
    BodySpan,
    alt_text_lines,
    find_body_span,
    line_weight,
    live_feeds,
    speaks_for_body,
)
from article_extract._dump.lines import prepare_lines
from article_extract._lexicon import chrome_lexicon
from article_extract._text import fold

S1 = "أعلنت وزارة الصحة، اليوم الخميس، عن تسجيل إصابات جديدة بفيروس كورونا في عدد من المحافظات."
S2 = "وقالت الوزارة في بيان، إن الفرق الطبية تتابع الحالات عن كثب، وتقدم الرعاية اللازمة للمصابين."
S3 = "وأضاف البيان أن المستشفيات مستعدة لاستقبال الحالات، وأن المخزون الطبي يكفي لعدة أشهر قادمة."
E1 = "The health ministry said on Thursday that new cases had been recorded in several provinces."
E2 = "Hospitals were ready to receive patients, officials said, and stocks would last for months."
E3 = "The ministry urged residents to follow the guidance and to report symptoms without delay."
HEADLINE = "الصحة تعلن إصابات جديدة"
STAMP = "الثلاثاء 14 مارس 2023"
STANDFIRST = "وزير الصحة يؤكد أن المستشفيات مستعدة لاستقبال جميع الحالات"
BODY = [S1, S2, S3]
BODY_EN = [E1, E2, E3]
# A paragraph long enough to outweigh, on its own, the sign-up box below.
E_LONG = (
    "Investigators said on Friday that the cause of the fire was still unknown, and that it was "
    "too early to say whether the materials used on the outside of the building had made the "
    "flames spread faster."
)
# A newsletter sign-up box as sites set it between two paragraphs: heading, e-mail field,
# button, the reCAPTCHA notice (four chrome lines, one short line).
SIGN_UP_BOX = [
    "Get our morning briefing",
    "Enter your email address",
    "Sign up",
    "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
    "Newsletter",
]
# What ends an article page: a share row, then the site's one-line description.
SHARE_ROW = ["Share", "Facebook", "Twitter", "WhatsApp", "Email"]
FOOTER_BLURB = "The Daily Example is an independent newspaper, founded in 1990 and read daily."


def dump(*lines: str) -> str:
    return "\n".join(lines)


# --- lines ---------------------------------------------------------------------------------

# The English body as a text browser prints it: one paragraph hard-wrapped at 50 columns, where
# two sentences end exactly at a wrap point ("provinces." and "months." end their lines).
WRAPPED = textwrap.wrap(" ".join(BODY_EN), width=50)
TEASER = "Officials warn that new rules on imports could raise prices for families"


def test_the_wrapped_body_ends_sentences_at_wrap_points() -> None:
    assert [line.endswith(".") for line in WRAPPED] == [False, True, False, True, False, True]


@pytest.mark.parametrize(
    ("physical", "expected"),
    [
        pytest.param(
            ["", *WRAPPED, ""],
            [" ".join(BODY_EN)],
            id="sentences-end-at-wrap-points-inside-one-paragraph",
        ),
        pytest.param(
            [*WRAPPED, "Politics"],
            [" ".join(BODY_EN), "Politics"],
            id="label-after-the-paragraph-stays-apart",
        ),
        pytest.param(
            [*WRAPPED[:2], "Politics", *WRAPPED[2:]],
            [" ".join(WRAPPED[:2]), "Politics", " ".join(WRAPPED[2:4]), " ".join(WRAPPED[4:])],
            id="run-with-a-short-line-keeps-its-sentence-breaks",
        ),
        pytest.param(
            [*WRAPPED, "Aug 8, 2024"],
            [*BODY_EN, "Aug 8, 2024"],
            id="run-with-a-date-line-keeps-its-sentence-breaks",
        ),
        pytest.param(
            ["", *WRAPPED, "", *textwrap.wrap(TEASER, width=50), "LBCI", "12:05"],
            [" ".join(BODY_EN), TEASER, "LBCI", "12:05"],
            id="short-lines-after-a-wrapped-line-are-not-its-tail",
        ),
    ],
)
def test_prepare_lines_undoes_the_hard_wrap(physical: list[str], expected: list[str]) -> None:
    assert [line.text for line in prepare_lines(dump(*physical))] == expected


# --- layout --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(S1, 15 - PARAGRAPH_OFFSET, id="paragraph"),
        pytest.param(E1, 15 - PARAGRAPH_OFFSET, id="english-paragraph"),
        pytest.param("الرئيسية", -CHROME_COST, id="menu-item"),
        pytest.param("اقرأ أيضا", -CHROME_COST, id="read-also"),
        pytest.param(f"{STAMP} - 10:30", -META_LINE_COST, id="date-line"),
        pytest.param("بقلم: محمد أحمد", -META_LINE_COST, id="byline"),
        pytest.param("هل ينجح الفريق في الفوز؟", -SHORT_LINE_COST / 3, id="teaser-question"),
        pytest.param(HEADLINE, -SHORT_LINE_COST, id="headline"),
        pytest.param(
            " ".join(["كلمة"] * 24), 24 * UNPUNCTUATED_SHARE - UNPUNCTUATED_COST, id="unpunctuated"
        ),
    ],
)
def test_line_weight(text: str, expected: float) -> None:
    (line,) = prepare_lines(text)
    assert line_weight(line) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "speaks"),
    [
        pytest.param(S1, True, id="paragraph"),
        pytest.param(E1, True, id="english-paragraph"),
        pytest.param("الرئيسية", False, id="menu-item"),
        pytest.param(HEADLINE, False, id="headline"),
        pytest.param(f"{STAMP} - 10:30", False, id="date-line"),
        # Near misses: sentences by their shape, a stamp and a byline by what they state.
        pytest.param("Published on Tuesday, 14 March 2023, at 10:30.", False, id="stamp-sentence"),
        pytest.param(
            "By Jane Doe and John Smith, Health Correspondents, in London.",
            False,
            id="byline-sentence",
        ),
    ],
)
def test_speaks_for_body_is_a_positive_weight(text: str, speaks: bool) -> None:
    (line,) = prepare_lines(text)
    assert speaks_for_body(line) is speaks
    assert speaks_for_body(line) is (line_weight(line) > 0)


@pytest.mark.parametrize(
    ("text", "markup", "expected"),
    [
        pytest.param(
            E1, dump_lines.Markup(linked=1.0), 15 - PARAGRAPH_OFFSET, id="linked-sentence"
        ),
        pytest.param(
            " ".join(["Section"] * 24), dump_lines.Markup(linked=1.0), 0.0, id="linked-menu-run"
        ),
        pytest.param(
            " ".join(["Section"] * 24),
            dump_lines.Markup(linked=0.5),
            24 * UNPUNCTUATED_SHARE - UNPUNCTUATED_COST,
            id="half-linked-run",
        ),
        pytest.param(E1, dump_lines.Markup(teaser=True), -SHORT_LINE_COST, id="teaser"),
        pytest.param(E1, dump_lines.Markup(heading=1), -SHORT_LINE_COST, id="level-1-heading"),
        pytest.param(E1, dump_lines.Markup(heading=2), 15 - PARAGRAPH_OFFSET, id="level-2-heading"),
    ],
)
def test_line_weight_of_marked_lines(text: str, markup: dump_lines.Markup, expected: float) -> None:
    """What the markup says weighs as the line's shape does, and a line speaks for the body
    exactly when its weight is positive."""
    line = dump_lines.line_features(0, text, dump_lines.LineReader(), markup=markup)
    assert line_weight(line) == pytest.approx(expected)
    assert speaks_for_body(line) is (line_weight(line) > 0)


@pytest.fixture
def dates_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the dump lines ask the date engine about, in order."""
    read: list[str] = []
    find_dates = dump_lines.find_dates

    def recording_find_dates(text: str, **kwargs: object) -> object:
        read.append(text)
        return find_dates(text, **kwargs)

    monkeypatch.setattr(dump_lines, "find_dates", recording_find_dates)
    return read


def test_the_dates_of_lines_far_from_the_body_are_never_read(dates_read: list[str]) -> None:
    """A menu's and a footer's lines are decided by their shape: the date engine never reads
    them, only the lines the body span and the header reach, each distinct line once."""
    read = dates_read
    menu = [f"Section {n} headlines of the day" for n in range(40)]
    footer = [f"Archive {n} of the site" for n in range(20)]
    lines = prepare_lines(dump(*menu, STAMP, HEADLINE, STAMP, *BODY_EN, *footer))
    span = find_body_span(lines)
    assert span is not None
    read_header(lines, span)
    assert read.count(STAMP) == 1  # the header's stamp is read, once for its two lines
    assert menu[0] not in read
    assert footer[-1] not in read
    assert lines[0].dates == ()  # and a line never read reads as before when asked
    assert menu[0] in read


def test_the_lines_after_the_last_paragraph_are_never_weighed(dates_read: list[str]) -> None:
    """A line that does not speak for the body is weighed only when a paragraph follows it
    inside the run: the short lines after the body's last paragraph (a footer, up to the page's
    end or an end-of-article marker) cannot change the span, and their dates are never read;
    a short line between two paragraphs is weighed, as is every line of the span."""
    read = dates_read
    between = "Archive of the site"
    footer = [f"Archive {n} of the site" for n in range(3)]
    for end in ([], ["Related articles"]):
        read.clear()
        lines = prepare_lines(dump(E_LONG, between, E2, E3, *footer, *end))
        span = find_body_span(lines)
        assert span is not None
        assert (span.start, span.end) == (0, 3)
        assert between in read
        assert not set(footer) & set(read)


def test_the_search_skips_what_cannot_beat_the_best_span(dates_read: list[str]) -> None:
    """Once the lines up to the next end-of-article marker could not beat the best span even if
    every one of them spoke for the body (a line's shape bounds its weight), they are never read:
    the one-sentence notes under a "Related articles" marker after a long body. Lines that could
    beat it are read, and the span is theirs when they do."""
    read = dates_read
    notes = [f"Our newsroom number {n} is open every day of the week." for n in range(3)]
    lines = prepare_lines(dump(E_LONG, *BODY_EN, "Related articles", *notes, "Contact"))
    span = find_body_span(lines)
    assert span is not None
    assert (span.start, span.end) == (0, 3)
    assert not set(notes) & set(read)
    # Near miss: a longer body after the short lines could beat the first: it is read, and wins.
    read.clear()
    later = [E3, E1.replace("Thursday", "Friday"), E2.replace("officials", "ministers"), E1]
    lines = prepare_lines(dump(E1, E2, *["Home"] * 12, *later))
    span = find_body_span(lines)
    assert span is not None
    assert (span.start, span.end) == (14, 17)
    assert set(later) <= set(read)


@pytest.mark.parametrize(
    ("box_lines", "expected"),
    [
        pytest.param(MAX_CHROME_BOX_LINES, (0, 15), id="box-of-the-longest-length-is-crossed"),
        pytest.param(MAX_CHROME_BOX_LINES + 1, (15, 16), id="one-line-longer-ends-the-body"),
    ],
)
def test_a_chrome_box_between_paragraphs_costs_one_chrome_line(
    box_lines: int, expected: tuple[int, int]
) -> None:
    """A run of at most MAX_CHROME_BOX_LINES chrome lines between paragraphs costs one chrome
    line and short lines; a longer run costs every chrome line and splits the body."""
    after = [E_LONG, E_LONG.replace("Friday", "Saturday")]
    lines = prepare_lines(dump(E_LONG, *BODY_EN, *["Newsletter"] * box_lines, *after))
    span = find_body_span(lines)
    assert span is not None
    assert (span.start, span.end) == expected


def test_the_chrome_lexicon_reads_a_line_when_asked_once_per_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Whether a line is chrome is read when a stage asks, once per distinct key (a repeated
    menu item is read once), and gives the lexicon's answer; a line too long for the line
    heuristics is never chrome, and the lexicon is not asked."""
    asked: list[str] = []
    lexicon = chrome_lexicon()

    class RecordingLexicon:
        def __getattr__(self, name: str) -> object:
            return getattr(lexicon, name)

        def is_chrome_key(self, key: str, *, tail: bool | None = None) -> bool:
            asked.append(key)
            return lexicon.is_chrome_key(key, tail=tail)

    monkeypatch.setattr(dump_lines, "chrome_lexicon", RecordingLexicon)
    long_line = " ".join(["الرئيسية"] * 200)
    lines = prepare_lines(dump("الرئيسية", S1, "الرئيسية", long_line), max_line_chars=500)
    assert asked == []  # nothing is read until a stage asks
    assert [line.chrome for line in lines] == [True, False, True, False]
    assert asked == [lines[0].key, lines[1].key]  # the repeated item once, the long line never
    assert lines[1].chrome is lexicon.is_chrome_key(lines[1].key)


def test_a_caption_is_read_when_asked_once_per_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whether a line is an image caption is read when a stage asks, once per distinct line,
    from the line's fold; a line too long for the line heuristics is never a caption."""
    asked: list[str] = []

    def recording_is_caption_folded(folded: str, words: int) -> bool:
        asked.append(folded)
        return is_caption_folded(folded, words)

    is_caption_folded = dump_lines.is_caption_folded
    monkeypatch.setattr(dump_lines, "is_caption_folded", recording_is_caption_folded)
    caption = "صورة: رويترز"
    long_caption = caption + " " + " ".join(["كلمة"] * 200)
    lines = prepare_lines(dump(caption, S1, caption, long_caption), max_line_chars=500)
    assert asked == []  # nothing is read until a stage asks
    assert [line.caption for line in lines] == [True, False, True, False]
    assert asked == [lines[0].folded, lines[1].folded]  # the repeated caption once
    assert lines[0].folded == fold(caption)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(
            ["الرئيسية", "أخبار", HEADLINE, STAMP, S1, S2, S3, "مقالات ذات صلة", S1, S2],
            (4, 6),
            id="stops-at-related-tail",
        ),
        pytest.param(
            [S1, "الرئيسية", "رياضة", "سياسة", "اقتصاد", "اتصل بنا", S2],
            None,
            id="chrome-run-splits-short-paragraphs",
        ),
        pytest.param(
            ["Home", "Health ministry reports new cases", "By Jane Doe", E1, E2, E3, "Share"],
            (3, 5),
            id="english-trimmed",
        ),
        pytest.param([S1, S2, "تفاصيل الخطة", S3, S1], (0, 4), id="subheading-inside"),
        pytest.param(["الرئيسية", "رياضة", "سياسة", "اتصل بنا"], None, id="menu-only"),
        pytest.param(
            [E_LONG, *BODY_EN, *SIGN_UP_BOX, E_LONG, *SHARE_ROW],
            (0, 9),
            id="crosses-sign-up-box",
        ),
        pytest.param(
            [E_LONG, *BODY_EN, *SIGN_UP_BOX, *["Newsletter"] * MAX_CHROME_BOX_LINES, E_LONG],
            (0, 3),
            id="longer-run-of-chrome-ends-body",
        ),
        pytest.param([*BODY_EN, *SIGN_UP_BOX], (0, 2), id="sign-up-box-after-last-paragraph"),
        pytest.param(
            [*BODY_EN, *SHARE_ROW, FOOTER_BLURB, "All rights reserved"],
            (0, 2),
            id="share-row-then-footer-blurb-ends-body",
        ),
    ],
)
def test_find_body_span(lines: list[str], expected: tuple[int, int] | None) -> None:
    span = find_body_span(prepare_lines(dump(*lines)))
    assert ((span.start, span.end) if span is not None else None) == expected


# Images as a text browser prints them: alt text, then the caption with its photo credit.
CAPTION = "Rescue teams search the debris of the building in the city centre. (Ali Hassan/CBC)"
CAPTION_2 = "The mayor speaks to reporters outside the town hall on Friday. (Jane Doe/CBC)"
ALT = "A seated person gestures while speaking."
ALT_2 = "A man stands in front of a shop wearing a blue jacket"
REPEATED_ALT = "Police officers guard the entrance of the new reception centre in the port."
# Real short paragraphs a caption may follow in a dump that shows no alt texts.
PLAIN = "Two people were hurt in the fire."
QUOTE = '"It will not help the talks at all," he said.'
NAMED = "But the minister is aware of the effect Doe may have on the talks."
ARABIC_ALT = "تحدث المحافظ إلى الصحفيين أمام المبنى"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param([E1, ALT, CAPTION, E2, ALT_2, CAPTION_2, E3], {1, 4}, id="alt-texts-shown"),
        pytest.param(
            [E1, REPEATED_ALT, f"{REPEATED_ALT} John Roe (Reuters)", E2],
            {1},
            id="caption-repeats-the-line",
        ),
        pytest.param([E1, QUOTE, CAPTION, E2, ALT, CAPTION_2, E3], set(), id="half-is-no-majority"),
        pytest.param([E1, PLAIN, CAPTION, E2, E3], set(), id="one-plain-paragraph-one-image"),
        pytest.param(
            [E1, PLAIN, CAPTION, E2, QUOTE, CAPTION_2, E3, NAMED, CAPTION],
            set(),
            id="plain-dump-captions-after-paragraphs",
        ),
        pytest.param(
            [E1, ALT, "Photo: AFP", E2, ALT_2, "Photo: Reuters", E3],
            set(),
            id="bare-credits-are-not-described-captions",
        ),
        pytest.param(
            [S1, "وصلت فرق الإنقاذ إلى المبنى صباح اليوم", CAPTION, S2, ARABIC_ALT, CAPTION_2, S3],
            set(),
            id="script-without-capitals",
        ),
    ],
)
def test_alt_text_lines(lines: list[str], expected: set[int]) -> None:
    prepared = prepare_lines("\n\n".join(lines))  # one block per line: nothing is re-joined
    assert alt_text_lines(prepared, BodySpan(0, len(prepared) - 1, 0.0)) == expected


# --- header --------------------------------------------------------------------------------

HEADLINE_EN = "Health ministry reports new cases"
HEADLINE_EN_FULL = f"{HEADLINE_EN} in three provinces"
SHARE_BAR = ["Share", "Print", "Email", "Copy link", "Facebook"]


@pytest.mark.parametrize(
    ("lines", "best", "site", "stamp"),
    [
        pytest.param(
            [f"{HEADLINE} - الجزيرة نت", "الرئيسية", "أخبار", HEADLINE, STAMP, *BODY],
            HEADLINE,
            "الجزيرة نت",
            STAMP,
            id="document-title-site",
        ),
        pytest.param(
            [
                "الرئيسية",
                HEADLINE,
                STAMP,
                "صورة من داخل أحد المستشفيات الحكومية في العاصمة اليوم",
                *BODY,
            ],
            HEADLINE,
            None,
            STAMP,
            id="headline-next-to-date-over-longer-line",
        ),
        pytest.param(
            ["Home", "World", "Health ministry reports new cases", "Aug 8, 2024", *BODY_EN],
            "Health ministry reports new cases",
            None,
            "Aug 8, 2024",
            id="english",
        ),
        pytest.param(
            ["سياسة", "الحكومة تقر الموازنة الجديدة", *BODY],
            "الحكومة تقر الموازنة الجديدة",
            None,
            None,
            id="no-stamp",
        ),
        pytest.param(
            # A video player's title between its subscribe buttons, after the share bar.
            [
                "Home",
                "World",
                HEADLINE_EN,
                "Aug 8, 2024",
                *SHARE_BAR,
                "Subscribe",
                "Storm hits the coast tonight",
                "Subscribe",
                *BODY_EN,
            ],
            HEADLINE_EN,
            None,
            "Aug 8, 2024",
            id="line-boxed-in-by-buttons-is-a-widget",
        ),
        pytest.param(
            # The headline between a breadcrumb and a share bar, right above its stamp.
            [
                "News",
                "Home",
                "Storm warning for the coast",
                "World",
                "Home",
                HEADLINE_EN,
                "Share",
                "Aug 8, 2024",
                *BODY_EN,
            ],
            HEADLINE_EN,
            None,
            "Aug 8, 2024",
            id="boxed-in-date-neighbour-is-the-headline",
        ),
        pytest.param(
            # "<section> <headline> - <site>" repeats the full headline; a video's title above
            # the body is its first words.
            [
                "Home",
                f"World {HEADLINE_EN_FULL} - Daily News",
                HEADLINE_EN_FULL,
                "Aug 8, 2024",
                *SHARE_BAR,
                HEADLINE_EN,
                *BODY_EN,
            ],
            HEADLINE_EN_FULL,
            None,
            "Aug 8, 2024",
            id="cut-copy-of-the-headline-loses",
        ),
        pytest.param(
            # The standfirst opens with the headline's words: the headline is no cut copy.
            [
                "Home",
                f"World {HEADLINE_EN} - Daily News",
                HEADLINE_EN,
                "Aug 8, 2024",
                "Share",
                f"{HEADLINE_EN} as hospitals fill up in the north",
                *BODY_EN,
            ],
            HEADLINE_EN,
            None,
            "Aug 8, 2024",
            id="headline-held-by-a-longer-line-is-not-cut",
        ),
    ],
)
def test_read_header(lines: list[str], best: str, site: str | None, stamp: str | None) -> None:
    prepared = prepare_lines(dump(*lines))
    span = find_body_span(prepared)
    assert span is not None
    header = read_header(prepared, span)
    assert header.candidates[0].text == best
    assert header.document_site == site
    assert (header.dates[0].text if header.dates else None) == stamp
    assert all(c.text != lines[0] for c in header.candidates)  # the first line is <title>


def test_the_header_reads_each_candidate_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whether a headline candidate reads as a person's name is read once per candidate, and
    a line too short or too long for a headline is not read as a clock stamp."""
    from article_extract._dump import header as dump_header

    named: list[str] = []
    clocked: list[str] = []

    def recording_looks_like_name(text: str) -> bool:
        named.append(text)
        return looks_like_name(text)

    def recording_labelled_clock(text: str) -> int | None:
        clocked.append(text)
        return labelled_clock(text)

    looks_like_name = dump_header.looks_like_name
    labelled_clock = dump_lines.labelled_clock
    monkeypatch.setattr(dump_header, "looks_like_name", recording_looks_like_name)
    monkeypatch.setattr(dump_lines, "labelled_clock", recording_labelled_clock)
    prepared = prepare_lines(dump("Home", "World", HEADLINE_EN, "Jane Doe", STAMP, *BODY_EN))
    span = find_body_span(prepared)
    assert span is not None
    header = read_header(prepared, span)
    assert header.candidates[0].text == HEADLINE_EN
    assert sorted(named) == sorted(set(named))
    assert {HEADLINE_EN, "Jane Doe"} <= set(named)
    assert HEADLINE_EN in clocked
    assert "World" not in clocked


@pytest.mark.parametrize(
    ("lines", "section", "standfirst", "credits", "site_names"),
    [
        pytest.param(
            [
                f"{HEADLINE} - الجزيرة نت",
                "أخبار",
                "أخبار",
                HEADLINE,
                STAMP,
                "بقلم: محمد أحمد",
                *BODY,
            ],
            "أخبار",
            None,
            (Credit("byline", ("محمد أحمد",)),),
            (),  # the title's site is the decision layer's (``titles.title_affixes``)
            id="section-byline-site-from-title",
        ),
        pytest.param(
            ["أخبار", HEADLINE, STANDFIRST, STAMP, *BODY],
            "أخبار",
            STANDFIRST,
            (),
            (),
            id="standfirst-below-headline",
        ),
        pytest.param(
            [
                "Home",
                "World",
                "Health ministry reports new cases",
                "By Jane Doe",
                "Aug 8, 2024",
                *BODY_EN,
            ],
            "World",
            None,
            (Credit("byline", ("Jane Doe",)),),
            (),
            id="english-byline",
        ),
    ],
)
def test_header_lines(
    lines: list[str],
    section: str | None,
    standfirst: str | None,
    credits: tuple[Credit, ...],
    site_names: tuple[str, ...],
) -> None:
    prepared = prepare_lines(dump(*lines))
    span = find_body_span(prepared)
    assert span is not None
    header = read_header(prepared, span)
    around = header_lines(header, header.candidates[0])
    assert (around.section, around.standfirst) == (section, standfirst)
    assert (around.credits, around.site_names) == (credits, site_names)
    assert header.candidates[0].position in around.used


def test_the_site_named_around_the_headline_in_the_first_line_is_the_site_name() -> None:
    page = dump(f"{HEADLINE} - الجزيرة نت", "أخبار", HEADLINE, STAMP, "بقلم: محمد أحمد", *BODY)
    assert extract(page).site_name == "الجزيرة نت"


def test_a_repeated_line_is_read_once_and_keeps_its_own_position() -> None:
    lines = prepare_lines(dump("الرئيسية", "أخبار", "الرئيسية", "نص فقرة من المقال.", "الرئيسية"))
    assert [line.position for line in lines] == [0, 1, 2, 3, 4]
    first, _, again, _, last = lines
    assert again == first._replace(position=2)
    assert last == first._replace(position=4)


# --- live blogs ----------------------------------------------------------------------------

LIVE_HEADLINE = "العاصفة تضرب السواحل الشرقية وتعليق الرحلات الجوية"
LIVE_STATUS = "مباشر آخر تحديث: 16:40"
CREDIT_STAMP = "تغطية: مريم الشحي وسالم البلوشي بدأت التغطية: الاثنين 12 فبراير 2024 - 06:00 صباحاً"
KEY_POINTS = [
    "أبرز المستجدات",
    "تعليق الدراسة في جميع مدارس المحافظات الساحلية يومي الاثنين والثلاثاء.",
    "تعليق الرحلات في المطار الرئيسي حتى صباح الغد.",
    "انقطاع الكهرباء عن نحو أربعة آلاف منزل في الأحياء الشمالية.",
]
FEED_CONTROLS = ["تحديث تلقائي", "الأحدث أولاًالأقدم أولاً"]
ENTRY_HEADLINE = "هيئة الطيران: استئناف تدريجي للرحلات"
SHARE_LINE = "نسخ الرابطمشاركة"
# Newest first; each entry: its time, (a headline,) its text, its share line.
FEED = [
    "16:40",
    ENTRY_HEADLINE,
    S1,
    SHARE_LINE,
    "15:55",
    S2,
    SHARE_LINE,
    "15:10",
    S3,
    SHARE_LINE,
]
LIVE_HEAD = ["الرئيسية", LIVE_STATUS, LIVE_HEADLINE, CREDIT_STAMP]


def blocks(*lines: str) -> str:
    """One block per line, as most dumps print a page: nothing is re-joined."""
    return "\n\n".join(lines)


@pytest.mark.parametrize(
    ("text", "authors", "stamp"),
    [
        pytest.param(CREDIT_STAMP, ("مريم الشحي", "سالم البلوشي"), True, id="byline-and-stamp"),
        pytest.param(
            "By Jane Doe · Posted: Aug 8, 2024 4:00 AM | Updated: Aug 9, 2024",
            ("Jane Doe",),
            True,
            id="english-byline-and-stamp",
        ),
        pytest.param("بدأت التغطية: الاثنين 12 فبراير 2024 - 06:00 صباحاً", None, True, id="stamp"),
        pytest.param(
            "تغطية: مريم الشحي وسالم البلوشي", ("مريم الشحي", "سالم البلوشي"), False, id="byline"
        ),
        pytest.param(
            # No credit label opens it: a stamp line with names, not a byline.
            "Jane Doe · CBC News · Posted: Aug 08, 2024 4:00 AM EDT",
            None,
            True,
            id="names-without-a-label",
        ),
    ],
)
def test_a_credit_line_with_a_labelled_stamp_is_both(
    text: str, authors: tuple[str, ...] | None, stamp: bool
) -> None:
    (line,) = prepare_lines(text)
    assert (line.attribution.authors if line.attribution else None) == authors
    assert bool(line.dates) is stamp
    if authors and stamp:
        assert line.is_date_line  # the stamp part is mostly its date


@pytest.mark.parametrize(
    ("lines", "feeds"),
    [
        pytest.param(FEED, [(0, 4, 7)], id="newest-first"),
        pytest.param(["06:00", E1, "06:40", E2, "08:00", E3], [(0, 2, 4)], id="oldest-first"),
        pytest.param(["16:40", E1, "16:40", E2, "15:10", E3], [(0, 2, 4)], id="same-minute"),
        pytest.param([*FEED, "15:00"], [(0, 4, 7)], id="last-time-without-text"),
        pytest.param(["16:40", E1, "15:55", E2], [], id="two-entries-are-no-feed"),
        pytest.param(["16:40", E1, "09:15", E2, "12:00", E3], [], id="out-of-order"),
        pytest.param(
            # A video playlist: durations and titles, no text between them.
            ["01:53", "Storm hits the coast", "02:31", "How to prepare", "00:45", "Rescue"],
            [],
            id="playlist-durations",
        ),
    ],
)
def test_live_feeds(lines: list[str], feeds: list[tuple[int, ...]]) -> None:
    assert live_feeds(prepare_lines(blocks(*lines))) == feeds


@pytest.mark.parametrize(
    ("lines", "first"),
    [
        pytest.param(
            [*LIVE_HEAD, *KEY_POINTS, *FEED_CONTROLS, *FEED, "تحميل المزيد"],
            KEY_POINTS[0],
            id="starts-at-the-key-points-label",
        ),
        pytest.param(
            [*LIVE_HEAD, *KEY_POINTS[1:], *FEED_CONTROLS, *FEED],
            KEY_POINTS[1],
            id="unlabelled-key-points",
        ),
        pytest.param(
            [
                *LIVE_HEAD,
                *KEY_POINTS,
                "تبقى المدارس مغلقة في المحافظات الساحلية يومي 12 و13 فبراير حتى انحسار العاصفة.",
                *FEED,
            ],
            KEY_POINTS[0],
            id="a-key-point-may-mention-a-date",
        ),
        pytest.param(
            [*LIVE_HEAD, *FEED_CONTROLS, *FEED], ENTRY_HEADLINE, id="first-entry-headline"
        ),
        pytest.param(
            # Sentences parted from the feed by a byline are the header's, not key points.
            [LIVE_HEADLINE, *KEY_POINTS[1:], "بقلم: أحمد علي", *FEED_CONTROLS, *FEED],
            ENTRY_HEADLINE,
            id="sentences-above-a-byline-are-not-key-points",
        ),
        pytest.param(
            # One sentence is a standfirst, not a key-points box.
            [*LIVE_HEAD, KEY_POINTS[1], *FEED_CONTROLS, *FEED],
            ENTRY_HEADLINE,
            id="one-sentence-is-no-box",
        ),
        pytest.param(
            # Not a live blog: no clock-time entry stamps, the span starts at the text.
            [*LIVE_HEAD, *FEED_CONTROLS, ENTRY_HEADLINE, S1, S2, S3],
            S1,
            id="no-feed",
        ),
    ],
)
def test_a_live_blogs_body_starts_at_its_key_points_or_first_entry(
    lines: list[str], first: str
) -> None:
    prepared = prepare_lines(blocks(*lines))
    span = find_body_span(prepared)
    assert span is not None
    assert prepared[span.start].text == first


def test_a_live_blogs_status_line_is_never_its_headline() -> None:
    prepared = prepare_lines(blocks(*LIVE_HEAD, *KEY_POINTS, *FEED_CONTROLS, *FEED))
    span = find_body_span(prepared)
    assert span is not None
    header = read_header(prepared, span)
    assert header.candidates[0].text == LIVE_HEADLINE
    assert all(c.text != LIVE_STATUS for c in header.candidates)
    assert header.dates[0].text == CREDIT_STAMP
    around = header_lines(header, header.candidates[0])
    assert around.credits == (Credit("byline", ("مريم الشحي", "سالم البلوشي")),)
    assert around.standfirst is None
