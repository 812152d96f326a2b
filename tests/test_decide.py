"""The decision layer, stage by stage, with evidence of both kinds (HTML and dump).

Each rule of ``article_extract._decide`` is checked on hand-made evidence, the way both input
paths produce it: shown headlines from ``<h1>``s or dump lines, dates from metadata or from a
printed stamp, credits from bylines or metadata.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta, timezone

import pytest

from article_extract import NotAnArticle, Options, extract
from article_extract._dates import ParsedDate, parse_date
from article_extract._decide.dates import DateDecision, DateEvidence, choose_dates, printed_date
from article_extract._decide.evidence import BlockDraft, Credit, PageEvidence, PageSignals
from article_extract._decide.labels import choose_authors, choose_section, choose_site_name
from article_extract._decide.names import (
    clean_name,
    is_role_line,
    looks_like_name,
    names_the_site,
    split_name_place,
    usable_authors,
)
from article_extract._decide.text_roles import (
    MAX_INLINE_BOX_ITEMS,
    BoxRole,
    headings_without_text,
    inline_box_end,
    is_stamp_line,
    is_subheading,
)
from article_extract._decide.titles import (
    MetadataTitle,
    ShownTitle,
    TitleDecision,
    choose_title,
    headline_words,
    is_headline_text,
    site_keys,
    split_document_title,
    strip_site_affixes,
    title_affixes,
)
from article_extract._decide.verdict import check_is_article

HEADLINE = "الحكومة تعلن خطة جديدة لدعم المشاريع الصغيرة"
KEYS = site_keys(["صحيفة اليوم"], "www.alyaum.com")

# --- titles ---------------------------------------------------------------------------------


def line(text: str) -> ShownTitle:
    return ShownTitle(text, "line", True)


def h1(text: str, *, header: bool = True, chrome: bool = False) -> ShownTitle:
    return ShownTitle(text, "h1", header, chrome)


def meta(text: str, origin: str = "meta") -> MetadataTitle:
    return MetadataTitle(origin, text)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("shown", "metadata", "title", "rule"),
    [
        # 1: confirmed by metadata, with the site suffix on the metadata side
        ([h1("أخبار"), h1(HEADLINE)], [meta(f"{HEADLINE} - صحيفة اليوم")], HEADLINE, 1),
        # 1: a dump line confirmed by a "Headline - Site" first line
        ([line("عربي ودولي"), line(HEADLINE)], [meta(f"{HEADLINE} | اليوم", "title")], HEADLINE, 1),
        # 1: a sticky bar's h1 counts only when it states the title exactly
        ([h1(HEADLINE, chrome=True)], [meta(HEADLINE)], HEADLINE, 1),
        # … or the headline part of a "Headline - Site" <title> whose site the page does not
        # name anywhere else (an h1 in the breadcrumb bar, no metadata)
        ([h1(HEADLINE, chrome=True)], [meta(f"{HEADLINE} - موقع مجهول", "title")], HEADLINE, 1),
        # 2: the displayed headline beats metadata worded differently
        ([h1(HEADLINE)], [meta("خطة حكومية لدعم المشروعات")], HEADLINE, 2),
        # 2: a dump's best-ranked line without any metadata
        ([line(HEADLINE), line("سطر آخر أقل ترتيبا من العنوان")], [], HEADLINE, 2),
        # 3: no usable displayed headline: the metadata title without the site
        ([h1("صحيفة اليوم")], [meta(f"{HEADLINE} - صحيفة اليوم")], HEADLINE, 3),
        # 4: the only h1, even of one word, when nothing else names the page
        ([h1("كورونا", header=False)], [], "كورونا", 4),
        # 5: <title> without its affixes
        ([], [meta(f"صحيفة اليوم | {HEADLINE}", "title")], HEADLINE, 5),
        # 6: nothing states a title but a sticky bar's h1 (a saved body without its head)
        ([h1("من نحن", chrome=True), h1(HEADLINE, chrome=True)], [], HEADLINE, 6),
    ],
)
def test_choose_title(
    shown: list[ShownTitle], metadata: list[MetadataTitle], title: str, rule: int
) -> None:
    decision = choose_title(shown, metadata, KEYS)
    assert isinstance(decision, TitleDecision)
    assert (decision.text, decision.rule) == (title, rule)


def test_a_heading_counts_when_metadata_confirms_it_or_it_heads_the_body() -> None:
    heading = ShownTitle(HEADLINE, "heading", False)
    assert choose_title([heading], [], KEYS) is None
    nearest = choose_title([ShownTitle(HEADLINE, "heading", True)], [], KEYS)
    assert nearest is not None
    assert nearest.rule == 2
    confirmed = choose_title([heading], [meta(HEADLINE)], KEYS)
    assert confirmed is not None
    assert confirmed.rule == 1


def test_the_shown_headlines_are_read_up_to_the_one_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rule 2 takes the first displayed headline that reads as one: the candidates ranked below
    it are never read; when none is taken, rule 4 reads them all."""
    from article_extract._decide import titles

    read: list[str] = []

    def recording(text: str, *args: object, **kwargs: object) -> bool:
        read.append(text)
        return is_headline_text(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(titles, "is_headline_text", recording)
    below = [line(f"سطر آخر رقم {n} أقل ترتيبا من العنوان") for n in range(5)]
    decision = choose_title([line("أخبار"), line(HEADLINE), *below], [], KEYS)
    assert decision is not None
    assert (decision.text, decision.rule) == (HEADLINE, 2)
    assert read == ["أخبار", HEADLINE]
    read.clear()
    alone = choose_title([h1("كورونا", header=False), h1("صحيفة اليوم", header=False)], [], KEYS)
    assert alone is not None
    assert (alone.text, alone.rule) == ("كورونا", 4)
    assert read == ["كورونا", "صحيفة اليوم"]


def test_never_the_site_name_alone() -> None:
    assert choose_title([h1("صحيفة اليوم")], [meta("صحيفة اليوم", "title")], KEYS) is None


def test_a_short_h1_in_page_chrome_is_a_logo_or_a_label_not_the_headline() -> None:
    assert choose_title([h1("الموقع الإخباري الأول", chrome=True)], [], KEYS) is None


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        (HEADLINE, True),
        ("الرئيسية", False),  # chrome
        ("Artikel zum Hören•3 Min", False),  # widget
        ("3 Min", False),  # count line
        ("Flag of United States", False),  # image label
        ("Role, صحيفة اليوم", False),  # a byline's role line
        ("صحيفة اليوم", False),  # the site
        ("محمد أحمد علي", False),  # a byline name under a dump's headline
        ("宮崎県で震度5弱、高知と宮崎に1メートルの津波注意報 気象庁", True),
    ],
)
def test_is_headline_text(text: str, headline: bool) -> None:
    assert is_headline_text(text, KEYS) is headline


