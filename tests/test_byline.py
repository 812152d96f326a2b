"""Bylines, sources and agency credits."""

from __future__ import annotations

import pytest

from article_extract import extract
from article_extract._byline import (
    Attribution,
    agency_for_language,
    agency_name,
    is_caption_text,
    is_source_label,
    leading_credit,
    parse_byline,
    parse_names,
    split_trailing_credit,
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("المصدر بي بي سي", Attribution(source="بي بي سي")),
        ("المصدر: وكالة الأنباء الأردنية", Attribution(source="بترا")),
        ("نقلاً عن موقع الحرة", Attribution(source="موقع الحرة")),
        ("بقلم: أحمد علي", Attribution(authors=("أحمد علي",))),
        ("كتب ضحى عرفة", Attribution(authors=("ضحى عرفة",))),
        ("كتب - محمد حسن", Attribution(authors=("محمد حسن",))),
        ("كتبت:سارة محمود", Attribution(authors=("سارة محمود",))),
        ("إعداد: منى خالد، وليد سمير", Attribution(authors=("منى خالد", "وليد سمير"))),
        ("بواسطة يوسف عمر - القاهرة", Attribution(authors=("يوسف عمر",))),
        ("By Jane Doe and John Roe", Attribution(authors=("Jane Doe", "John Roe"))),
        ("Par Bertrand Martin", Attribution(authors=("Bertrand Martin",))),
        ("--(بترا)", Attribution(source="بترا")),
        ("(ومع)", Attribution(source="و م ع")),
        ("أ ف ب", Attribution(source="أ ف ب")),
        # two credit roles joined by "و" are one label; a labelled stamp after the names
        # is cut off
        ("تصوير وإعداد: محمد علي — نشر في 12 مارس 2023", Attribution(authors=("محمد علي",))),
        ("إعداد وتصوير: محمد علي نشر في 12 مارس 2023", Attribution(authors=("محمد علي",))),
        ("كتابة و تصوير - ليلى حسن", Attribution(authors=("ليلى حسن",))),
        ("By Jane Doe · Posted: Aug 8, 2024 4:00 AM", Attribution(authors=("Jane Doe",))),
    ],
)
def test_parse_byline(line: str, expected: Attribution) -> None:
    assert parse_byline(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "قررت روسيا إرسال قوات من منظمة معاهدة الأمن الجماعي للمساعدة في استقرار البلاد.",
        "المغرب تحت المجهر",
        "كتب الرئيس رسالة طويلة إلى رئيس الوزراء يطلب فيها توضيحات عن الموازنة العامة للعام المقبل",
        "المصدر الذي تحدث للصحيفة رفض الكشف عن هويته لأنه غير مخول بالحديث إلى وسائل الإعلام",
        "تصوير: محمد علي",  # a photo credit alone is a caption's
        "",
    ],
)
def test_not_a_byline(line: str) -> None:
    assert parse_byline(line) is None


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("أجريت خلال الساعات الماضية. --(بترا)", ("أجريت خلال الساعات الماضية.", "بترا")),
        ("وقال المتحدث إن البحث مستمر (رويترز)", ("وقال المتحدث إن البحث مستمر", "رويترز")),
        ("وأضاف في بيان (نشر أمس).", ("وأضاف في بيان (نشر أمس).", None)),
        ("بلا أي إشارة", ("بلا أي إشارة", None)),
    ],
)
def test_split_trailing_credit(paragraph: str, expected: tuple[str, str | None]) -> None:
    assert split_trailing_credit(paragraph) == expected


def test_leading_credit() -> None:
    assert leading_credit("الرياض (واس) - أعلنت الوزارة اليوم") == "واس"
    assert leading_credit("دمشق، سوريا (CNN) -- أكدت جهات") == "سي إن إن"
    assert leading_credit("قال (في بيان) - إن") is None


def test_agency_name_variants() -> None:
    assert agency_name("فرانس برس") == "أ ف ب"
    assert agency_name("أ.ف.ب") == "أ ف ب"
    assert agency_name("الأناضول") == "الأناضول"
    assert agency_name("وكالة غير معروفة") is None


@pytest.mark.parametrize(
    ("name", "language", "shown"),
    [
        ("أ ب", "en", "AP"),  # the first Latin spelling of the agency's table row
        ("رويترز", "de", "Reuters"),
        ("أ ب", "ar", "أ ب"),  # an Arabic page keeps the Arabic name
        ("أ ب", None, "أ ب"),
        ("وكالة غير معروفة", "en", "وكالة غير معروفة"),  # not an agency: as it is
    ],
)
def test_agency_for_language(name: str, language: str | None, shown: str) -> None:
    assert agency_for_language(name, language) == shown


