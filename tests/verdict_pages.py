"""Synthetic CMS pages for the article-or-not verdict (``test_verdict_kinds.py``).

Each builder returns a whole page as a news site serves it: a site header with its menu, a
breaking-news ticker, the main column, a sidebar of most-read stories and a footer. Two shells
stand for the two kinds of theme a scraper meets: ``semantic`` (``<header>``, ``<nav>``,
``<main>``, ``<aside>``, ``<footer>``, ``<article>``) and ``divs`` (Bootstrap-style ``<div>``
soup whose class names say little). The pages that are not articles (author archives, date
archives, data tables, video and photo pages without text, error and cookie pages) stand next
to their near-miss articles (a short item above a related grid, a table inside the text, a
column with its writer's box, a video or a gallery with a real text), so that a rule that
refuses the first kind is seen to keep the second.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from itertools import cycle, islice
from typing import Literal

import lxml.html

Shell = Literal["semantic", "divs"]
SHELLS: tuple[Shell, ...] = ("semantic", "divs")

SITE = "صدى الوطن"
HOST = "https://www.sada-alwatan.net"

HEADLINES = (
    "الحكومة تعلن حزمة إجراءات جديدة لدعم صغار المزارعين",
    "ارتفاع أسعار الذهب في التعاملات المسائية وسط ترقب لقرار الفائدة",
    "وزير التعليم: امتحانات الثانوية العامة في موعدها دون تأجيل",
    "الأرصاد تحذر من موجة حارة تضرب البلاد بدءاً من الغد",
    "انطلاق فعاليات معرض الكتاب بمشاركة 30 دولة عربية وأجنبية",
    "المنتخب الوطني يواجه نظيره التونسي ودياً استعداداً للتصفيات",
    "البنك المركزي يبقي أسعار الفائدة دون تغيير للمرة الثالثة",
    "افتتاح أكبر محطة لتحلية مياه البحر في المنطقة الشرقية",
    "وفد اقتصادي يبحث فرص الاستثمار في قطاع الطاقة المتجددة",
    "الصحة: تطعيم أكثر من مليون طفل ضد شلل الأطفال خلال أسبوع",
    "مجلس النواب يوافق نهائياً على قانون الإيجار الجديد",
    "ضبط شبكة لتهريب الآثار في عملية أمنية بالصعيد",
    "تراجع معدل التضخم السنوي إلى أدنى مستوى في عامين",
    "الرئيس يستقبل نظيره الفرنسي في زيارة رسمية تستمر يومين",
    "جامعة القاهرة تتقدم 50 مركزاً في تصنيف الجامعات العالمي",
    "هيئة الطيران: استئناف الرحلات إلى بيروت الأسبوع المقبل",
    "الزمالك يتعاقد مع مدرب برتغالي لمدة موسمين",
    "إطلاق منصة رقمية موحدة لخدمات السجل المدني",
    "محافظ الإسكندرية يتفقد أعمال تطوير الكورنيش",
    "دراسة: ساعة من المشي يومياً تخفض خطر أمراض القلب",
    "أسعار النفط تقفز بعد خفض الإنتاج من كبار المنتجين",
    "الأمم المتحدة تطلق نداء عاجلاً لإغاثة النازحين في السودان",
    "وزارة الإسكان تطرح 20 ألف وحدة سكنية لمحدودي الدخل",
    "مهرجان الموسيقى العربية يكرم عشرة فنانين في دورته الجديدة",
    "القبض على متهم بالنصب على المواطنين عبر تطبيقات الهاتف",
    "شركة ناشئة محلية تجمع 15 مليون دولار في جولة تمويل جديدة",
    "الداخلية تعلن ضوابط جديدة لاستخراج رخص القيادة",
    "توقعات بارتفاع صادرات الحمضيات إلى مستوى قياسي هذا العام",
    "بدء التشغيل التجريبي للخط الثالث من مترو الأنفاق",
    "وزير الخارجية يبحث مع نظيره الأردني تطورات الأوضاع في المنطقة",
    "تحذيرات من رسائل احتيالية تنتحل صفة البنوك",
    "الأهلي يتأهل إلى نهائي دوري أبطال أفريقيا",
    "اكتشاف أثري جديد في منطقة سقارة يعود للدولة الحديثة",
    "الحكومة تبحث رفع الحد الأدنى للأجور مطلع العام المقبل",
    "إغلاق مؤقت لطريق الساحل الشمالي لأعمال الصيانة",
)

EXCERPTS = (
    "قال مصدر مسؤول إن القرار يدخل حيز التنفيذ مطلع الشهر المقبل.",
    "تأتي الخطوة في إطار خطة شاملة تستهدف تحسين الخدمات المقدمة للمواطنين.",
    "أكد المتحدث الرسمي أن الجهات المعنية تتابع الموقف على مدار الساعة.",
    "يشارك في الفعالية عدد كبير من الخبراء والمتخصصين من داخل البلاد وخارجها.",
    "أوضح البيان أن الأعمال ستنتهي قبل الموعد المحدد بأسابيع.",
)

EN_HEADLINES = (
    "Central bank holds rates steady for a third straight meeting",
    "Heatwave warning issued as temperatures set to top 45 degrees",
    "Parliament passes long-awaited rent reform bill",
    "Startup raises $15 million to expand into Gulf markets",
    "National team names squad for World Cup qualifiers",
    "Metro line three begins trial operations next week",
    "Oil prices jump after producers agree deeper output cuts",
    "UN launches emergency appeal for displaced families in Sudan",
    "Archaeologists uncover New Kingdom tomb at Saqqara",
    "Government weighs minimum wage rise from January",
    "Police warn of text scams impersonating banks",
    "University climbs 50 places in global rankings",
)

SECTIONS = ("سياسة", "اقتصاد", "رياضة", "محليات", "ثقافة", "صحة")

# Body text of the near-miss articles: sentences of a news report.
REPORT = (
    "أعلنت وزارة الزراعة، صباح اليوم الأحد، عن إطلاق برنامج جديد لدعم صغار المزارعين في "
    "المحافظات الجنوبية، يتضمن قروضاً ميسرة بدون فوائد وتوفير البذور المحسنة بأسعار مخفضة.",
    "وقال وزير الزراعة في مؤتمر صحفي إن البرنامج يستهدف أكثر من مئتي ألف مزارع خلال العام "
    "الأول، وإن الحكومة رصدت له ميزانية تتجاوز ملياري جنيه.",
    "وأضاف أن التسجيل في البرنامج سيكون إلكترونياً عبر منصة الوزارة، على أن تبدأ المرحلة "
    "الأولى في محافظتي أسوان والأقصر مطلع الشهر المقبل.",
    "من جهته، رحب نقيب الفلاحين بالقرار، مشيراً إلى أن ارتفاع تكاليف الإنتاج خلال العامين "
    "الماضيين دفع كثيراً من المزارعين إلى ترك أراضيهم دون زراعة.",
    "وطالب النقيب بتوسيع البرنامج ليشمل مزارعي الدلتا، وبمراجعة أسعار توريد المحاصيل "
    "الاستراتيجية بما يضمن هامش ربح عادلاً للمزارع.",
    "ويأتي الإعلان بعد أسابيع من اجتماع موسع عقده رئيس الوزراء مع ممثلي الجمعيات الزراعية، "
    "ناقش خلاله سبل الحد من تفتت الحيازات وتراجع الرقعة المزروعة.",
    "وتشير بيانات الجهاز المركزي للإحصاء إلى أن القطاع الزراعي يوظف نحو ربع القوى العاملة "
    "في البلاد، ويسهم بنحو أحد عشر في المئة من الناتج المحلي الإجمالي.",
    "ويرى خبراء أن نجاح البرنامج مرهون بسرعة صرف القروض وتبسيط إجراءاتها، وبوصول الدعم "
    "إلى مستحقيه الفعليين لا إلى كبار الملاك.",
)

COLUMN = (
    "ليس جديداً أن نقول إن أزمة المياه في منطقتنا لم تعد أزمة مستقبلية، بل صارت واقعاً يومياً "
    "يعيشه الملايين في المدن والقرى على حد سواء، من انقطاع الإمدادات إلى تلوث المصادر.",
    "لكن الجديد هو أن الحلول التي طرحت خلال العقدين الماضيين لم تعد كافية، فتحلية مياه البحر "
    "مكلفة وتحتاج إلى طاقة هائلة، والسدود الكبرى أثبتت أن لها أثماناً بيئية وسياسية باهظة.",
    "في تقديري، تبدأ المعالجة الحقيقية من إعادة النظر في أنماط الاستهلاك، إذ تذهب نسبة كبيرة "
    "من المياه العذبة إلى ري محاصيل شرهة للمياه يمكن استيرادها بكلفة أقل.",
    "ثم إن شبكات التوزيع المتهالكة تهدر في بعض المدن ما يقارب ثلث المياه قبل أن تصل إلى "
    "المنازل، وهذا هدر لا تعالجه أي محطة تحلية مهما بلغت طاقتها.",
    "وهنا يأتي دور التشريع: فلا يعقل أن تبقى تسعيرة المياه واحدة للمنازل والمنتجعات وملاعب "
    "الغولف، ولا أن تبقى الآبار الجوفية تحفر بلا ترخيص ولا رقابة.",
    "كما أن التعاون الإقليمي لم يعد ترفاً دبلوماسياً، فالأنهار المشتركة والأحواض الجوفية "
    "العابرة للحدود تحتاج إلى اتفاقات ملزمة تحفظ حقوق الجميع.",
    "ولا أريد أن أبدو متشائماً، فثمة تجارب ناجحة في المنطقة، من إعادة استخدام المياه المعالجة "
    "في الزراعة إلى الري بالتنقيط الذي خفض الاستهلاك إلى النصف في بعض المشروعات.",
    "غير أن هذه التجارب تبقى جزراً معزولة ما لم تتحول إلى سياسة عامة، تشارك فيها الحكومات "
    "والمجتمعات المحلية والقطاع الخاص، وتقاس نتائجها بالأرقام لا بالتصريحات.",
    "إن الماء ليس سلعة كغيرها، بل هو شرط الحياة نفسها، وكل تأخير في مواجهة أزمته ندفع ثمنه "
    "مضاعفاً من صحة أطفالنا ومن أمننا الغذائي ومن استقرار مجتمعاتنا.",
)


def _slug(n: int) -> str:
    return f"{HOST}/news/2024/05/{1 + n % 28:02d}/{40000 + n * 37}"


def _headlines(count: int, start: int = 0) -> list[str]:
    return list(islice(cycle(HEADLINES), start, start + count))


# The shell's own wording, by the page's language.
_SHELL_WORDS: dict[str, dict[str, object]] = {
    "ar": {
        "site": SITE,
        "menu": ("الرئيسية", *SECTIONS, "فيديو", "صور", "كتاب ومقالات"),
        "menu_label": "القائمة الرئيسية",
        "most_read": "الأكثر قراءة",
        "headlines": HEADLINES,
        "newsletter": ("النشرة البريدية", "اشترك الآن ليصلك ملخص أهم الأخبار يومياً."),
        "about": f"{SITE} موقع إخباري مستقل يقدم الأخبار العاجلة والتقارير والتحليلات على "
        "مدار الساعة.",
        "links": ("من نحن", "اتصل بنا", "سياسة الخصوصية", "شروط الاستخدام", "أعلن معنا"),
        "copyright": f"جميع الحقوق محفوظة © 2024 {SITE}",
        "breaking": "عاجل",
        "ticker": HEADLINES[7],
    },
    "en": {
        "site": "Sada Al-Watan",
        "menu": ("Home", "Politics", "Business", "Sport", "Culture", "Video", "Opinion"),
        "menu_label": "Main menu",
        "most_read": "Most read",
        "headlines": EN_HEADLINES,
        "newsletter": ("Newsletter", "Sign up to get the day's top stories in your inbox."),
        "about": "Sada Al-Watan is an independent news site, publishing breaking news, "
        "reports and analysis around the clock.",
        "links": ("About us", "Contact us", "Privacy policy", "Terms of use", "Advertise"),
        "copyright": "© 2024 Sada Al-Watan. All rights reserved.",
        "breaking": "Breaking",
        "ticker": "Storm closes coastal highway as rescue teams reach stranded drivers",
    },
}


def _words(lang: str, key: str) -> Sequence[str]:
    value = _SHELL_WORDS[lang][key]
    assert isinstance(value, tuple)
    return value


def _word(lang: str, key: str) -> str:
    value = _SHELL_WORDS[lang][key]
    assert isinstance(value, str)
    return value


def _menu(shell: Shell, lang: str) -> str:
    items = "".join(
        f'<li><a href="{HOST}/section/{i}">{s}</a></li>' for i, s in enumerate(_words(lang, "menu"))
    )
    if shell == "semantic":
        label = _word(lang, "menu_label")
        return f'<nav class="main-nav" aria-label="{label}"><ul>{items}</ul></nav>'
    return f'<div class="navbar-collapse"><ul class="nav navbar-nav">{items}</ul></div>'


def _sidebar(shell: Shell, lang: str) -> str:
    headlines = _words(lang, "headlines")
    items = "".join(
        f'<li><span class="num">{i + 1}</span><a href="{_slug(100 + i)}">{h}</a></li>'
        for i, h in enumerate(headlines[-5:])
    )
    box = (
        '<div class="widget most-read">'
        f'<div class="widget-title">{_word(lang, "most_read")}</div><ol>{items}</ol></div>'
    )
    label, text = _words(lang, "newsletter")
    newsletter = (
        f'<div class="widget newsletter"><div class="widget-title">{label}</div>'
        f"<p>{text}</p><input type=email></div>"
    )
    if shell == "semantic":
        return f'<aside class="sidebar">{box}{newsletter}</aside>'
    return f'<div class="col-md-4 col-sm-12">{box}{newsletter}</div>'


def _footer(shell: Shell, lang: str) -> str:
    links = "".join(
        f'<li><a href="{HOST}/p/{i}">{t}</a></li>' for i, t in enumerate(_words(lang, "links"))
    )
    inner = (
        f'<div class="footer-about"><p>{_word(lang, "about")}</p></div>'
        f'<ul class="footer-links">{links}</ul>'
        f'<div class="copyright">{_word(lang, "copyright")}</div>'
    )
    if shell == "semantic":
        return f'<footer class="site-footer">{inner}</footer>'
    return f'<div class="footer-area"><div class="container">{inner}</div></div>'


def _ticker(lang: str) -> str:
    return (
        f'<div class="breaking-news"><span class="label">{_word(lang, "breaking")}</span>'
        f'<a href="{_slug(300)}">{_word(lang, "ticker")}</a></div>'
    )


def _head(title: str, meta: dict[str, str], ld: dict[str, object] | None, lang: str) -> str:
    tags = "".join(
        f'<meta property="{k}" content="{v}">'
        if k.startswith(("og:", "article:"))
        else f'<meta name="{k}" content="{v}">'
        for k, v in meta.items()
    )
    script = (
        f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>'
        if ld
        else ""
    )
    site = _word(lang, "site")
    return (
        f'<head><meta charset="utf-8"><title>{title} - {site}</title>'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">{tags}{script}'
        '<link rel="stylesheet" href="/assets/css/main.css"></head>'
    )


def page(
    title: str,
    main: str,
    shell: Shell,
    *,
    meta: dict[str, str] | None = None,
    ld: dict[str, object] | None = None,
    lang: str = "ar",
) -> str:
    """A whole page: ``main`` in the main column of the site's shell."""
    direction = "rtl" if lang == "ar" else "ltr"
    logo = f'<a class="logo" href="{HOST}/">{_word(lang, "site")}</a>'
    menu, ticker, side = _menu(shell, lang), _ticker(lang), _sidebar(shell, lang)
    if shell == "semantic":
        body = (
            f'<header class="site-header">{logo}{menu}</header>{ticker}'
            f'<div class="container"><main class="site-main">{main}</main>{side}</div>'
        )
    else:
        body = (
            f'<div class="top-bar"><div class="container">{logo}{menu}</div></div>'
            f'{ticker}<div class="container"><div class="row">'
            f'<div class="col-md-8 col-sm-12">{main}</div>{side}</div></div>'
        )
    body += _footer(shell, lang)
    return (
        f'<!DOCTYPE html><html lang="{lang}" dir="{direction}">'
        f"{_head(title, meta or {}, ld, lang)}<body>{body}</body></html>"
    )