def test_a_confirmed_headline_may_look_like_a_name() -> None:
    assert not is_headline_text("Легкий Троннинг", frozenset())
    assert is_headline_text("Легкий Троннинг", frozenset(), confirmed=True)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", 0),
        ("الحكومة تعلن خطة جديدة", 4),
        ("Politics", 1),
        # Characters from U+3040 on that are no CJK letters count as ordinary words.
        ("Breaking 🔥 news ｜ today", 5),
        ("ﻻ ﷲ", 2),
        # CJK letters count two to a word, whatever else the text holds.
        ("東京五輪", 2),
        ("東京 五輪 開幕", 3),
        ("東京五輪 opens", 3),
        ("서울시", 1.5),
        ("ひらがな", 2),
    ],
)
def test_headline_words(text: str, words: float) -> None:
    assert headline_words(text) == words


@pytest.mark.parametrize(
    ("title", "stripped"),
    [
        (f"{HEADLINE} - صحيفة اليوم", HEADLINE),
        (f"صحيفة اليوم | {HEADLINE}", HEADLINE),
        (f"{HEADLINE} :: alyaum.com", HEADLINE),
        (f"{HEADLINE} — تقرير", f"{HEADLINE} — تقرير"),  # not the site: kept
    ],
)
def test_strip_site_affixes(title: str, stripped: str) -> None:
    assert strip_site_affixes(title, KEYS) == stripped


