"""Dumps of listings, headline blocks with a standfirst, and the writer's and comments' boxes
under the text, each beside the article it resembles.

* A section front, a search's results or a writer's page printed as text is a run of teasers —
  headline, its own date line, a one-sentence summary — and is refused (``listing``), in the
  shapes html-text, inscriptis and Markdown dumps give it; an article that prints a timeline of
  dated entries, a live blog's feed and a short first paragraph under the stamp stay articles.
* Headline, a one-sentence standfirst, byline and date: the headline is the title and the
  standfirst opens the body, also under a headline that asks a question (a standfirst may be
  shorter than the headline: it is the line that ends with a full stop).
* "عن الكاتب" + a bio, "About the author", and Disqus's "Please enable JavaScript…" notice
  after the last paragraph are not body text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

import pytest

from article_extract import Options, extract
from article_extract.errors import NotAnArticle

OPTIONS = Options(reference=datetime(2024, 7, 10, 15))

MENU = ["الرئيسية", "أخبار محلية", "عربي ودولي", "اقتصاد", "رياضة", "اتصل بنا"]
FOOTER = ["من نحن | سياسة الخصوصية | اتصل بنا", "جميع الحقوق محفوظة © 2024"]

# (headline, summary) of other stories, as a listing shows them
TEASERS = [
    (
        "ارتفاع أسعار الذهب في الأسواق المحلية مع تراجع الدولار",
        "سجلت أسعار الذهب ارتفاعا جديدا في تعاملات اليوم، مدفوعة بتراجع الدولار أمام العملات "
        "الرئيسية وزيادة الطلب على الملاذات الآمنة.",
    ),
    (
        "أمطار رعدية متوقعة على المناطق الشمالية خلال الأيام المقبلة",
        "توقعت هيئة الأرصاد الجوية هطول أمطار رعدية على المناطق الشمالية، مع انخفاض ملحوظ في "
        "درجات الحرارة ونشاط للرياح.",
    ),
    (
        "وزارة التعليم تعلن مواعيد امتحانات نهاية العام الدراسي",
        "أعلنت وزارة التعليم الجدول الرسمي لامتحانات نهاية العام للمرحلة الثانوية، على أن تبدأ "
        "في الأسبوع الأول من الشهر المقبل.",
    ),
    (
        "النيابة العامة تأمر بحبس متهمين في قضية احتيال إلكتروني",
        "أمرت النيابة العامة بحبس ثلاثة متهمين على ذمة التحقيقات في قضية احتيال إلكتروني طالت "
        "عشرات المواطنين خلال الأشهر الماضية.",
    ),
    (
        "المنتخب الوطني يتأهل إلى نهائيات كأس الأمم بعد فوز مثير",
        "حجز المنتخب الوطني بطاقة التأهل إلى نهائيات كأس الأمم، بعد فوزه على ضيفه بهدفين مقابل "
        "هدف في المباراة التي جمعتهما مساء أمس.",
    ),
    (
        "دراسة حديثة تربط المشي اليومي بتراجع أمراض القلب",
        "كشفت دراسة علمية حديثة أن المشي لمدة ثلاثين دقيقة يوميا يمكن أن يقلل خطر الإصابة "
        "بأمراض القلب والأوعية الدموية بنحو الثلث.",
    ),
]
STAMPS = ["14 مايو 2024", "13 مايو 2024", "13 مايو 2024", "12 مايو 2024", "11 مايو 2024"]


def _plain(lines: Sequence[str]) -> str:
    """What html-text prints: one line a block, blank lines between."""
    return "\n\n".join(lines)


def _inscriptis(lines: Sequence[str]) -> str:
    """What inscriptis prints for a page's column: its lines indented."""
    return "\n\n".join(f"  {line}" for line in lines)


# What a section front adds to each summary, to the length most sites cut them at (a page of
# three one-line summaries is no run of paragraphs at all: ``no_body``).
MORE = " وأوضح المسؤولون أن الإجراءات الجديدة ستدخل حيز التنفيذ خلال الأيام القليلة المقبلة."


def _section(count: int, shape: Callable[[Sequence[str]], str] = _plain, label: str = "") -> str:
    teasers = [
        line
        for (headline, summary), stamp in zip(TEASERS[:count], STAMPS, strict=False)
        for line in (headline, stamp, summary + MORE)
    ]
    return shape([*MENU, *([label] if label else []), *teasers, *FOOTER])