def _news_ld(headline: str, url: str, kind: str = "NewsArticle") -> dict[str, object]:
    return {
        "@context": "https://schema.org",
        "@type": kind,
        "headline": headline,
        "datePublished": "2024-05-12T10:30:00+03:00",
        "mainEntityOfPage": url,
        "publisher": {"@type": "Organization", "name": SITE},
    }


def _article_meta(headline: str, url: str, og_type: str = "article") -> dict[str, str]:
    return {
        "og:type": og_type,
        "og:title": headline,
        "og:url": url,
        "og:site_name": SITE,
        "article:published_time": "2024-05-12T10:30:00+03:00",
    }


def _news_page(headline: str, main: str, shell: Shell, url: str) -> str:
    """A page whose metadata describes a news article (og:type article, JSON-LD)."""
    return page(
        headline, main, shell, meta=_article_meta(headline, url), ld=_news_ld(headline, url)
    )


def _teaser_grid(
    label: str, count: int, start: int, *, tag: str = "h3", excerpts: bool = False
) -> str:
    """A grid of teaser cards (image, section, linked headline, optional excerpt)."""
    cards = []
    for i, headline in enumerate(_headlines(count, start)):
        url = _slug(start + i)
        excerpt = f'<p class="excerpt">{EXCERPTS[i % len(EXCERPTS)]}</p>' if excerpts else ""
        cards.append(
            f'<div class="card"><a href="{url}"><img src="/img/{start + i}.jpg" alt=""></a>'
            f'<span class="cat">{SECTIONS[i % len(SECTIONS)]}</span>'
            f'<{tag} class="card-title"><a href="{url}">{headline}</a></{tag}>{excerpt}</div>'
        )
    return f'<div class="related-grid"><h2 class="block-title">{label}</h2>{"".join(cards)}</div>'