def test_split_document_title_takes_the_longer_end() -> None:
    assert split_document_title(f"{HEADLINE} - اليوم") == (HEADLINE, "اليوم")
    assert split_document_title(HEADLINE) == (HEADLINE, None)


# --- names and labels -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("حسام أبو العلا", True),
        ("Sam Jones", True),
        ("Ludwig van Beethoven", True),
        ("Kommentare öffnen", False),  # not capitalised
        ("الخطة الحكومية", False),  # opens with the article
        ("من القاهرة", False),  # a preposition
        ("محمد 2020", False),
        ("وزير", False),  # one word
        ("مريم الشحي", True),
        ("أبرز المستجدات", False),  # a key-points box's label
        ("أهم الأحداث", False),
        ("Key Points", False),
        ("Latest Updates", False),
    ],
)
def test_looks_like_name(text: str, name: bool) -> None:
    assert looks_like_name(text) is name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("حسام أبو العلا - القاهرة", "حسام أبو العلا"),
        ("Sam Jones in Madrid", "Sam Jones"),
        ("Jean Dupont à Paris", "Jean Dupont"),
        ("Maria in der Stadt", "Maria in der Stadt"),  # "in" before a lower-case word stays
        ("سعد الزهراني (الرياض)", "سعد الزهراني"),
        ("سعد الزهراني (الرياض", "سعد الزهراني"),  # its closing parenthesis stripped already
        ("Jane Doe (AP)", "Jane Doe"),
        ("(الرياض)", "(الرياض)"),  # nothing before the parentheses: no name to keep
        ("الدمام - فهد القحطاني", "فهد القحطاني"),  # a one-word place first
        ("الوطن اليوم - خالد العمري", "خالد العمري"),  # the outlet first
        ("Sky News - Jane Doe", "Jane Doe"),
        ("خالد العمري - القاهرة", "خالد العمري"),
        ("خالد العمري - مراسل الوطن", "خالد العمري"),  # a name first stays first
        ("الشؤون الاقتصادية - الأسواق العالمية", "الشؤون الاقتصادية"),  # no name after it
    ],
)
def test_split_name_place(text: str, name: str) -> None:
    assert split_name_place(text) == name


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("كاتبة وباحثة في الشؤون الاقتصادية", True),
        ("كاتب صحفي", True),
        ("Business reporter", False),  # the role word is not the first
        ("Correspondent, Brussels", True),
        ("كاتب سعودي يفوز بجائزة الرواية العربية عن روايته الأولى هذا العام", False),  # long
        ("كاتب وباحث.", False),  # a sentence
        ("سارة المنصوري", False),
    ],
)
def test_is_role_line(text: str, role: bool) -> None:
    assert is_role_line(text) is role


@pytest.mark.parametrize(
    ("key", "names"),
    [
        ("alyaum", True),  # the whole key
        ("alyaumnews", True),  # contains a key of three letters or more
        ("lbci", True),
        ("abcnews", False),  # "bc" is too short to count inside another text
        ("bc", True),  # … but is the site when it is the whole text
        ("hassanali", False),
    ],
)
def test_names_the_site(key: str, names: bool) -> None:
    assert names_the_site(key, frozenset({"alyaum", "lbci", "bc"})) is names


def test_clean_name() -> None:
    assert clean_name("«أحمد علي»") == "أحمد علي"
    assert clean_name("مراسل 24") is None
    assert clean_name("a b c d e f g") is None


def test_authors_come_from_the_first_credit_with_usable_names() -> None:
    credits = [
        Credit("byline", ("Bild vergrößern",)),  # chrome, not a name
        Credit("body", (), "بترا"),
        Credit("json-ld", ("صحيفة اليوم", "سارة أحمد")),  # the site is not an author
        Credit("meta", ("محمد علي",)),
    ]
    assert choose_authors(credits, KEYS, frozenset()) == (("سارة أحمد",), "بترا")
    assert choose_authors([], KEYS, frozenset()) == ((), None)


