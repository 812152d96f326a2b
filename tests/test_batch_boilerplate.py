"""--learn-boilerplate: a site's repeated template lines go, body text (even shared) stays."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from article_extract import Options, extract
from article_extract._batch.boilerplate import MIN_PAGES, learn_boilerplate
from article_extract._batch.readers import InputSpec, Reader, ReadSettings
from article_extract._lexicon import chrome_lexicon, match_key
from article_extract.cli import main

SITE = Path(__file__).parent / "data" / "boilerplate-site"
# The template tests/data/boilerplate-site/README.md describes (none of it is in the lexicon).
MENU = ["بوابة الوطن العربي", "سياسة عربية", "اقتصاد وأسواق", "رياضة محلية", "فنون ومنوعات"]
BANNER = (
    "يمكنكم متابعة آخر الأخبار العاجلة عبر تطبيق البوابة على الهواتف الذكية، "
    "وهو متوفر مجانا على المتجرين."
)
FOOTER = [
    "تصدر البوابة عن مؤسسة الوطن العربي للصحافة والنشر، ومقرها الرئيسي في شارع الجلاء بالقاهرة.",
    "يتلقى قسم التحرير ملاحظات القراء وتصويباتهم على مدار الساعة، ويرد عليها خلال يومين.",
]
QUOTE = (
    "وقال المتحدث باسم الأمم المتحدة إن المنظمة تتابع التطورات عن كثب، "
    "وتدعو جميع الأطراف إلى ضبط النفس واحترام القانون الدولي."
)
TEMPLATE = [*MENU, BANNER, *FOOTER]
PAGES = sorted(SITE.glob("page-*.txt"))


def _without_template(page: Path) -> str:
    lines = page.read_text("utf-8").split("\n")
    return "\n".join(line for line in lines if line not in TEMPLATE)


def _run(folder: Path, *extra: str, capsys: pytest.CaptureFixture[str]) -> dict[str, dict]:
    main([str(folder), "--glob", "page-*.txt", "--fields", "title,blocks", "-q", *extra])
    records = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    return {Path(r["input"]).name: r for r in records}


def test_the_fixture_is_what_the_test_assumes() -> None:
    assert len(PAGES) == 5
    lexicon = chrome_lexicon()
    assert not any(lexicon.is_chrome(line) for line in TEMPLATE)
    texts = [page.read_text("utf-8") for page in PAGES]
    assert all(all(line in text for line in TEMPLATE) for text in texts)
    assert [QUOTE in text for text in texts] == [True, True, False, False, False]


def test_a_single_page_cannot_tell_its_template_from_its_text(
    capsys: pytest.CaptureFixture[str],
) -> None:
    plain = _run(SITE, capsys=capsys)
    leaked = sum(
        any(block["text"] in (BANNER, *FOOTER) for block in record["blocks"])
        for record in plain.values()
    )
    assert leaked >= 3  # most pages keep some of the template in their body


def test_learning_removes_the_template_and_keeps_every_body_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    learned = _run(SITE, "--learn-boilerplate", "--workers", "2", capsys=capsys)
    for page in PAGES:
        record = learned[page.name]
        texts = [block["text"] for block in record["blocks"]]
        assert not set(texts) & set(TEMPLATE), page.name
        # The page as the publisher wrote it, without the site's template: the same article.
        original = extract(_without_template(page))
        assert record["title"] == original.title, page.name
        assert texts == [block.text for block in original.blocks], page.name
    assert QUOTE in [b["text"] for b in learned["page-1.txt"]["blocks"]]
    assert QUOTE in [b["text"] for b in learned["page-2.txt"]["blocks"]]


def test_what_is_learned(tmp_path: Path) -> None:
    reader = Reader([InputSpec(str(SITE))], ReadSettings(globs=("page-*.txt",)))
    learned = learn_boilerplate(reader, workers=1)
    (site,) = learned
    assert site == str(SITE)  # no URL: the folder is the site
    keys = learned[site]
    assert {match_key(line) for line in TEMPLATE} <= keys
    assert match_key(QUOTE) not in keys  # two pages of five: neither MIN_PAGES nor half
    assert MIN_PAGES > 2


def test_sites_are_learned_apart(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Two pages per folder: too few for either folder to learn anything.
    for n, page in enumerate(PAGES[:4]):
        folder = tmp_path / f"site-{n % 2}"
        folder.mkdir(exist_ok=True)
        shutil.copy(page, folder)
    reader = Reader([InputSpec(str(tmp_path))], ReadSettings())
    assert learn_boilerplate(reader, workers=1) == {}


def test_html_bodies_drop_learned_blocks() -> None:
    footer = "هذا المحتوى محمي بحقوق النشر لدى مؤسسة الوطن العربي ولا يجوز نقله دون إذن مكتوب مسبق."
    paragraphs = [
        "قالت الحكومة اليوم إنها ستبدأ تنفيذ خطة جديدة لإصلاح قطاع النقل العام في المدن الكبرى.",
        "وأضاف الوزير أن الخطة تشمل شراء حافلات جديدة وتوسيع شبكة القطارات خلال السنوات المقبلة.",
        footer,
    ]
    page = (
        '<html lang="ar"><head><title>خطة النقل</title>'
        '<meta property="og:type" content="article">'
        '<meta property="article:published_time" content="2024-03-05T10:00:00+03:00">'
        "</head><body><article><h1>خطة جديدة للنقل العام</h1>"
        '<time datetime="2024-03-05T10:00:00+03:00">5 مارس 2024</time>'
        + "".join(f"<p>{p}</p>" for p in paragraphs * 2)
        + "</article></body></html>"
    )
    plain = extract(page)
    assert footer in plain.body
    learned = extract(page, options=Options(boilerplate=frozenset({match_key(footer)})))
    assert footer not in learned.body
    assert [b.text for b in learned.blocks] == [b.text for b in plain.blocks if b.text != footer]
    assert len(learned.blocks) >= 2