def _share() -> str:
    return (
        '<div class="share"><span>شارك</span><a href="#">فيسبوك</a><a href="#">تويتر</a>'
        '<a href="#">واتساب</a></div>'
    )


def _article(inner: str, shell: Shell) -> str:
    if shell == "semantic":
        return f'<article class="post">{inner}</article>'
    return f'<div class="news-details">{inner}</div>'


def _text(inner: str, shell: Shell) -> str:
    cls = "entry-content" if shell == "semantic" else "details-text"
    return f'<div class="{cls}">{inner}</div>'


def _paragraphs(sentences: Sequence[str]) -> str:
    return "".join(f"<p>{s}</p>" for s in sentences)


def _stamp() -> str:
    return (
        '<div class="meta"><time datetime="2024-05-12T10:30">'
        "الأحد 12 مايو 2024 - 10:30 ص</time></div>"
    )


# --- pages that are not articles -----------------------------------------------------------


def author_archive(
    shell: Shell, *, tag: str = "h3", excerpts: bool = True, long_bio: bool = False
) -> str:
    """A writer's page: name, photo, a short bio, then the writer's articles, paged."""
    items = []
    for i, headline in enumerate(_headlines(10, 3)):
        url = f"{HOST}/opinion/2024/{5 - i // 4:02d}/{8800 + i}"
        excerpt = f'<p class="excerpt">{EXCERPTS[i % len(EXCERPTS)]}</p>' if excerpts else ""
        items.append(
            f'<div class="post-item"><a href="{url}"><img src="/img/o{i}.jpg" alt=""></a>'
            f'<{tag}><a href="{url}">{headline}</a></{tag}>'
            f'<span class="date">{12 - i} مايو 2024</span>{excerpt}</div>'
        )
    more = (
        " حصل على جائزة الصحافة العربية عام 2016 عن سلسلة تحقيقات حول الهجرة، وصدر له "
        "كتابان عن الإعلام والسياسة."
        if long_bio
        else ""
    )
    main = (
        '<div class="author-header"><img class="avatar" src="/img/writer.jpg" alt="">'
        '<h1 class="author-name">د. سامي الخطيب</h1>'
        '<p class="author-bio">كاتب صحفي ومحلل سياسي، يكتب في الشؤون العربية والدولية منذ عام '
        f"2005، وعمل في عدد من الصحف العربية الكبرى.{more}</p></div>"
        '<h2 class="section-title">مقالات الكاتب</h2>'
        f'<div class="posts-list">{"".join(items)}</div>'
        '<div class="pagination"><a href="?page=1">1</a><a href="?page=2">2</a>'
        '<a href="?page=3">3</a><a href="?page=2">التالي</a></div>'
    )
    meta = {"og:type": "profile", "og:title": "د. سامي الخطيب", "og:site_name": SITE}
    return page("د. سامي الخطيب", main, shell, meta=meta)


