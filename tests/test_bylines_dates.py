"""A byline and a date on one line, meta spans joined in dumps, credits glued to the next
span, and names that are no person's: each case read as HTML and as the text dumps make of
it (inscriptis and html-text put inline spans on one line, Markdown glues them), with the
counter-cases that must keep their reading."""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

import pytest

from article_extract import Article, Options, extract
from article_extract._byline import Attribution, credit_before_stamp, parse_byline, stamp_start
from article_extract._dates import find_dates
from article_extract._decide.names import is_desk_name, usable_authors

HEADLINE = "المنتخب الوطني يتأهل إلى نهائيات كأس الأمم بعد فوز مثير في الدقائق الأخيرة"
PARAGRAPHS = (
    "حجز المنتخب الوطني لكرة القدم بطاقة التأهل إلى نهائيات كأس الأمم، بعد فوزه المثير على"
    " ضيفه بهدفين مقابل هدف، في المباراة التي جمعتهما مساء أمس على الملعب الأولمبي.",
    "وتقدم الضيوف بهدف مبكر في الدقيقة الثانية عشرة، قبل أن يدرك المنتخب التعادل في مطلع"
    " الشوط الثاني عبر ضربة رأسية متقنة من قلب الدفاع.",
    "وفي الوقت بدل الضائع، نجح المهاجم البديل في تسجيل هدف الفوز بتسديدة قوية من خارج منطقة"
    " الجزاء، ليشعل مدرجات الملعب التي امتلأت بأكثر من أربعين ألف مشجع.",
    "وأعرب المدير الفني عن سعادته بالتأهل، مؤكدا أن اللاعبين أظهروا روحا قتالية عالية، وأن"
    " الفريق سيدخل معسكرا مغلقا استعدادا للبطولة.",
)
REFERENCE = datetime(2024, 7, 10, 15)
SITE = "نبض المغرب"


class Case(NamedTuple):
    html: str  # the meta element under the headline
    dump: str  # the same meta line as a dump prints it
    authors: tuple[str, ...]
    published: datetime
    source: str | None = None


CASES = {
    "labelled-dash-date": Case(
        '<div class="meta">بقلم أحمد علي - 12 مايو 2024</div>',
        "بقلم أحمد علي - 12 مايو 2024",
        ("أحمد علي",),
        datetime(2024, 5, 12),
    ),
    "labelled-pipe-date": Case(
        '<div class="meta">كتب: أحمد علي | 12 مايو 2024</div>',
        "كتب: أحمد علي | 12 مايو 2024",
        ("أحمد علي",),
        datetime(2024, 5, 12),
    ),
    "desk-dash-date": Case(
        '<div class="meta">Par La Rédaction - 15 juillet 2024</div>',
        "Par La Rédaction - 15 juillet 2024",
        (),
        datetime(2024, 7, 15),
    ),
    "place-outlet-pipe-date": Case(
        f'<div class="byline">الرباط - {SITE} | 2024-01-22 12:00</div>',
        f"الرباط - {SITE} | 2024-01-22 12:00",
        (),
        datetime(2024, 1, 22, 12),
    ),
    "place-colon-name-date": Case(
        '<p class="meta">الخرطوم: عثمان الطيب السبت, 10 أغسطس, 2024</p>',
        "الخرطوم: عثمان الطيب السبت, 10 أغسطس, 2024",
        ("عثمان الطيب",),
        datetime(2024, 8, 10),
    ),
    "byline-relative-spans": Case(
        '<div class="meta"><span class="writer">بواسطة: خالد منصور</span> '
        '<span class="ago">منذ 3 ساعات</span></div>',
        "بواسطة: خالد منصور منذ 3 ساعات",
        ("خالد منصور",),
        datetime(2024, 7, 10, 12),
    ),
    "agency-labelled-date": Case(
        '<div class="story-meta"><span class="by">دبي - وام</span>'
        '<span class="pub">تاريخ النشر: 03 يونيو 2024 06:00 م</span></div>',
        "دبي - وام تاريخ النشر: 03 يونيو 2024 06:00 م",
        (),
        datetime(2024, 6, 3, 18),
        "وام",
    ),
    "source-then-date-span": Case(
        '<div class="info"><span>المصدر: النهار</span> <span>19 كانون الأول 2023</span></div>',
        "المصدر: النهار 19 كانون الأول 2023",
        (),
        datetime(2023, 12, 19),
        "النهار",
    ),
    "role-then-place": Case(
        '<p class="meta">By Staff Reporter | Doha | Published: 20 Aug 2024, 9:30 AM</p>',
        "By Staff Reporter | Doha | Published: 20 Aug 2024, 9:30 AM",
        (),
        datetime(2024, 8, 20, 9, 30),
    ),
    "credit-beside-photo-credit": Case(
        '<div class="authors"><span>كتبت - منى عادل</span><span>تصوير - كريم فوزي</span></div>'
        '<div class="date">السبت 27/يناير/2024 - 06:30 م</div>',
        "كتبت - منى عادل تصوير - كريم فوزي\n\nالسبت 27/يناير/2024 - 06:30 م",
        ("منى عادل",),
        datetime(2024, 1, 27, 18, 30),
    ),
    # Counter-case: a name with its place, no date, keeps its reading.
    "name-dash-city": Case(
        '<div class="x9">خالد العمري - القاهرة</div><div class="date">12 مايو 2024</div>',
        "خالد العمري - القاهرة\n\n12 مايو 2024",
        ("خالد العمري",),
        datetime(2024, 5, 12),
    ),
}