@pytest.mark.parametrize(
    ("name", "usable"),
    [
        ("مشاهدات عالية", False),  # a view counter's label ("high views"), a widget
        ("Min read", False),
        ("Flag of Lebanon", False),
        ("سارة أحمد", True),
        ("Jane Doe", True),
        ("Jane Views", True),  # a widget word that does not open the line
    ],
)
def test_a_widget_label_is_no_author(name: str, usable: bool) -> None:
    assert usable_authors([name], KEYS) == ((name,) if usable else ())


@pytest.mark.parametrize(
    ("titles", "headline", "affixes"),
    [
        # The site's name around the headline, before or after it.
        (["أميركا: 50 ألف وفاة - المدينة نيوز"], "أميركا: 50 ألف وفاة", ("المدينة نيوز",)),
        (
            ["صحيفة الميدان - محافظ الزرقاء يفتتح مركزاً"],
            "محافظ الزرقاء يفتتح مركزاً",
            ("صحيفة الميدان",),
        ),
        (["Death toll rises | World news | The Guardian"], "Death toll rises", ("The Guardian",)),
        # The rest of the title may be the headline cut short, or the headline cut short.
        (["Death toll rises in Valencia fire - Site"], "Death toll rises in Valencia", ("Site",)),
        # A title that frames another text (a dump's first line) names no site.
        (["رئيس مجلس الإدارة : أحمد جلال"], "سر رحيل نعيمة عاكف", ()),
        (["Breaking news"], "Breaking news", ()),
        # One per distinct name, in metadata order.
        (["Headline text - Site", "Site | Headline text"], "Headline text", ("Site",)),
    ],
)
def test_title_affixes(titles: list[str], headline: str, affixes: tuple[str, ...]) -> None:
    metadata = [MetadataTitle("title", t) for t in titles]
    assert title_affixes(metadata, headline) == affixes


def test_site_name_prefers_a_human_name_over_a_handle() -> None:
    assert choose_site_name(["https://x.com", "@alyaum", "صحيفة اليوم"]) == "صحيفة اليوم"
    assert choose_site_name(["@alyaum"]) == "alyaum"
    assert choose_site_name(["شاهد كل النتائج"]) is None


@pytest.mark.parametrize(
    ("candidates", "section"),
    [
        (["عربي ودولي"], "عربي ودولي"),
        (["Copier le lien", "Politique"], "Politique"),  # chrome first
        (["2min", "Economy"], "Economy"),  # digits
        (["a very long phrase that is a sentence not a section"], None),
    ],
)
def test_choose_section(candidates: list[str], section: str | None) -> None:
    assert choose_section(candidates) == section


# --- stamps and subheadings -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "stamp"),
    [
        ("تم نشره الجمعة 24 نيسان / أبريل 2020 09:22 مساءً", True),
        ("Bruselas - 15 oct 2024 - 08:22", True),
        ("Jane Doe · CBC News · Posted: Aug 08, 2024 4:00 AM EDT | Last Updated: August 8", True),
        ("وقال الوزير في 6 يناير 2022 إن الخطة تمتد لسنوات وإن العمل سيتواصل في المشروع.", False),
        ("لا تاريخ هنا", False),
    ],
)
def test_is_stamp_line(text: str, stamp: bool) -> None:
    assert is_stamp_line(text) is stamp


def test_is_subheading() -> None:
    paragraph = "وقال المتحدث إن الخطة تمتد لسنوات، وأضاف أن العمل سيتواصل في المشروع. " * 2
    assert is_subheading("سقوط المطار", paragraph, set_apart=True)
    assert not is_subheading("سقوط المطار", paragraph, set_apart=False)  # inline text
    assert not is_subheading("سقوط المطار.", paragraph, set_apart=True)  # a sentence
    assert not is_subheading("سقوط المطار", "قصير", set_apart=True)  # nothing longer follows


