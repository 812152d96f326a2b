"""Pages that are not articles, next to the articles they resemble (``verdict_pages.py``).

Each kind of non-article a CMS serves — a writer's page, a day's archive, a data table, a
video or a gallery without text, a "not found" page filled with teasers, a page that is only a
cookie notice — is refused with its reason, in both site shells; its near miss — a short item
above a related grid, a table inside a text, a column with its writer's box, a video or a
gallery with a real text — stays an article. The same pages saved as a plain dump and as
Markdown are refused and kept alike.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

import verdict_pages as pages
from article_extract import Article, extract
from article_extract._decide.text_roles import is_thin, prose_of
from article_extract.errors import NotAnArticle

Builder = Callable[[pages.Shell], str]

# (name, builder, reason in HTML)
NOT_ARTICLES: list[tuple[str, Builder, str]] = [
    ("author-archive", pages.author_archive, "listing"),
    (
        "author-archive-h4-no-excerpts",
        lambda s: pages.author_archive(s, tag="h4", excerpts=False),
        "listing",
    ),
    ("author-archive-long-bio", lambda s: pages.author_archive(s, long_bio=True), "listing"),
    (
        "author-archive-list-items",
        lambda s: pages.author_archive(s, tag="li", excerpts=False, long_bio=True),
        "listing",
    ),
    ("author-archive-en", pages.author_archive_en, "listing"),
    ("date-archive", pages.date_archive, "listing"),
    ("prayer-times", lambda s: pages.table_page(s, "prayer"), "no_body"),
    ("currency-rates", lambda s: pages.table_page(s, "rates"), "no_body"),
    ("live-scores", lambda s: pages.table_page(s, "scores"), "no_body"),
    ("video", pages.video_page, "no_body"),
    ("gallery", pages.gallery_page, "no_body"),
    ("gallery-captions-with-stops", lambda s: pages.gallery_page(s, stop="."), "no_body"),
    ("not-found-with-teasers", pages.error_page_with_teasers, "error_page"),
    (
        "not-found-said-in-the-text",
        lambda s: pages.error_page_with_teasers(s, titled=False),
        "error_page",
    ),
    ("not-found-en", pages.error_page_with_teasers_en, "error_page"),
    ("cookie-notice-only", pages.cookie_page, "no_body"),
]

# (name, builder, the first words of its text)
ARTICLES: list[tuple[str, Builder, str]] = [
    ("short-news", pages.short_news, "أعلنت وزارة الزراعة، صباح اليوم الأحد"),
    (
        "short-news-no-metadata",
        lambda s: pages.short_news(s, metadata=False),
        "أعلنت وزارة الزراعة، صباح اليوم الأحد",
    ),
    ("short-news-en", pages.short_news_en, "The central bank kept its benchmark rate"),
    ("table-in-text", pages.article_with_table, "قررت لجنة السياسة النقدية"),
    ("column-box-above", pages.opinion_column, "ليس جديداً أن نقول"),
    (
        "column-box-below",
        lambda s: pages.opinion_column(s, box_above=False),
        "ليس جديداً أن نقول",
    ),
    ("video-with-text", pages.video_article, "رصدت كاميرات المراقبة"),
    ("gallery-with-intro", pages.gallery_article, "انطلقت مساء الخميس في واحة سيوة"),
]

FORMS = ("html", "dump", "markdown")


def _read(html: str, form: str) -> Article:
    if form == "html":
        return extract(html, url=f"{pages.HOST}/item/1")
    text = pages.as_dump(html, markdown=form == "markdown")
    return extract(text, url=f"{pages.HOST}/item/1")


@pytest.mark.parametrize("shell", pages.SHELLS)
@pytest.mark.parametrize(
    ("build", "reason"),
    [pytest.param(b, r, id=n) for n, b, r in NOT_ARTICLES],
)
def test_a_page_that_is_not_an_article_is_refused(
    build: Builder, reason: str, shell: pages.Shell
) -> None:
    with pytest.raises(NotAnArticle) as caught:
        _read(build(shell), "html")
    assert caught.value.reason == reason


# A plain dump loses the links and the writer's name is no headline there (names never are in
# a dump's header): a bio of two sentences above the list of the writer's headlines and dates
# reads as a short text. Refusing it needs the dump's teaser runs after the body counted as a
# wall of teasers, which the span search does not read (it stops at the body's end).
_DUMP_GAPS = {"author-archive-long-bio", "author-archive-list-items"}


def _text_case(name: str, build: Builder, reason: str, form: str) -> object:
    marks = (
        pytest.mark.xfail(strict=True, reason="a writer's page as a plain dump")
        if form == "dump" and name in _DUMP_GAPS
        else ()
    )
    return pytest.param(build, reason, form, id=f"{name}-{form}", marks=marks)


@pytest.mark.parametrize(
    ("build", "reason", "form"),
    [_text_case(n, b, r, form) for n, b, r in NOT_ARTICLES for form in ("dump", "markdown")],
)
def test_saved_as_text_it_is_refused_too(build: Builder, reason: str, form: str) -> None:
    # A dump has no links or markup to tell a listing by: without a run of paragraphs it has no
    # body. An error page says so in its text, whatever the form.
    with pytest.raises(NotAnArticle) as caught:
        _read(build("semantic"), form)
    if reason == "error_page":
        assert caught.value.reason == "error_page"


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("shell", pages.SHELLS)
@pytest.mark.parametrize(
    ("build", "opening"),
    [pytest.param(b, o, id=n) for n, b, o in ARTICLES],
)
def test_the_article_it_resembles_is_kept(
    build: Builder, opening: str, shell: pages.Shell, form: str
) -> None:
    article = _read(build(shell), form)
    assert article.body.startswith(opening)
    assert pages.EXCERPTS[0] not in article.body  # the related stories' summaries are not text


@pytest.mark.parametrize("shell", pages.SHELLS)
def test_a_brief_under_a_short_headline_is_no_writer_page(shell: pages.Shell) -> None:
    # Two sentences under a two-word headline, which reads like a name, beside the related
    # grid and the sidebar's list: its metadata says it is an article. (As a dump or Markdown
    # a name-like line is no headline at all, which is the title stage's rule.)
    html = pages.short_news(shell, headline="زلزال تركيا", paragraphs=2)
    assert _read(html, "html").body.startswith(pages.REPORT[0])


@pytest.mark.parametrize(
    ("blocks", "thin"),
    [
        # One sentence: a video's description, a table's note.
        ([("paragraph", "رصدت كاميرات المراقبة لحظة انهيار مبنى سكني في حي الشاطبي.")], True),
        # Captions and table rows are no prose, whatever their number.
        ([("paragraph", "جانب من حفل الافتتاح في ساحة القلعة")] * 9, True),
        ([("table_row", "الدولار الأمريكي | 47.35 | 47.45")] * 9, True),
        # Two sentences are a (short) body…
        ([("paragraph", pages.REPORT[0]), ("paragraph", pages.REPORT[1])], False),
        # … and so is one long sentence, or a long paragraph without its final stop.
        ([("paragraph", " ".join(pages.REPORT[:3]).replace(".", "،"))], False),
        # A standfirst set as a heading is prose; a headline (short, no stop) is not.
        (
            [("heading", pages.REPORT[1]), ("paragraph", pages.REPORT[2])],
            False,
        ),
        ([("heading", pages.HEADLINES[0]), ("paragraph", pages.REPORT[2])], True),
        # CJK text: two characters count as a word, "。" ends a sentence.
        (
            [
                (
                    "paragraph",
                    "気象庁は13日、震度5弱の地震があったと発表した。震源の深さは約30キロ。",
                )
            ],
            False,
        ),
    ],
)
def test_thin_prose(blocks: list[tuple[str, str]], thin: bool) -> None:
    assert is_thin(prose_of(blocks)) is thin