# A sentence of the body that names a person and a date: text, not a credit or a stamp.
SENTENCE = "وقال المدرب أحمد علي إن المعسكر المقبل سيبدأ في 12 مايو 2024"


def _html(meta: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in (*PARAGRAPHS[:2], SENTENCE, *PARAGRAPHS[2:]))
    return (
        f'<html lang="ar"><head><meta charset="utf-8"><title>{HEADLINE} | {SITE}</title></head>'
        f"<body><nav><a href='/'>الرئيسية</a> <a href='/s'>رياضة</a></nav><article>"
        f"<h1>{HEADLINE}</h1>{meta}{paragraphs}</article>"
        f"<footer><p>جميع الحقوق محفوظة © 2024 {SITE}</p></footer></body></html>"
    )


def _dump(meta: str, *, glued: bool = False) -> str:
    """The page as a dump without its <title> (as inscriptis prints it); ``glued``: as
    Markdown glues inline spans."""
    if glued:
        meta = meta.replace("عادل تصوير", "عادلتصوير")
    lines = [
        "الرئيسية | رياضة | اقتصاد",
        HEADLINE,
        meta,
        *PARAGRAPHS[:2],
        SENTENCE,
        *PARAGRAPHS[2:],
        f"جميع الحقوق محفوظة © 2024 {SITE}",
    ]
    return "\n\n".join(lines) + "\n"


def _read(text: str) -> Article:
    return extract(text, options=Options(reference=REFERENCE))


def _check(article: Article, case: Case, meta: str) -> None:
    assert article.authors == case.authors
    assert article.source == case.source
    assert article.published is not None
    assert article.published.replace(tzinfo=None) == case.published
    texts = [block.text for block in article.blocks]
    # The meta lines are not text; the sentence that names a person and a date is.
    assert not set(meta.split("\n\n")) & set(texts)
    assert SENTENCE in texts
    assert article.blocks[0].text == PARAGRAPHS[0]


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_html(case: Case) -> None:
    article = _read(_html(case.html))
    _check(article, case, case.dump)


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_dump(case: Case) -> None:
    _check(_read(_dump(case.dump)), case, case.dump)