def author_archive_en(shell: Shell) -> str:
    items = []
    for i, headline in enumerate(EN_HEADLINES[:9]):
        url = f"{HOST}/en/opinion/2024/05/{9100 + i}"
        items.append(
            f'<div class="post-item"><h3><a href="{url}">{headline}</a></h3>'
            f'<span class="date">May {12 - i}, 2024</span>'
            "<p>Our columnist looks at what the decision means for households.</p></div>"
        )
    main = (
        '<div class="author-header"><img src="/img/writer.jpg" alt=""><h1>Sarah Haddad</h1>'
        "<p>Sarah Haddad is our economics editor. She has covered Gulf markets since 2011 and "
        "previously worked for a regional business weekly.</p></div>"
        f'<h2>Latest from Sarah Haddad</h2><div class="posts">{"".join(items)}</div>'
    )
    return page("Sarah Haddad", main, shell, meta={"og:type": "profile"}, lang="en")


def date_archive(shell: Shell) -> str:
    """One day's archive: each item one linked headline, a time and a section label."""
    items = "".join(
        f'<li><a href="{_slug(i)}">{h}</a> <time>{23 - i % 24:02d}:{(i * 7) % 60:02d}</time>'
        f' <span class="cat">{SECTIONS[i % len(SECTIONS)]}</span></li>'
        for i, h in enumerate(_headlines(28))
    )
    main = (
        '<h1 class="archive-title">أرشيف الأخبار: الأحد 12 مايو 2024</h1>'
        f'<ul class="archive-list">{items}</ul>'
        '<div class="archive-nav"><a href="#">اليوم السابق</a> <a href="#">اليوم التالي</a></div>'
    )
    return page("أرشيف الأخبار 12 مايو 2024", main, shell, meta={"og:type": "website"})