def _author_markdown() -> str:
    items = [
        line
        for (headline, summary), stamp in zip(TEASERS, STAMPS, strict=False)
        for line in (f"### [{headline}](/news/{len(headline)})", stamp, summary)
    ]
    return "\n\n".join(
        [
            *(f"* [{item}](/c/{n})" for n, item in enumerate(MENU)),
            "# أحمد عبد الحميد",
            "محرر بقسم الأخبار المحلية، يغطي ملفات الري والزراعة والبيئة منذ عام 2015.",
            "## مقالات الكاتب",
            *items,
            *FOOTER,
        ]
    )


LISTINGS = {
    "section front, html-text": _section(5, label="أخبار محلية"),
    "section front, inscriptis": _section(5, _inscriptis, label="أخبار محلية"),
    "three teasers": _section(3, label="أخبار محلية"),
    "search results": _section(5, label="نتائج البحث عن: الكهرباء"),
    "search results with a count": _section(
        4, _inscriptis, label="نتائج البحث عن: الذهب\n\n  تم العثور على 128 نتيجة"
    ),
    "writer's page, Markdown": _author_markdown(),
}


@pytest.mark.parametrize("name", sorted(LISTINGS))
def test_a_run_of_dated_teasers_is_a_listing(name: str) -> None:
    with pytest.raises(NotAnArticle) as refused:
        extract(LISTINGS[name], options=OPTIONS)
    assert refused.value.reason == "listing"


# --- the articles they resemble ---------------------------------------------------------------

HEADLINE = "الحكومة تعلن خطة شاملة لمواجهة الأزمة الاقتصادية"
PARAGRAPHS = [
    "أعلنت الحكومة اليوم عن خطة جديدة لمواجهة الأزمة الاقتصادية التي تعصف بالبلاد منذ سنوات، "
    "وسط ترقب شعبي واسع لنتائجها.",
    "وقال رئيس الوزراء في مؤتمر صحفي إن الخطة تتضمن إصلاحات هيكلية في قطاعات الطاقة والنقل "
    "والتعليم، وإنها ستنفذ على مراحل.",
    "وتأتي الخطة بعد سلسلة من الاحتجاجات الشعبية التي شهدتها المدن الكبرى خلال الأشهر الماضية، "
    "احتجاجا على ارتفاع الأسعار.",
]
# (entry title, its date, what happened), oldest first, as a timeline prints them
TIMELINE = [
    (
        "اندلاع الاحتجاجات في العاصمة",
        "15 مارس 2011",
        "خرج آلاف المحتجين إلى شوارع العاصمة مطالبين بإصلاحات سياسية واقتصادية، وسط انتشار "
        "أمني كثيف.",
    ),
    (
        "تشكيل حكومة انتقالية جديدة",
        "20 يونيو 2012",
        "أعلن عن تشكيل حكومة انتقالية برئاسة شخصية مستقلة، في محاولة لاحتواء الأزمة السياسية "
        "المتصاعدة.",
    ),
    (
        "إجراء أول انتخابات تشريعية",
        "7 نوفمبر 2013",
        "جرت أول انتخابات تشريعية بعد الأزمة بمشاركة واسعة من الأحزاب، وأشاد بها المراقبون "
        "الدوليون.",
    ),
    (
        "توقيع اتفاق السلام الشامل",
        "2 فبراير 2015",
        "وقعت الأطراف المتنازعة اتفاق سلام شاملا برعاية دولية، أنهى سنوات من الصراع المسلح في "
        "البلاد.",
    ),
]


def _article(*body: str, shape: Callable[[Sequence[str]], str] = _plain) -> str:
    return shape([*MENU, HEADLINE, "الأحد 12 مايو 2024", *body, *FOOTER])


def _timeline(entries: Sequence[tuple[str, str, str]], *, titled: bool) -> list[str]:
    return [
        line
        for title, date, text in entries
        for line in ((title, date, text) if titled else (date, text))
    ]


def _live_blog() -> str:
    # Each entry: its clock time, its headline, its text (two sentences: a feed of one-line
    # entries is no body, live or not).
    entries = [
        ("16:40", "هيئة الطيران تعلن استئناف الرحلات صباح الغد", TIMELINE[0][2] + MORE),
        ("15:55", "انقطاع الكهرباء عن أحياء في المدينة الساحلية", TIMELINE[1][2] + MORE),
        ("15:10", "الدفاع المدني ينقذ عالقين في الأودية", TIMELINE[2][2] + MORE),
        ("14:30", "تعليق الدراسة في المدارس الساحلية", TIMELINE[3][2] + MORE),
    ]
    return _plain(
        [
            *MENU,
            "مباشر: العاصفة تضرب السواحل الشرقية وإغلاق المدارس",
            "الاثنين 12 فبراير 2024 - 06:00 صباحاً",
            *(line for entry in entries for line in entry),
            *FOOTER,
        ]
    )