@pytest.mark.parametrize(
    ("roles", "resumes"),
    [
        # "Mehr zum Thema", three linked headlines, then paragraphs: a box inside the article.
        (["item", "item", "item", "prose", "other", "prose"], 3),
        (["item", "prose", "prose"], 1),
        # The same words under the text: nothing, or not the article's prose, follows.
        ([], None),
        (["prose", "prose", "prose"], None),  # no box: the marker heads what follows
        (["item", "item", "other", "other"], None),
        (["item", "prose", "other", "other"], None),  # one paragraph is not the text going on
        # A teaser list: linked headlines alternate with their summaries.
        (["item", "prose", "item", "prose"], None),
        (["item"] * (MAX_INLINE_BOX_ITEMS + 1) + ["prose", "prose"], None),  # a long list
    ],
)
def test_inline_box_end(roles: list[BoxRole], resumes: int | None) -> None:
    assert inline_box_end(roles) == resumes


@pytest.mark.parametrize(
    ("kinds", "stray"),
    [
        (["paragraph", "heading", "paragraph"], set()),
        (["heading", "heading", "paragraph"], set()),  # a section and its subsection
        (["paragraph", "heading"], {1}),  # nothing after it
        (["paragraph", "heading", "heading", "heading", "paragraph"], {1, 2, 3}),  # tags
        (["paragraph", "paragraph", "heading", "heading"], {2, 3}),
        (["heading", "list_item", "heading", "quote"], set()),
        ([], set()),
    ],
)
def test_headings_without_text(kinds: list[str], stray: set[int]) -> None:
    assert headings_without_text(kinds) == stray


# --- dates ----------------------------------------------------------------------------------


def ev(text: str, origin: str, role: str = "published", printed: str | None = None) -> DateEvidence:
    parsed = parse_date(text)
    assert parsed is not None, text
    return DateEvidence(dataclasses.replace(parsed, role=role), origin, printed)  # type: ignore[arg-type]


def test_published_is_the_first_plausible_candidate_by_origin() -> None:
    found = [ev("2020-05-01", "url"), ev("1985-03-14", "visible"), ev("2020-05-02", "meta")]
    decision = choose_dates(found, Options())
    assert decision.published == datetime(2020, 5, 2)
    assert decision.origin == "meta"
    # the implausible 1985 stamp is no candidate; the URL day is a conflict (another day)
    assert [c.origin for c in decision.conflicts] == ["url"]


def test_a_stamp_that_cannot_be_the_publication_yields_to_the_url_in_dumps_too() -> None:
    stamp = "الثلاثاء 14 مارس 1985"
    found = [ev(stamp, "visible", printed=stamp), ev("2023-03-14", "url")]
    assert choose_dates(found, Options()).published == datetime(2023, 3, 14)


def test_a_late_update_stamp_yields_to_the_url_date() -> None:
    stamp = "28 آب 2013 14:00"
    found = [ev(stamp, "visible", printed=stamp), ev("2013-08-03", "url")]
    decision = choose_dates(found, Options())
    assert decision.origin == "url"
    assert decision.modified is not None
    assert decision.modified.day == 28


def test_the_page_offset_applies_to_its_other_stamp() -> None:
    found = [ev("2013-08-03", "url"), ev("2013-08-28T14:00:00+04:00", "meta", "modified")]
    decision = choose_dates(found, Options())
    assert decision.published == datetime(2013, 8, 3, tzinfo=timezone(timedelta(hours=4)))
    assert decision.modified is not None
    assert decision.modified > decision.published
    assert "offset_from_page" in decision.flags


def test_default_tz_is_attached_once_and_flagged() -> None:
    decision = choose_dates([ev("2022-01-06 10:30", "visible")], Options(default_tz=UTC))
    assert decision.published == datetime(2022, 1, 6, 10, 30, tzinfo=UTC)
    assert "default_tz" in decision.flags


def test_a_date_after_the_reference_is_kept_and_flagged() -> None:
    reference = Options(reference=datetime(2021, 1, 1))
    decision = choose_dates([ev("2030-01-01", "json-ld")], reference)
    assert decision.published == datetime(2030, 1, 1)
    assert "after_reference" in decision.flags
    on_time = choose_dates([ev("2030-01-01", "json-ld"), ev("2020-12-30", "meta")], reference)
    assert on_time.published == datetime(2020, 12, 30)