def test_dump_with_the_spans_glued() -> None:
    case = CASES["credit-beside-photo-credit"]
    _check(_read(_dump(case.dump, glued=True)), case, _dump(case.dump, glued=True).split("\n\n")[2])


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # The HTML link to the desk's author page and the Markdown one agree: no person.
        (
            '<div class="meta"><a href="/author/r">المحرر</a> <span>5 مارس 2024</span></div>',
            (),
        ),
        ('[المحرر](/author/r "المحرر") 5 مارس 2024', ()),
        (
            '<div class="meta"><a href="/author/s">سارة المطيري</a> <span>5 مارس 2024</span></div>',
            ("سارة المطيري",),
        ),
        ('[سارة المطيري](/author/s "سارة المطيري") 5 مارس 2024', ("سارة المطيري",)),
    ],
    ids=["html-desk", "md-desk", "html-person", "md-person"],
)
def test_a_desk_linked_to_its_author_page_is_no_author(text: str, names: tuple[str, ...]) -> None:
    if text.startswith("<"):
        page = _html(text)
    else:
        page = f"# {HEADLINE}\n\n{text}\n\n" + "\n\n".join(PARAGRAPHS) + "\n"
    article = _read(page)
    assert article.authors == names
    assert article.published == datetime(2024, 3, 5)


@pytest.mark.parametrize(
    ("line", "start"),
    [
        ("بقلم أحمد علي - 12 مايو 2024", 16),
        ("بواسطة: خالد منصور منذ 3 ساعات", 19),
        ("محمد علي نشر في 12 مارس 2023", 9),
        # A date inside a sentence is followed by more words; a stamp first has no credit.
        ("سيبدأ المعسكر في 12 مايو 2024 بمشاركة اللاعبين", None),
        ("12 مايو 2024 - بقلم أحمد علي", None),
    ],
)
def test_stamp_start(line: str, start: int | None) -> None:
    assert stamp_start(line, find_dates(line, reference=REFERENCE)) == start


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("كتب: أحمد علي | 12 مايو 2024", Attribution(authors=("أحمد علي",))),
        ("الخرطوم: عثمان الطيب السبت, 10 أغسطس, 2024", Attribution(authors=("عثمان الطيب",))),
        ("دبي - وام تاريخ النشر: 03 يونيو 2024", Attribution(source="وام")),
        ("خالد العمري - القاهرة - 12 مايو 2024", Attribution(authors=("خالد العمري",))),
        # No credit before the date: a sentence, a photo credit.
        ("وقال المدرب أحمد علي إن المعسكر سيبدأ في 12 مايو 2024", None),
        ("التقى الرئيس محمد علي يوم 12 مايو 2024", None),
        ("تصوير: كريم فوزي 12 مايو 2024", None),
    ],
)
def test_credit_before_stamp(line: str, expected: Attribution | None) -> None:
    found = credit_before_stamp(line, find_dates(line, reference=REFERENCE))
    assert (found[0] if found else None) == expected


@pytest.mark.parametrize(
    ("line", "authors", "source"),
    [
        ("كتبت - منى عادل تصوير - كريم فوزي", ("منى عادل",), None),
        ("كتبت - منى عادلتصوير - كريم فوزي", ("منى عادل",), None),
        ("المصدر: النهار 19 كانون الأول 2023", (), "النهار"),
        ("By Jane Doe, Staff Reporter, Doha", ("Jane Doe", "Staff Reporter"), None),
        # A word that ends like a role but is a name's ("التحرير": too little before it).
        ("بقلم: محمد التحرير", ("محمد التحرير",), None),
    ],
)
def test_parse_byline(line: str, authors: tuple[str, ...], source: str | None) -> None:
    assert parse_byline(line) == Attribution(authors=authors, source=source)


@pytest.mark.parametrize(
    ("name", "desk"),
    [
        ("المحرر", True),
        ("La Rédaction", True),
        ("Staff", True),
        ("News Desk", True),
        ("سارة المطيري", False),
        ("Jane Doe", False),
    ],
)
def test_desk_names(name: str, desk: bool) -> None:
    assert is_desk_name(name) is desk
    assert usable_authors([name], frozenset()) == (() if desk else (name,))