# name → (page, paragraphs its body must hold)
ARTICLES: dict[str, tuple[str, Sequence[str]]] = {
    "timeline of dated entries": (
        _article(*PARAGRAPHS, *_timeline(TIMELINE, titled=False)),
        [entry[2] for entry in TIMELINE],
    ),
    "timeline of titled, dated entries, oldest first": (
        _article(*PARAGRAPHS, *_timeline(TIMELINE, titled=True)),
        [entry[2] for entry in TIMELINE],
    ),
    "timeline, inscriptis": (
        _article(*PARAGRAPHS, *_timeline(TIMELINE, titled=True), shape=_inscriptis),
        [entry[2] for entry in TIMELINE],
    ),
    "live blog": (_live_blog(), [entry[2] for entry in TIMELINE]),
    "one-sentence first paragraph": (
        _article(PARAGRAPHS[0].split("،")[0] + ".", *PARAGRAPHS[1:]),
        PARAGRAPHS[1:],
    ),
    "text above related stories with dates and summaries": (
        _article(*PARAGRAPHS, *_section(3).split("\n\n")[len(MENU) : -2]),
        PARAGRAPHS,
    ),
}


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_an_article_with_dated_lines_in_its_text_is_an_article(name: str) -> None:
    page, kept = ARTICLES[name]
    article = extract(page, options=OPTIONS)
    assert article.published is not None
    assert [text for text in kept if text not in article.body] == []


def test_related_stories_summaries_are_not_the_articles_text() -> None:
    page, _ = ARTICLES["text above related stories with dates and summaries"]
    body = extract(page, options=OPTIONS).body
    # the last story's summary is read as text: it may be the opening of an article below
    assert [summary for _, summary in TEASERS[:2] if summary in body] == []


# --- headline, standfirst, byline, date --------------------------------------------------------

STANDFIRSTS = {
    "ar": (
        "افتتاح الدورة الجديدة لمعرض الكتاب بمشاركة أكثر من ألف دار نشر",
        "يحل الأدب الإفريقي ضيف شرف على الدورة الجديدة.",
        "كتب: أحمد علي",
        "الأحد 12 مايو 2024",
    ),
    "fr": (
        "La région annonce un plan d'urgence pour soutenir les agriculteurs touchés par la "
        "sécheresse",
        "Vingt millions d'euros seront mobilisés.",
        "Par Marie Dupont",
        "Publié le 3 juin 2024 à 18h42",
    ),
    "question headline": (
        "هل تنجح الخطة الحكومية الجديدة في إنقاذ الاقتصاد من الركود؟",
        "خبراء يرون أن الإصلاحات تأخرت كثيرا.",
        "كتب: أحمد علي",
        "الأحد 12 مايو 2024",
    ),
}


@pytest.mark.parametrize("name", sorted(STANDFIRSTS))
def test_the_headline_above_a_one_sentence_standfirst_is_the_title(name: str) -> None:
    headline, standfirst, byline, stamp = STANDFIRSTS[name]
    page = _inscriptis([*MENU, "ثقافة", headline, standfirst, byline, stamp, *PARAGRAPHS])
    article = extract(page, options=OPTIONS)
    assert article.title == headline
    assert [b.text for b in article.blocks] == [standfirst, *PARAGRAPHS]


# --- boxes under the text ----------------------------------------------------------------------

# name → lines printed after the last paragraph, none of them text
AFTER_TEXT = {
    "writer's bio": [
        "عن الكاتب",
        "أستاذ الاقتصاد بجامعة القاهرة، ووزير سابق، له عدة مؤلفات في السياسة النقدية.",
    ],
    "writer's bio, named": [
        "نبذة عن الكاتبة",
        "صحفية متخصصة في الشؤون الاقتصادية، عملت في عدد من الصحف العربية منذ عام 2005.",
    ],
    "about the author": [
        "About the author",
        "Jane Doe covers energy and climate for the paper, and has reported from 30 countries.",
    ],
    "Disqus notice": ["Please enable JavaScript to view the comments powered by Disqus."],
    "Disqus link": ["comments powered by Disqus"],
}


@pytest.mark.parametrize("name", sorted(AFTER_TEXT))
@pytest.mark.parametrize("shape", [_plain, _inscriptis], ids=["html-text", "inscriptis"])
def test_a_writers_box_or_comments_notice_is_not_text(
    name: str, shape: Callable[[Sequence[str]], str]
) -> None:
    article = extract(_article(*PARAGRAPHS, *AFTER_TEXT[name], shape=shape), options=OPTIONS)
    assert [b.text for b in article.blocks] == PARAGRAPHS
