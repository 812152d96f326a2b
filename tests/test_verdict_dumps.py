"""Both sides of the verdict on text and Markdown dumps.

A listing's dump (headlines over one-line summaries, no date) is refused by the golden fixtures
``nonarticle-dump-*``; here, the other side: every article dump the suite ships, with every
short line that states a date removed, is still an article. An undated article dump keeps its
headline line as article evidence unless its body is a run of teasers or of list items.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from article_extract import extract
from article_extract._dates import find_dates

FIXTURES = Path(__file__).parent / "fixtures"
# A stamp line ("الخميس 06 يناير 2022 - 10:30", or a byline and two stamps) is short; a
# paragraph that mentions a date is not removed.
MAX_STAMP_WORDS = 30


def _article_dumps() -> list[Path]:
    found = sorted(FIXTURES.glob("corpus-dumps/*/*.txt"))
    for folder in sorted(FIXTURES.iterdir()):
        expected = folder / "expected.json"
        if not expected.exists() or "error" in json.loads(expected.read_text("utf-8")):
            continue
        found += [p for p in (folder / "input.txt", folder / "input.md") if p.exists()]
    return found


def _undated(text: str) -> str:
    return "\n".join(
        line
        for line in text.split("\n")
        if not (len(line.split()) <= MAX_STAMP_WORDS and find_dates(line))
    )


@pytest.mark.parametrize("path", _article_dumps(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_an_article_dump_without_its_dates_is_still_an_article(path: Path) -> None:
    article = extract(_undated(path.read_text("utf-8")))
    assert article.body


def test_the_dumps_are_there_and_lose_their_dates() -> None:
    dumps = _article_dumps()
    assert len(dumps) >= 20
    dated = [p for p in dumps if extract(_undated(p.read_text("utf-8"))).published is not None]
    assert len(dated) <= len(dumps) // 10, dated


# --- what is never text, on both paths ------------------------------------------------------

SENTENCES = [
    "أعلنت وزارة الصحة، اليوم الثلاثاء، عن خطة شاملة لتطوير المستشفيات الحكومية في مختلف "
    "المحافظات، تشمل تحديث الأجهزة الطبية وزيادة عدد الأسرة.",
    "وقال المتحدث باسم الوزارة إن الخطة تمتد على ثلاث سنوات، وإن المرحلة الأولى ستبدأ في "
    "المحافظات الأكثر احتياجاً خلال الأشهر المقبلة.",
    "وأضاف أن الوزارة خصصت ميزانية كبيرة للمشروع، بالتعاون مع عدد من الجهات الدولية المانحة "
    "التي أبدت استعدادها لدعم القطاع الصحي.",
]
NOT_TEXT = [
    "https://www.example.com/news/2026/03/06/hospital-plan",
    # one tag: a dump that quotes more, this short, is sniffed as HTML (``_sniff``)
    'Embed <iframe src="https://player.example.com/embed/5738445" width="100%" height="290">',
]


def test_an_address_or_embed_code_between_paragraphs_is_not_text() -> None:
    noise = "".join(f"<p>{line.replace('<', '&lt;')}</p>" for line in NOT_TEXT)
    html = (
        "<html><head><title>الصحة تعلن خطة لتطوير المستشفيات</title></head><body><article>"
        "<h1>الصحة تعلن خطة لتطوير المستشفيات</h1><div class='entry-content'>"
        f"<p>{SENTENCES[0]}</p>{noise}<p>{SENTENCES[1]}</p><p>{SENTENCES[2]}</p>"
        "</div></article></body></html>"
    )
    dump = "الصحة تعلن خطة لتطوير المستشفيات\n\n" + "\n\n".join(
        [SENTENCES[0], *NOT_TEXT, SENTENCES[1], SENTENCES[2]]
    )
    for page in (html, dump):
        assert [b.text for b in extract(page).blocks] == SENTENCES


def test_a_sentence_that_cites_an_address_is_text() -> None:
    cited = (
        "ونشرت الوزارة تفاصيل الخطة على موقعها الرسمي www.example.gov، ودعت المواطنين إلى "
        "الاطلاع عليها."
    )
    dump = "الصحة تعلن خطة لتطوير المستشفيات\n\n" + "\n\n".join([*SENTENCES, cited])
    assert extract(dump).blocks[-1].text == cited