def test_an_english_page_names_the_agency_in_latin_letters() -> None:
    paragraph = "<p>" + "The minister said on Tuesday that the plan would go ahead as agreed. " * 3
    page = (
        "<html lang='en'><body><article><h1>Jordan opens a new border crossing with Iraq</h1>"
        f"<p>AMMAN, Jordan (AP) — {paragraph[3:]}</p>{paragraph}</p>{paragraph}</p>"
        "</article></body></html>"
    )
    assert extract(page).source == "AP"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("نورهان نبيل", ("نورهان نبيل",)),
        ("بقلم: أحمد علي، منى خالد", ("أحمد علي", "منى خالد")),
        ("Jane Doe and John Roe", ("Jane Doe", "John Roe")),
        ("حسام أبو العلا - القاهرة", ("حسام أبو العلا",)),
        ("", ()),
        (
            "وقال المتحدث باسم الوزارة إن الخطة تمتد على ثلاث سنوات وإن المرحلة الأولى ستبدأ قريبا",
            (),
        ),
    ],
)
def test_parse_names(text: str, expected: tuple[str, ...]) -> None:
    assert parse_names(text) == expected


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("كتب: أحمد علي وسارة محمد", ("أحمد علي", "سارة محمد")),
        ("كتب: أحمد علي ووليد حسن", ("أحمد علي", "وليد حسن")),
        ("بقلم محمد وليد", ("محمد وليد",)),  # one name that happens to contain و
        ("By Sam Jones and Ana Ruiz", ("Sam Jones", "Ana Ruiz")),
    ],
)
def test_joint_bylines_name_every_author(line: str, authors: tuple[str, ...]) -> None:
    attribution = parse_byline(line)
    assert attribution is not None
    assert attribution.authors == authors


@pytest.mark.parametrize(
    ("line", "source"),
    [
        # a place, a dash, then a known agency: the story's dateline credit
        ("دمشق - سانا", "سانا"),
        ("دمشق-سانا", "سانا"),
        ("الرياض - واس", "واس"),
        ("الجزائر - وأج", "واج"),
        ("وكالات", "وكالات"),  # "agencies": compiled from the wires
        ("ب. سمير / وأج", "واج"),  # a reporter's signature over the agency's (Algeria's APS)
        # a name, a dash and a place; a photographer's credit after "/"
        ("خالد العمري - القاهرة", None),
        ("Andrew Harnik / AP", None),
        ("BERTRAND GUAY / AFP", None),
        # the part after the dash is not a known agency
        ("القاهرة - الشروق", None),
    ],
)
def test_signed_agency_credits(line: str, source: str | None) -> None:
    attribution = parse_byline(line)
    assert (attribution.source if attribution else None) == source


def test_dateline_credit_and_label_alone() -> None:
    assert parse_byline("(أبوظبي - البيان)") == Attribution(source="البيان")
    assert parse_byline("(صورة من الأرشيف)") is None
    assert is_source_label("المصدر:")
    assert is_source_label("Kaynak")
    assert not is_source_label("المصدر: بي بي سي")  # the source is on the same line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a photographer's credit closing a caption: name "/" outlet, in parentheses
        ("Protesters march through the old town in May 2023. (Jane Doe/The Daily Example)", True),
        ("Rescue teams search the debris of the building. (Ali Hassan/CBC)", True),
        ("A voter casts her ballot in the capital. (AP Photo/John Roe)", True),
        # near misses: a unit or a rate in parentheses, one word before the "/", no parentheses
        ("The new trains will run at up to 300 (km/h).", False),
        ("The helpline is open around the clock (24/7).", False),
        ("The summit brought together both alliances (EU/NATO).", False),
        ("Officials said the road would reopen on Monday, Jane Doe/The Daily Example said", False),
        # an agency in the final parentheses closes a caption…
        ("متظاهرون في شوارع العاصمة الخرطوم (رويترز)", True),
        ("الرئيس يتحدث في مؤتمر صحفي. (أ ف ب)", True),
        # … but not a paragraph that closes its sentence, then cites its agency
        (
            "ويطالب خبراء بإصلاح جذري لقطاع الكهرباء يشمل تحديث الشبكة المتهالكة وتشجيع مشاريع "
            "الطاقة الشمسية، معتبرين أن الحلول المؤقتة لم تعد كافية. (رويترز)",
            False,
        ),
        (
            "Les premières aides devraient être versées d'ici la fin du mois prochain, selon les "
            "services de la région. (AFP)",
            False,
        ),
        # a credit is a whole word: "(MAP)" is not AP's
        ("Le ministre a inauguré la nouvelle route (MAP)", False),
    ],
)
def test_caption_with_a_photographers_credit(text: str, expected: bool) -> None:
    assert is_caption_text(text) is expected
