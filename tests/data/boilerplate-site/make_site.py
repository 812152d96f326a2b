"""Rebuild this folder's pages: ``python make_site.py CORPUS_DIR OUT_DIR`` (see README.md)."""

from __future__ import annotations

import sys
from pathlib import Path

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
DUMPS = [
    "ar-akhbarelyom-eg-2020",
    "ar-alyaum-sa-2020",
    "ar-elbaladtv-eg-2020",
    "ar-almadenahnews-jo-2020",
    "seed-maghreb",
]
# Lines longer than this many words are paragraphs: the banner goes before the first one, the
# footer after the last one, the quote before the middle one.
PARAGRAPH_WORDS = 25


def build(corpus: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for n, name in enumerate(DUMPS):
        lines = (corpus / "dumps" / f"{name}.txt").read_text("utf-8").split("\n")
        if n < 2:
            body = [i for i, line in enumerate(lines) if len(line.split()) > PARAGRAPH_WORDS]
            at = body[len(body) // 2]
            lines[at:at] = [QUOTE, ""]
        long = [i for i, line in enumerate(lines) if len(line.split()) > PARAGRAPH_WORDS]
        first, last = long[0], long[-1]
        lines = [*lines[:first], BANNER, *lines[first : last + 1], *FOOTER, *lines[last + 1 :]]
        page = [*MENU, *lines]
        text = "\n\n".join(line for line in page if line.strip()) + "\n"
        (out / f"page-{n + 1}.txt").write_text(text, "utf-8")


if __name__ == "__main__":
    build(Path(sys.argv[1]), Path(sys.argv[2]))