def test_printed_date_leaves_the_label_out() -> None:
    text = "تم نشره الجمعة 24 نيسان / أبريل 2020 09:22 مساءً"
    stamp = DateEvidence(parse_date(text) or _fail(), "visible", text)
    assert printed_date(stamp) == "الجمعة 24 نيسان / أبريل 2020 09:22 مساءً"


def _fail() -> ParsedDate:
    raise AssertionError("no date")


# --- verdict --------------------------------------------------------------------------------

PROSE = "وقال المتحدث باسم الوزارة إن الخطة تمتد لسنوات، وأضاف أن العمل سيتواصل في المشروع. "


def evidence(
    blocks: list[BlockDraft], title: TitleDecision | None, **signals: object
) -> PageEvidence:
    return PageEvidence(
        input_kind="html",
        blocks=tuple(blocks),
        title=title,
        site_keys=KEYS,
        signals=PageSignals(**signals),  # type: ignore[arg-type]
    )


SHOWN = TitleDecision(HEADLINE, 0, 1, ())
FROM_TITLE_TAG = TitleDecision("صحيفة اليوم", None, 5, ())


@pytest.mark.parametrize(
    ("page", "reason"),
    [
        (
            evidence(
                [BlockDraft("paragraph", "Redirecting to https://x.com")], None, meta_refresh=True
            ),
            "redirect",
        ),
        (evidence([BlockDraft("paragraph", "x")], None, title_tag="Just a moment..."), "challenge"),
        (
            evidence([BlockDraft("paragraph", "y" * 90)], SHOWN, title_tag="404 Not Found"),
            "error_page",
        ),
        (
            evidence([BlockDraft("list_item", PROSE)] * 12, FROM_TITLE_TAG),
            "home",  # titled with the site's name, a list of teasers, no article evidence
        ),
        (evidence([BlockDraft("list_item", PROSE + str(i)) for i in range(12)], None), "listing"),
    ],
)
def test_verdict_reasons(page: PageEvidence, reason: str) -> None:
    with pytest.raises(NotAnArticle) as caught:
        check_is_article(page, choose_dates([], Options()))
    assert caught.value.reason == reason


def test_a_confirmed_heading_is_a_headline_only_above_prose() -> None:
    # A home page whose <title> is its name, shown as an <h2> logo, over a list: no article.
    heading = TitleDecision("كوكب الأخبار", 0, 1, (), kind="heading")
    keywords = "أخبار سياسية , أخبار عربية , أخبار عالمية , أخبار الاقتصاد , أخبار الشركات"
    listed = [BlockDraft("heading", "أخبار العالم"), BlockDraft("list_item", keywords)]
    with pytest.raises(NotAnArticle) as caught:
        check_is_article(evidence(listed, heading), choose_dates([], Options()))
    assert caught.value.reason == "listing"
    # The same heading above a paragraph: a theme that prints its headline as an <h2>.
    check_is_article(
        evidence([BlockDraft("paragraph", (PROSE * 2).strip())], heading),
        choose_dates([], Options()),
    )


def _teasers(pairs: int, paragraphs_each: int = 1) -> list[BlockDraft]:
    blocks: list[BlockDraft] = []
    for n in range(pairs):
        blocks.append(BlockDraft("heading", f"عنوان خبر آخر رقم {n}"))
        blocks += [BlockDraft("paragraph", f"{PROSE} ({n}.{k})") for k in range(paragraphs_each)]
    blocks.append(BlockDraft("heading", "عنوان الخبر الأخير"))
    return blocks


LINE_TITLE = TitleDecision(HEADLINE, 0, 2, (), kind="line")