def _table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    th = "".join(f"<th>{c}</th>" for c in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="data-table"><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>'


PRAYER_TABLE = _table(
    ("الصلاة", "الموعد"),
    (
        ("الفجر", "04:18 ص"),
        ("الشروق", "05:59 ص"),
        ("الظهر", "12:51 م"),
        ("العصر", "04:28 م"),
        ("المغرب", "07:43 م"),
        ("العشاء", "09:11 م"),
    ),
)
RATES_TABLE = _table(
    ("العملة", "سعر الشراء", "سعر البيع"),
    (
        ("الدولار الأمريكي", "47.35", "47.45"),
        ("اليورو", "51.10", "51.28"),
        ("الجنيه الإسترليني", "59.62", "59.85"),
        ("الريال السعودي", "12.60", "12.65"),
        ("الدينار الكويتي", "153.70", "154.20"),
        ("الدرهم الإماراتي", "12.88", "12.92"),
    ),
)
SCORES_TABLE = _table(
    ("المباراة", "النتيجة", "الحالة"),
    (
        ("الأهلي × الزمالك", "2 - 1", "انتهت"),
        ("الإسماعيلي × المصري", "0 - 0", "الشوط الثاني"),
        ("بيراميدز × سموحة", "3 - 1", "انتهت"),
        ("إنبي × طلائع الجيش", "1 - 1", "انتهت"),
        ("فاركو × الاتحاد", "-", "لم تبدأ"),
    ),
)


def table_page(shell: Shell, kind: Literal["prayer", "rates", "scores"]) -> str:
    """A data page: a dated headline, one table, a one-line note."""
    title, table, note = {
        "prayer": (
            "مواقيت الصلاة في القاهرة اليوم الأحد 12 مايو 2024",
            PRAYER_TABLE,
            "المواقيت حسب الهيئة العامة للمساحة وقد تختلف دقيقة أو دقيقتين.",
        ),
        "rates": (
            "أسعار العملات اليوم الأحد 12 مايو 2024 في البنوك",
            RATES_TABLE,
            "الأسعار استرشادية وقد تختلف من بنك لآخر.",
        ),
        "scores": (
            "نتائج مباريات الدوري اليوم الأحد 12 مايو 2024",
            SCORES_TABLE,
            "يتم تحديث النتائج مباشرة.",
        ),
    }[kind]
    main = f'<div class="page-content"><h1>{title}</h1>{table}<p class="note">{note}</p></div>'
    return page(title, main, shell, meta={"og:type": "website", "og:title": title})


def video_page(shell: Shell) -> str:
    """A video page: the player, one sentence, a grid of related videos."""
    headline = "فيديو | لحظة انهيار مبنى سكني في حي الشاطبي بالإسكندرية"
    url = f"{HOST}/video/2024/05/12/77120"
    main = _article(
        f"<h1>{headline}</h1>{_stamp()}"
        '<div class="video-player"><iframe src="https://www.youtube.com/embed/xyz"></iframe></div>'
        '<div class="video-desc"><p>رصدت كاميرات المراقبة لحظة انهيار مبنى سكني مكون من خمسة '
        "طوابق في حي الشاطبي بالإسكندرية.</p></div>"
        + _share()
        + _teaser_grid("فيديوهات ذات صلة", 8, 5),
        shell,
    )
    return page(
        headline,
        main,
        shell,
        meta=_article_meta(headline, url, "video.other"),
        ld=_news_ld(headline, url, "VideoObject"),
    )


GALLERY_CAPTIONS = (
    "جانب من حفل الافتتاح في ساحة القلعة",
    "فرقة الفنون الشعبية خلال العرض",
    "زوار يتجولون في معرض المشغولات اليدوية",
    "سيدات الواحة يعرضن التطريز التقليدي",
    "جناح التمور وزيت الزيتون",
    "ليلة السمر البدوي في الصحراء",
    "أطفال يشاركون في ورشة الرسم",
    "لقطة عامة للمهرجان عند الغروب",
)


def _figures(count: int, *, stop: str = "") -> str:
    return "".join(
        f'<figure class="gallery-item"><img src="/img/g{i}.jpg" alt="">'
        f"<figcaption>{c}{stop}</figcaption></figure>"
        for i, c in enumerate(GALLERY_CAPTIONS[:count])
    )


def gallery_page(shell: Shell, *, stop: str = "") -> str:
    """A photo gallery: images with one-line captions (each ending in ``stop``), no text
    (og:type article all the same)."""
    headline = "بالصور.. مهرجان السياحة البيئية في واحة سيوة"
    url = f"{HOST}/photos/2024/05/12/5510"
    main = _article(
        f"<h1>{headline}</h1>{_stamp()}"
        f'<div class="gallery">{_figures(8, stop=stop)}</div>{_share()}'
        + _teaser_grid("ألبومات أخرى", 6, 12),
        shell,
    )
    return _news_page(headline, main, shell, url)


def error_page_with_teasers(shell: Shell, *, titled: bool = True) -> str:
    """A 404 page that fills its column with latest-news and related grids; ``titled``: its
    ``<title>`` and ``<h1>`` say so (else only its text does)."""
    heading = "<h1>الصفحة غير موجودة</h1>" if titled else "<h2>عذراً!</h2>"
    main = (
        f'<div class="error-404">{heading}'
        "<p>عذراً، الصفحة التي تبحث عنها غير موجودة أو ربما تم نقلها أو حذفها.</p>"
        f'<p><a href="{HOST}/">العودة إلى الصفحة الرئيسية</a></p></div>'
        + _teaser_grid("أخبار ذات صلة", 6, 0, excerpts=True)
        + _teaser_grid("آخر الأخبار", 8, 10, excerpts=True)
    )
    return page("الصفحة غير موجودة" if titled else SITE, main, shell)


def error_page_with_teasers_en(shell: Shell) -> str:
    cards = "".join(
        f'<div class="card"><h3><a href="{HOST}/en/{i}">{h}</a></h3>'
        "<p>Read the full story and the reactions from across the region.</p></div>"
        for i, h in enumerate(EN_HEADLINES)
    )
    main = (
        "<h1>Sorry, we couldn't find that page</h1><p>The page you are looking for may have "
        f'been removed or never existed.</p><h2>Latest news</h2><div class="grid">{cards}</div>'
    )
    return page("Page not found", main, shell, lang="en")


def cookie_page(shell: Shell) -> str:
    """A page scraped before its script ran: the shell and a cookie-consent box, nothing else."""
    main = (
        '<div id="app"></div><div class="cookie-consent" role="dialog">'
        "<p>نحن نستخدم ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك على موقعنا ولعرض محتوى "
        "وإعلانات تناسب اهتماماتك. بالاستمرار في تصفح الموقع فإنك توافق على استخدامنا لهذه "
        "الملفات وفقاً لسياسة الخصوصية.</p>"
        "<button>موافق</button><button>إعدادات الكوكيز</button></div>"
    )
    return page(SITE, main, shell)


# --- articles that must stay articles --------------------------------------------------------


def short_news(
    shell: Shell, *, metadata: bool = True, headline: str = HEADLINES[0], paragraphs: int = 3
) -> str:
    """A short item of a few paragraphs above a related-articles grid with excerpts."""
    url = f"{HOST}/news/2024/05/12/41000"
    main = _article(
        f"<h1>{headline}</h1>{_stamp()}"
        + _text(_paragraphs(REPORT[:paragraphs]), shell)
        + _share()
        + _teaser_grid("أخبار ذات صلة", 8, 1, excerpts=True),
        shell,
    )
    if not metadata:
        return page(headline, main, shell)
    return _news_page(headline, main, shell, url)


def article_with_table(shell: Shell) -> str:
    headline = "البنك المركزي يثبت أسعار الفائدة والدولار يستقر في البنوك"
    url = f"{HOST}/economy/2024/05/12/41200"
    text = (
        _paragraphs(
            (
                "قررت لجنة السياسة النقدية بالبنك المركزي، في اجتماعها مساء الخميس، الإبقاء "
                "على أسعار الفائدة دون تغيير للمرة الثالثة على التوالي.",
                "وجاء القرار متوافقاً مع توقعات أغلب المحللين، في ظل تراجع معدلات التضخم "
                "خلال الأشهر الأخيرة واستقرار سعر الصرف.",
            )
        )
        + "<p>وسجلت أسعار العملات في البنوك صباح اليوم ما يلي:</p>"
        + RATES_TABLE
        + _paragraphs(REPORT[5:8])
    )
    main = _article(
        f"<h1>{headline}</h1>{_stamp()}" + _text(text, shell) + _teaser_grid("اقرأ أيضاً", 6, 4),
        shell,
    )
    return _news_page(headline, main, shell, url)


def _author_box(n: int) -> str:
    more = "".join(
        f'<li><a href="{HOST}/opinion/2024/04/{8700 + i}">{h}</a></li>'
        for i, h in enumerate(_headlines(n, 14))
    )
    return (
        '<div class="author-box"><img src="/img/writer.jpg" alt="">'
        '<div class="author-name"><a href="/author/sami">د. سامي الخطيب</a></div>'
        '<p class="author-bio">كاتب صحفي ومحلل سياسي، يكتب في الشؤون العربية والدولية منذ '
        "عام 2005.</p>"
        f'<div class="more-by">مقالات أخرى للكاتب</div><ul>{more}</ul></div>'
    )


def opinion_column(shell: Shell, *, box_above: bool = True) -> str:
    headline = "أزمة المياه لم تعد أزمة مستقبلية"
    url = f"{HOST}/opinion/2024/05/12/8801"
    box = _author_box(6)
    text = _text(_paragraphs(COLUMN), shell)
    inner = f"<h1>{headline}</h1>{_stamp()}" + (box + text if box_above else text + box)
    main = _article(inner + _teaser_grid("مقالات ذات صلة", 6, 2), shell)
    return page(
        f"{headline} | د. سامي الخطيب",
        main,
        shell,
        meta={**_article_meta(headline, url), "author": "د. سامي الخطيب"},
        ld=_news_ld(headline, url, "OpinionNewsArticle"),
    )


def video_article(shell: Shell) -> str:
    headline = "فيديو | لحظة انهيار مبنى سكني في حي الشاطبي بالإسكندرية"
    url = f"{HOST}/video/2024/05/12/77121"
    text = (
        "رصدت كاميرات المراقبة لحظة انهيار مبنى سكني مكون من خمسة طوابق في حي الشاطبي "
        "بالإسكندرية، فجر اليوم الأحد، دون وقوع إصابات بشرية.",
        "وقال محافظ الإسكندرية إن السكان أخلوا العقار قبل ساعات من انهياره، بعد أن لاحظوا "
        "تصدعات في الجدران وأبلغوا الحي.",
        "وأضاف أن لجنة هندسية بدأت فحص العقارات المجاورة، وأن الأسر المتضررة ستنقل إلى "
        "وحدات سكنية بديلة لحين انتهاء التحقيقات.",
        "وكان العقار قد صدر بحقه قرار ترميم قبل ثلاث سنوات لم ينفذ، بحسب مصادر في الحي.",
    )
    main = _article(
        f"<h1>{headline}</h1>{_stamp()}"
        '<div class="video-player"><iframe src="https://www.youtube.com/embed/xyz"></iframe></div>'
        + _text(_paragraphs(text), shell)
        + _share()
        + _teaser_grid("فيديوهات ذات صلة", 8, 5),
        shell,
    )
    return page(
        headline,
        main,
        shell,
        meta=_article_meta(headline, url, "video.other"),
        ld=_news_ld(headline, url, "VideoObject"),
    )


def gallery_article(shell: Shell) -> str:
    headline = "بالصور.. مهرجان السياحة البيئية في واحة سيوة"
    url = f"{HOST}/photos/2024/05/12/5511"
    intro = (
        "<p>انطلقت مساء الخميس في واحة سيوة الدورة السابعة من مهرجان السياحة البيئية، بمشاركة "
        "فرق للفنون الشعبية وحرفيين من محافظات الصحراء الغربية. ويستمر المهرجان ثلاثة أيام "
        "تتضمن معارض للمشغولات اليدوية ورحلات إلى بحر الرمال الأعظم.</p>"
    )
    main = _article(
        f"<h1>{headline}</h1>{_stamp()}"
        + _text(intro + f'<div class="gallery">{_figures(8)}</div>', shell)
        + _share()
        + _teaser_grid("ألبومات أخرى", 6, 12),
        shell,
    )
    return _news_page(headline, main, shell, url)


def short_news_en(shell: Shell) -> str:
    headline = EN_HEADLINES[0]
    url = f"{HOST}/en/business/2024/05/12/5120"
    text = (
        "The central bank kept its benchmark rate unchanged on Thursday for a third straight "
        "meeting, citing easing inflation and a stable currency.",
        "Governor Hani Nasser said the committee would keep watching food prices closely, "
        "after a poor harvest pushed vegetable costs higher in April.",
        "Most analysts had expected the decision, though two of the ten polled by local media "
        "had forecast a small cut.",
    )
    cards = "".join(
        f'<div class="card"><h3><a href="{HOST}/en/{i}">{h}</a></h3></div>'
        for i, h in enumerate(EN_HEADLINES[1:10])
    )
    main = _article(
        f'<h1>{headline}</h1><time datetime="2024-05-12">May 12, 2024</time>'
        + _text(_paragraphs(text), shell)
        + f'<div class="related"><h2>More stories</h2>{cards}</div>',
        shell,
    )
    return page(
        headline,
        main,
        shell,
        meta=_article_meta(headline, url),
        ld=_news_ld(headline, url),
        lang="en",
    )


# --- the same pages as a scraper saves them: a plain-text dump, Markdown --------------------

_SKIPPED = ("script", "style", "head", "iframe", "img", "input", "button")
_BLOCKS = (
    "p", "div", "h1", "h2", "h3", "h4", "li", "ul", "ol", "tr", "table", "figure",
    "figcaption", "header", "footer", "nav", "aside", "main", "article", "section", "time",
)  # fmt: skip


def as_dump(html: str, *, markdown: bool = False) -> str:
    """``html`` as a text dump (one line per block, blank lines between) or as Markdown
    (headings, list items, links and table rows marked), the way simple converters save it."""
    root = lxml.html.fromstring(html)
    for element in list(root.iter(*_SKIPPED)):
        element.drop_tree()
    if markdown:
        for link in list(root.iter("a")):
            label = " ".join(link.text_content().split())
            href = link.get("href", "")
            link.clear(keep_tail=True)
            link.text = f"[{label}]({href})" if label else ""
        for level in range(1, 5):
            for heading in root.iter(f"h{level}"):
                heading.text = "#" * level + " " + (heading.text or "")
        for item in root.iter("li"):
            item.text = "- " + (item.text or "")
        for number, row in enumerate(root.iter("tr")):
            cells = [" ".join(c.text_content().split()) for c in row]
            row.clear(keep_tail=True)
            rule = "\n|" + " --- |" * len(cells) if number == 0 else ""
            row.text = "| " + " | ".join(cells) + " |" + rule
    for element in root.iter(*_BLOCKS):
        if markdown and element.tag == "tr":  # a table's rows stay together
            element.tail = "\n" + (element.tail or "")
            continue
        element.text = "\n\n" + (element.text or "")
        element.tail = "\n\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip() + "\n"