@pytest.mark.parametrize(
    ("blocks", "title", "listing"),
    [
        # a text's headline line over teasers (a heading, its summary, the next heading)
        (_teasers(6), LINE_TITLE, True),
        # a text's headline line over a body that is mostly list items
        ([BlockDraft("list_item", f"{PROSE} {n}") for n in range(12)], LINE_TITLE, True),
        # an article's subheadings head several paragraphs each
        (_teasers(6, paragraphs_each=2), LINE_TITLE, False),
        # too few pairs to be a teaser run
        (_teasers(3), LINE_TITLE, False),
        # an <h1> in the article's header is evidence whatever the body looks like
        (_teasers(6), TitleDecision(HEADLINE, 0, 2, (), kind="h1"), False),
    ],
)
def test_a_text_headline_over_teasers_is_no_article_evidence(
    blocks: list[BlockDraft], title: TitleDecision, listing: bool
) -> None:
    page = evidence(blocks, title)._replace(input_kind="text")
    if listing:
        with pytest.raises(NotAnArticle) as caught:
            check_is_article(page, choose_dates([], Options()))
        assert caught.value.reason == "listing"
    else:
        check_is_article(page, choose_dates([], Options()))
    # A date the page states is article evidence: the same page is one article.
    dated = choose_dates([ev("الثلاثاء 14 مارس 2023", "visible")], Options())
    check_is_article(page, dated)


def test_an_article_with_evidence_is_kept_even_when_short() -> None:
    page = evidence([BlockDraft("paragraph", PROSE)], SHOWN, has_article_metadata=True)
    check_is_article(page, choose_dates([], Options()))


def test_strict_mode_asks_every_page_for_article_evidence() -> None:
    paragraphs = [BlockDraft("paragraph", PROSE * 3 + str(i)) for i in range(8)]
    page = evidence(paragraphs, TitleDecision(HEADLINE, None, 3, ()))
    dates = choose_dates([], Options())
    check_is_article(page, dates)  # a metadata headline above prose: evidence enough
    unmarked = evidence(paragraphs, None)
    check_is_article(unmarked, dates)  # mixed evidence: the article is returned…
    with pytest.raises(NotAnArticle):
        check_is_article(unmarked, dates, strict=True)  # …unless the caller is strict


def _page_titled(title: str, head: str = "") -> str:
    body = "<p>" + "نص فقرة طويلة من المقال عن الأحداث الجارية في المدينة اليوم. " * 6 + "</p>"
    headline = "<h1>محافظ الزرقاء يفتتح مركزا صحيا شاملا في حي معصوم</h1>"
    return (
        f"<html><head><title>{title}</title>{head}</head><body><article>"
        f"{headline}{body * 4}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("head", "site_name"),
    [
        # The title's affix names the site, before a handle…
        ('<meta name="twitter:site" content="@almadenahnews">', "المدينة نيوز"),
        # …after a name the page states…
        ('<meta property="og:site_name" content="Al Madenah">', "Al Madenah"),
        # …and never when it is the page's section.
        ('<meta property="article:section" content="المدينة نيوز">', None),
    ],
)
def test_site_name_from_the_title_affix(head: str, site_name: str | None) -> None:
    page = _page_titled("محافظ الزرقاء يفتتح مركزا صحيا شاملا في حي معصوم - المدينة نيوز", head)
    assert extract(page).site_name == site_name


@pytest.mark.parametrize(
    ("title", "origin", "kept"),
    [
        (SHOWN, "visible", True),  # a displayed headline and the date it states: one article
        (SHOWN, "url", False),  # a date from the URL is no stamp of the page's own
        (SHOWN, None, False),
        (FROM_TITLE_TAG, "visible", False),  # the site's name is no headline
    ],
)
def test_a_short_article_above_a_wall_of_teasers(
    title: TitleDecision, origin: str | None, kept: bool
) -> None:
    # No metadata, a brief of ~600 characters, and ten linked headlines around it.
    page = evidence([BlockDraft("paragraph", PROSE)] * 3, title, teasers=10)
    dates = DateDecision(datetime(2020, 12, 25), origin, "day")  # type: ignore[arg-type]
    if kept:
        check_is_article(page, dates)
        return
    with pytest.raises(NotAnArticle) as caught:
        check_is_article(page, dates)
    assert caught.value.reason == "listing"
