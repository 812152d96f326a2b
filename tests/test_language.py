"""Language detection, the declared-versus-detected rule and text direction (_decide.language).

The sentences are news-style text written for these tests; the corpus passages (marked) are
copied from the development corpus's gold bodies, so nothing is read from outside ``tests/``.
"""

from __future__ import annotations

import unicodedata

import pytest

from article_extract._decide.language import (
    MAX_STEPS,
    SCAN_CHARS,
    STEP_CHARS,
    _lexicon_form,
    _lexicon_forms,
    decide_language,
    detect_language,
    direction_of,
    normalize_language_tag,
)

# One or two sentences per language, as a news article would open.
SENTENCES: dict[str, str] = {
    "ar": "قال وزير الخارجية إن المفاوضات التي جرت في القاهرة خلال الأسبوع الماضي كانت بناءة، "
    "وأضاف أن الجانبين اتفقا على مواصلة الحوار من أجل التوصل إلى حل دائم للأزمة.",
    "fa": "وزیر امور خارجه ایران روز سه‌شنبه در نشست خبری گفت که مذاکرات با طرف‌های اروپایی "
    "ادامه دارد و این کشور برای رسیدن به توافق آماده است. او همچنین افزود که تحریم‌ها باید "
    "برداشته شود.",
    "ur": "وزیر اعظم نے منگل کے روز اسلام آباد میں ایک پریس کانفرنس سے خطاب کرتے ہوئے کہا کہ "
    "حکومت مہنگائی پر قابو پانے کے لیے تمام ممکنہ اقدامات کر رہی ہے اور عوام کو جلد ریلیف ملے گا۔",
    "ps": "د افغانستان د بهرنیو چارو وزارت ویاند وویل چې له ګاونډیو هېوادونو سره اړیکې ښې دي او "
    "حکومت هڅه کوي چې د سوداګرۍ لارې پرانیزي. هغه زیاته کړه چې دا کار به د خلکو ژوند ښه کړي.",
    "ckb": "سەرۆکی هەرێمی کوردستان لە کۆبوونەوەیەکدا لەگەڵ شاندێکی ئەمریکی باسی لە "
    "پەیوەندییەکانی نێوان هەولێر و بەغدا کرد و ڕایگەیاند کە پێویستە کێشەکان بە گفتوگۆ "
    "چارەسەر بکرێن.",
    "sd": "سنڌ جي وزيراعليٰ اڄ ڪراچي ۾ هڪ گڏجاڻي کي خطاب ڪندي چيو ته صوبائي حڪومت عوام جي "
    "ڀلائي لاءِ ڪيترائي نوان منصوبا شروع ڪري رهي آهي ۽ انهن تي جلد ڪم شروع ٿيندو.",
    "ug": "ئاپتونوم رايونىنىڭ رەئىسى بۈگۈن ئۈرۈمچىدە ئۆتكۈزۈلگەن يىغىندا سۆز قىلىپ، يېزا "
    "ئىگىلىكى ۋە سودا ساھەسىدىكى تەرەققىياتلار ھەققىدە توختالدى ۋە بۇ يىل ئىقتىسادنىڭ "
    "ئېشىشى ئۈچۈن يېڭى تەدبىرلەرنى ئوتتۇرىغا قويدى.",
    "en": "The prime minister said on Tuesday that the government would increase funding for "
    "hospitals, after months of pressure from doctors and patients who have warned that the "
    "health service is close to collapse.",
    "fr": "Le gouvernement a annoncé mardi une série de mesures pour soutenir les agriculteurs, "
    "qui manifestent depuis plusieurs semaines contre la baisse de leurs revenus et la hausse "
    "des prix de l'énergie.",
    "de": "Die Bundesregierung hat am Mittwoch ein neues Gesetz zur Förderung erneuerbarer "
    "Energien beschlossen, das nach Angaben des Ministeriums bis zum Jahr 2030 den Ausbau von "
    "Wind- und Solaranlagen deutlich beschleunigen soll.",
    "es": "El Gobierno aprobó este martes un paquete de medidas para frenar la subida de los "
    "precios de la vivienda, que según los expertos se ha convertido en uno de los principales "
    "problemas de los jóvenes en España.",
    "it": "Il governo ha approvato ieri sera un decreto per sostenere le famiglie colpite "
    "dall'aumento delle bollette, ma secondo i sindacati le misure non sono sufficienti e la "
    "protesta continuerà anche nelle prossime settimane.",
    "pt": "O governo anunciou nesta terça-feira um pacote de medidas para conter a alta dos "
    "preços dos alimentos, que segundo os economistas tem pesado no orçamento das famílias mais "
    "pobres do país.",
    "nl": "De regering heeft dinsdag een nieuw plan gepresenteerd om de woningnood aan te "
    "pakken, maar volgens de oppositie gaan de maatregelen niet ver genoeg en zullen de "
    "huurprijzen in de grote steden blijven stijgen.",
    "tr": "Cumhurbaşkanı salı günü yaptığı açıklamada, enflasyonla mücadele için yeni bir "
    "ekonomik paketin hazırlandığını ve bu paketin önümüzdeki ay içinde meclise sunulacağını "
    "söyledi. Paketin ayrıca emeklilere destek de içereceği belirtildi.",
    "id": "Pemerintah akan menaikkan anggaran bantuan sosial pada tahun depan karena harga "
    "bahan pokok terus meningkat, kata menteri keuangan di Jakarta, Selasa. Ia menegaskan bahwa "
    "bantuan itu bisa disalurkan setelah DPR menyetujui anggaran tersebut.",
    "ms": "Kerajaan akan meningkatkan peruntukan bagi program bantuan tunai kerana harga barang "
    "keperluan terus meningkat, kata Menteri Kewangan dalam satu kenyataan semalam. Beliau "
    "berkata bahawa bantuan itu akan disalurkan selepas Parlimen meluluskan bajet tersebut.",
    "sv": "Regeringen presenterade på tisdagen ett nytt förslag om att sänka skatten för "
    "pensionärer, men oppositionen menar att det inte räcker och att många äldre fortfarande "
    "har svårt att klara sina utgifter.",
    "da": "Regeringen fremlagde tirsdag et nyt forslag om at sænke skatten for pensionister, men "
    "oppositionen siger, at det ikke er nok. Mange ældre har stadig svært ved at få økonomien "
    "til at hænge sammen, og de venter nu på, at der bliver gjort noget.",
    "no": "Regjeringen la tirsdag fram et nytt forslag om å senke skatten for pensjonister, men "
    "opposisjonen sier at det ikke er nok. Mange eldre har fortsatt vanskelig for å få "
    "økonomien til å gå rundt, og de venter nå på at det blir gjort noe.",
    "pl": "Rząd przyjął we wtorek projekt ustawy, który ma obniżyć ceny energii dla gospodarstw "
    "domowych, ale według opozycji te zmiany są spóźnione i nie rozwiążą problemu.",
    "ro": "Guvernul a aprobat marți o ordonanță de urgență prin care pensiile vor fi majorate de "
    "la 1 ianuarie, însă sindicatele spun că măsura nu este suficientă pentru a compensa "
    "creșterea prețurilor.",
    "ca": "El Govern ha aprovat aquest dimarts un paquet de mesures per fer front a la sequera, "
    "que afecta greument els pagesos i els municipis de l'interior del país des de fa més de "
    "dos anys.",
    "vi": "Thủ tướng Chính phủ đã yêu cầu các bộ, ngành khẩn trương triển khai những giải pháp "
    "để hỗ trợ người dân bị ảnh hưởng bởi cơn bão, đồng thời bảo đảm an toàn cho các công "
    "trình trọng điểm.",
    "hu": "A kormány kedden bejelentette, hogy jövőre jelentősen emelik a nyugdíjakat, de az "
    "ellenzék szerint az intézkedés nem elég ahhoz, hogy ellensúlyozza az infláció hatását.",
    "fi": "Hallitus kertoi tiistaina, että se aikoo leikata valtion menoja ensi vuonna, mutta "
    "oppositio arvostelee suunnitelmaa ja sanoo, että leikkaukset osuvat kaikkein heikoimmassa "
    "asemassa oleviin.",
    "cs": "Vláda ve středu schválila návrh zákona, který má snížit ceny energií pro domácnosti, "
    "ale podle opozice jsou tyto změny opožděné a problém nevyřeší. Ministr řekl, že zákon "
    "začne platit už od ledna.",
    "sk": "Vláda v stredu schválila návrh zákona, ktorý má znížiť ceny energií pre domácnosti, "
    "ale podľa opozície sú tieto zmeny oneskorené a problém nevyriešia. Minister povedal, že "
    "zákon začne platiť už od januára.",
    "af": "Die regering het Dinsdag aangekondig dat pensioene volgende jaar verhoog sal word, "
    "maar volgens die opposisie is dit nie genoeg om die stygende lewenskoste te dek nie.",
    "gl": "O Goberno galego aprobou este martes un novo plan para loitar contra os incendios "
    "forestais, que segundo os expertos son cada vez máis frecuentes e destrutivos. Tamén "
    "anunciou que non haberá cortes nos servizos de emerxencia.",
    "hr": "Vlada je u utorak predstavila novi paket mjera za pomoć građanima, ali prema "
    "mišljenju oporbe te mjere nisu dovoljne da bi se zaustavio rast cijena hrane i energije.",
    "sq": "Qeveria njoftoi të martën se pensionet do të rriten nga viti i ardhshëm, por sipas "
    "opozitës kjo masë nuk është e mjaftueshme për të përballuar rritjen e çmimeve.",
    "sw": "Serikali imetangaza kwamba itaongeza bajeti ya afya katika mwaka ujao wa fedha, lakini "
    "wabunge wa upinzani wamesema kwamba hatua hiyo haitoshi kutatua changamoto za hospitali.",
    "tl": "Sinabi ng Pangulo noong Martes na magbibigay ang pamahalaan ng dagdag na tulong sa "
    "mga magsasaka na naapektuhan ng bagyo, ayon sa pahayag ng kanyang tanggapan.",
    "ru": "Правительство во вторник одобрило законопроект о снижении налогов для малого "
    "бизнеса, однако, по словам экспертов, эти меры не смогут полностью компенсировать рост цен "
    "на энергию.",
    "uk": "Уряд у вівторок схвалив законопроєкт про зниження податків для малого бізнесу, "
    "однак, за словами експертів, ці заходи не зможуть повністю компенсувати зростання цін на "
    "енергію.",
    "bg": "Правителството одобри във вторник законопроект за намаляване на данъците за малкия "
    "бизнес, но според експертите тези мерки няма да могат да компенсират напълно ръста на "
    "цените на енергията.",
    "sr": "Влада је у уторак усвојила предлог закона о смањењу пореза за мала предузећа, али "
    "према мишљењу стручњака те мере неће моћи у потпуности да надокнаде раст цена енергије.",
    "mk": "Владата во вторник го усвои предлог-законот за намалување на даноците за малите "
    "бизниси, но според експертите овие мерки нема да можат целосно да го надоместат растот "
    "на цените на енергијата.",
    "be": "Урад у аўторак ухваліў законапраект аб зніжэнні падаткаў для малога бізнесу, аднак, "
    "па словах экспертаў, гэтыя меры не змогуць цалкам кампенсаваць рост коштаў на энергію.",
    "el": "Η κυβέρνηση ανακοίνωσε την Τρίτη νέα μέτρα στήριξης για τα νοικοκυριά, καθώς οι τιμές "
    "της ενέργειας συνεχίζουν να αυξάνονται.",
    "he": "הממשלה אישרה ביום שלישי תוכנית חדשה לצמצום יוקר המחיה, אך לדברי האופוזיציה הצעדים "
    "אינם מספיקים.",
    "yi": "די רעגירונג האָט דינסטיק געמאָלדן אַ נײַעם פּלאַן צו העלפֿן די פֿאַמיליעס, װאָס "
    "ליידן פֿון די הויכע פּרײַזן.",
    "hi": "सरकार ने मंगलवार को किसानों के लिए एक नई योजना की घोषणा की, जिसके तहत उन्हें फसल "
    "बीमा पर अधिक सब्सिडी मिलेगी।",
    "th": "รัฐบาลประกาศมาตรการใหม่เพื่อช่วยเหลือเกษตรกรที่ได้รับผลกระทบจากน้ำท่วมในภาคเหนือเมื่อวันอังคารที่ผ่านมา",
    "ko": "정부는 화요일 물가 상승에 대응하기 위한 새로운 경제 대책을 발표했으며, 전문가들은 "
    "이번 조치가 서민 경제에 도움이 될 것이라고 평가했다.",
    "ja": "政府は火曜日、物価高騰に対応するための新たな経済対策を発表した。専門家は、今回の措置が"
    "家計の負担軽減につながると評価している。",
    "zh": "政府周二宣布了一项新的经济刺激计划，旨在应对物价上涨，专家认为这些措施将有助于减轻"
    "家庭的负担。",
    "hy": "Կառավարությունը երեքշաբթի հայտարարեց գյուղատնտեսության աջակցության նոր ծրագրի մասին։",
    "ka": "მთავრობამ სამშაბათს ფერმერების დახმარების ახალი პროგრამა გამოაცხადა.",
}

# Passages copied from the development corpus's gold bodies (page id in the comment).
CORPUS_PASSAGES: list[tuple[str, str]] = [
    (
        "fa",  # fa-khabaronline-2020
        "روزنامه جوان نوشت:اصلاح\u200cطلبان رادیکالی که تا دیروز بر آتش تخریب انتخابات "
        "می\u200cدمیدند و موج\u200cسواری می\u200cکردند، از آن موضع عقب نشستند و با صدور "
        "بیانیه\u200cای حامیان خود را دعوت به حضور در انتخابات کردند.",
    ),
    (
        "id",  # id-mediaindonesia-2026: "bahwa" twice and "karena" tell it from Malay
        "INTERNATIONAL Golden Institute (IGI School of Economics Jakarta) kembali menegaskan "
        "komitmennya dalam membangun pendidikan yang berkarakter dan inklusif melalui "
        "penyelenggaraan Wisuda Magister Manajemen ke-XV serta Sarjana Manajemen dan "
        "Akuntansi ke-XI.\nDalam sambutannya, Ketua Dewan Pembina Yayasan Golden Nusantara, "
        "Almaraja Limbong, menyampaikan bahwa wisuda bukanlah akhir dari sebuah perjalanan, "
        "melainkan awal dari tanggung jawab yang lebih besar. Pendidikan, menurutnya, adalah "
        "instrumen utama untuk mengubah kehidupan, mengangkat martabat keluarga, serta "
        "memberi kontribusi nyata bagi masyarakat dan bangsa.\nPada kesempatan tersebut, "
        "Almaraja juga menyampaikan salam dan pesan dari pendiri IGI, John Waller Limbong, "
        "yang berhalangan hadir karena alasan kesehatan. Ia menegaskan bahwa IGI sejak awal "
        "didirikan sebagai lembaga pendidikan yang membuka akses seluas-luasnya bagi "
        "mahasiswa berprestasi, khususnya mereka yang berasal dari keluarga dengan "
        "keterbatasan ekonomi.",
    ),
    (
        "tr",  # tr-haberturk-2024
        "İzmir'in Bornova, Balıkesir'in Kepsut, Samsun'un Kavak, Çorum'un Alaca, Bursa'nın "
        "Osmangazi, Kahramanmaraş'ın Pazarcık ve Sivas'ın Sarkışla ilçelerinde yangın çıktı. "
        "İzmir'in Bornova ilçesinde ormanlık alanda çıkan yangına havadan ve karadan müdahale "
        "ediliyor. Balıkesir'in Kepsut ilçesinde arazide çıkan ve ormana sıçrayan yangını "
        "söndürmek için çalışma başlatıldı.",
    ),
    (
        "ru",  # ru-kommersant-2025
        "14 мая президент России Владимир Путин встретился с премьер-министром Малайзии "
        "Анваром Ибрагимом, а специальный корреспондент “Ъ” Андрей Колесников выяснял, кто же "
        "поедет следующим утром в Стамбул на переговоры и с кем. Но оказалось, что главная "
        "интрига содержалась в самом конце, когда лидеры двух стран уже зачитали свои "
        "неизбежные заявления.",
    ),
    (
        "ar",  # ar-lbcgroup-lb-2026
        "أثار ظهور دونالد ترامب بشعرٍ مائل إلى اللون الوردي خلال خطاب ألقاه في واشنطن العاصمة "
        "موجة واسعة من الجدل والسخرية على مواقع التواصل الاجتماعي، بعدما شبّه كثيرون لونه "
        'بـ"حلوى القطن"، وفق ما نقل موقع دايلي ميل.',
    ),
    (
        "ja",  # ja-asahi-2025
        "気象庁は13日、午後9時19分ごろ、日向灘（北緯31.8度、東経131.6度）で震度5弱の地震が"
        "あったと発表した。震源の深さは約30キロ、地震の規模（マグニチュード）は6.9と推定される。",
    ),
    (
        "es",  # es-elpais-2024
        "La presidenta de la Comisión Europea, Ursula von der Leyen, es cada vez más clara en su "
        "giro a la derecha en inmigración, siguiendo la senda de un número creciente de países "
        "comunitarios.",
    ),
]


@pytest.mark.parametrize(("code", "text"), sorted(SENTENCES.items()))
def test_every_supported_language_from_a_news_sentence(code: str, text: str) -> None:
    assert detect_language(text) == code


@pytest.mark.parametrize(("code", "text"), CORPUS_PASSAGES)
def test_corpus_passages(code: str, text: str) -> None:
    assert detect_language(text) == code


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        "2024-03-14 12:30",
        "١٤/٠٣/٢٠٢٤ — ۱۴۰۲/۱۲/۲۴",
        "https://www.example.com/news/2024/03/14/government-announces-new-measures.html",
        "www.alarabiya.net/ar/politics/2024/03/14 https://t.co/AbCdEfGh",
        "Reuters",
        "قال",
        "الرئيسية",
        "Home | News | Sport",
        "!!! ??? ... --- ***",
        "🙂🙂🙂 👍",
    ],
)
def test_thin_evidence_gives_none(text: str) -> None:
    assert detect_language(text) is None


def test_text_without_a_main_script_gives_none() -> None:
    text = " ".join(SENTENCES[c] for c in ("en", "ru", "el"))
    assert detect_language(text) is None


def test_only_a_bounded_prefix_is_read() -> None:
    # Anything past the first SCAN_CHARS characters is never looked at.
    assert detect_language("1 " * SCAN_CHARS + SENTENCES["ar"]) is None
    # Menus first, prose later: reading goes on (within the window) until a language is clear.
    menus = "\n".join(["Home", "News", "Sport", "Video", "Login", "Kontakt"] * 60)
    assert detect_language(menus + "\n" + SENTENCES["de"] * 3) == "de"
    # ...but only for MAX_STEPS steps of STEP_CHARS characters.
    endless_menus = menus * (MAX_STEPS * STEP_CHARS // len(menus) + 1)
    assert detect_language(endless_menus + "\n" + SENTENCES["de"] * 3) is None


# ---- Arabic script: mixed text, spellings, presentation forms ------------------------------

ARABIC_WITH_ENGLISH = (
    "قال المدير التنفيذي لشركة Apple تيم كوك إن الشركة ستطلق هاتف iPhone الجديد في سبتمبر "
    "المقبل، مضيفا أن مبيعات App Store ارتفعت خلال العام الماضي بنسبة كبيرة، وأن خدمات "
    "Apple Music وiCloud حققت أرباحا قياسية في الأسواق العربية."
)
PERSIAN_WITH_ARABIC_QUOTE = (
    SENTENCES["fa"] + " رئیس جمهور در سخنرانی خود به این آیه اشاره کرد: «إن الله لا يغير ما "
    "بقوم حتى يغيروا ما بأنفسهم» و گفت که مردم باید برای آینده کشور تلاش کنند."
)


def _presentation_forms(text: str) -> str:
    """``text`` with each Arabic letter in its isolated presentation form (as old PDFs and
    some legacy encoders emit it)."""
    forms: dict[str, str] = {}
    for code in range(0xFE70, 0xFEFF):
        ch = chr(code)
        if unicodedata.name(ch, "").endswith("ISOLATED FORM"):
            base = unicodedata.normalize("NFKC", ch)
            if len(base) == 1:
                forms.setdefault(base, ch)
    return "".join(forms.get(ch, ch) for ch in text)


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("ar", ARABIC_WITH_ENGLISH),
        ("fa", PERSIAN_WITH_ARABIC_QUOTE),
        ("ar", _presentation_forms(SENTENCES["ar"])),
        ("fa", _presentation_forms(SENTENCES["fa"])),
        (
            "ar",
            "قـــال وزيـــر الخـــارجيـــة إن المفـــاوضـــات التـــي جـــرت فـــي القـــاهـــرة "
            "كـــانـــت بنـــاءة، وأضـــاف أن الجـــانبيـــن اتفقـــا علـــى مواصلـــة الحـــوار.",
        ),
        (
            "ar",
            "قَالَ وَزِيرُ الْخَارِجِيَّةِ إِنَّ الْمُفَاوَضَاتِ الَّتِي جَرَتْ فِي الْقَاهِرَةِ "
            "كَانَتْ بَنَّاءَةً، وَأَضَافَ أَنَّ الْجَانِبَيْنِ اتَّفَقَا عَلَى مُوَاصَلَةِ الْحِوَارِ.",
        ),
        # Persian typed with Arabic yeh and kaf (older sites) is still Persian.
        ("fa", SENTENCES["fa"].replace("ی", "ي").replace("ک", "ك")),
        # ZWNJ, a space or nothing between "می" and the verb: all Persian spellings.
        ("fa", SENTENCES["fa"].replace("\u200c", " ")),
        ("fa", SENTENCES["fa"].replace("\u200c", "")),
        # Digits of every script and Arabic punctuation do not count as letters.
        ("ar", "في ٢٠٢٤/٠٣/١٤ " + SENTENCES["ar"] + " ١٢٣٤٥٦٧٨٩٠ ؛ ؟ ،"),
        ("fa", "۱۴۰۲/۱۲/۲۴ " + SENTENCES["fa"]),
        # A Markdown dump: link targets are not text.
        (
            "ar",
            "[الرئيسية](https://www.example.com/home/news/politics/world/economy/sport) "
            "[أخبار](https://www.example.com/category/latest-news-headlines-today) "
            + SENTENCES["ar"],
        ),
    ],
)
def test_arabic_script_variants(code: str, text: str) -> None:
    assert detect_language(text) == code


def test_a_list_of_names_counts_its_marking_letters() -> None:
    # A listing page's dump: titles of papers and channels, no function word at all. Teh
    # marbuta (Arabic only) is enough evidence; a Persian menu has no letter of its own.
    papers = (
        "صحيفة الحياة الجديدة جريدة الوطن العربية مجلة المدينة المنورة القناة الفضائية "
        "السعودية الشبكة الإخبارية الأردنية الوكالة الرسمية المصرية الصفحة الرئيسية "
        "صحيفة الجزيرة الاقتصادية جريدة الرياضة اليومية مجلة الأسرة العصرية"
    )
    assert detect_language(papers) == "ar"
    menu = (
        "صفحه اصلی سیاست رهبری احزاب و شخصیت‌ها نظامی انتخابات دولت مجلس اقتصاد کلان "
        "مسکن جهان بازار مالی صنعت انرژی بازرگانی کشاورزی فرهنگ سینما تلویزیون ادبیات"
    )
    assert detect_language(menu) is None


def test_arabic_persian_urdu_told_apart_in_one_script() -> None:
    assert {detect_language(SENTENCES[c]) for c in ("ar", "fa", "ur")} == {"ar", "fa", "ur"}


def test_indonesian_needs_words_that_malay_lacks() -> None:
    # Shared Malay/Indonesian function words alone are no evidence for either.
    shared = (
        "Mereka akan datang ke kota itu pada hari ini dan juga tidak ada yang tahu dengan "
        "pasti apa yang akan terjadi dalam pertemuan tersebut untuk para warga."
    )
    assert detect_language(shared) is None
    assert detect_language(SENTENCES["id"]) == "id"
    assert detect_language(SENTENCES["ms"]) == "ms"


def test_turkish_dotted_capital_i() -> None:
    text = "İçin " + SENTENCES["tr"].replace("için", "İÇİN")
    assert detect_language(text) == "tr"


# ---- The declared-versus-detected rule -----------------------------------------------------

# Indonesian by 4 words Malay lacks ("bahwa", "karena", "bisa", "setelah") against 2 of Malay
# ("kerana", "boleh"): enough to detect Indonesian (≥ 2×), not to overrule a declared Malay.
INDONESIAN_LEANING = (
    "Menurut laporan itu, pihak berkuasa menyatakan bahwa projek tersebut bisa ditangguhkan "
    "karena kos yang tinggi, dan setelah itu rakyat boleh membuat aduan kerana kelewatan "
    "pembinaan jalan raya di kawasan itu, bahwa tidak ada pilihan lain."
)


@pytest.mark.parametrize(
    ("declared", "text", "expected"),
    [
        # nothing declared: the detection
        (None, SENTENCES["fa"], "fa"),
        (None, SENTENCES["id"], "id"),
        ("", SENTENCES["ur"], "ur"),
        # no detection (thin text): the declaration, normalised
        ("ar_EG", "", "ar-eg"),
        ("AR-SA", "123", "ar-sa"),
        ("fr-FR", "Accueil", "fr-fr"),
        (None, "", None),
        # same language: the declaration with its region
        ("ar-EG", SENTENCES["ar"], "ar-eg"),
        ("ar_AR", SENTENCES["ar"], "ar"),  # og:locale's "Arabic, all regions"
        ("fa-IR", SENTENCES["fa"], "fa-ir"),
        ("en-GB", SENTENCES["en"], "en-gb"),
        ("nb-NO", SENTENCES["no"], "nb-no"),  # nb is Norwegian
        ("arz", SENTENCES["ar"], "arz"),  # Egyptian Arabic is Arabic
        ("zh-Hant-TW", SENTENCES["zh"], "zh-hant-tw"),
        # deprecated codes replaced
        ("iw", SENTENCES["he"], "he"),
        ("in", "", "id"),
        # malformed or empty claims count as absent
        ("English", SENTENCES["ar"], "ar"),
        ("x-default", SENTENCES["de"], "de"),
        ("und", SENTENCES["fa"], "fa"),
        ("ar, en", SENTENCES["en"], "en"),
        # different scripts: the text wins (an Arabic article in an English template)
        ("en", SENTENCES["ar"], "ar"),
        ("en-US", SENTENCES["fa"], "fa"),
        ("ar", SENTENCES["en"], "en"),
        ("ru", SENTENCES["ja"], "ja"),
        ("sr-Latn", SENTENCES["ru"], "ru"),  # script subtag: Latin declared, Cyrillic text
        # same script, clear and known: the detection (Persian page under an Arabic template)
        ("ar", SENTENCES["fa"], "fa"),
        ("ar", SENTENCES["ur"], "ur"),
        ("fa", SENTENCES["ar"], "ar"),
        ("en", SENTENCES["fr"], "fr"),
        ("ru", SENTENCES["uk"], "uk"),
        # same script, not clear enough to overrule the page
        ("ms", INDONESIAN_LEANING, "ms"),
        # same script, detected by script alone: the declaration (Marathi is Devanagari too)
        ("mr", SENTENCES["hi"], "mr"),
        # a declared language outside our tables is believed
        ("xh", SENTENCES["en"], "xh"),
        ("yo", SENTENCES["ar"], "yo"),
    ],
)
def test_decide_language(declared: str | None, text: str, expected: str | None) -> None:
    assert decide_language(declared, text) == expected


def test_indonesian_leaning_text_is_detected_as_indonesian() -> None:
    # The premise of the "not clear enough to overrule" case above.
    assert detect_language(INDONESIAN_LEANING) == "id"


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("ar", "ar"),
        (" AR_eg ", "ar-eg"),
        ("zh-Hans", "zh-hans"),
        ("iw-IL", "he-il"),
        ("ar_AR", "ar"),
        ("es_LA", "es"),
        ("es-419", "es-419"),
        ("", None),
        (None, None),
        ("Arabic", None),
        ("a", None),
        ("ar-", None),
        ("mul", None),
        ("zxx", None),
    ],
)
def test_normalize_language_tag(tag: str | None, expected: str | None) -> None:
    assert normalize_language_tag(tag) == expected


# ---- Direction -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "declared_dir", "text", "expected"),
    [
        # a valid declared dir wins
        ("ar", "ltr", SENTENCES["ar"], "ltr"),
        ("en", " RTL ", SENTENCES["en"], "rtl"),
        # else the language
        ("ar-eg", None, "", "rtl"),
        ("fa", "auto", "", "rtl"),
        ("ur", None, SENTENCES["en"], "rtl"),
        ("he", None, "", "rtl"),
        ("iw", None, "", "rtl"),
        ("arz", None, "", "rtl"),
        ("ckb", None, "", "rtl"),
        ("dv", None, "", "rtl"),
        ("en", None, SENTENCES["ar"], "ltr"),
        ("tr", None, "", "ltr"),
        ("ja", None, "", "ltr"),
        ("az-Arab", None, "", "rtl"),
        ("sr-Latn", None, "", "ltr"),
        # a language written both ways: the text's script decides
        ("ku", None, SENTENCES["ckb"], "rtl"),
        ("ku", None, "Serokê herêmê îro li Hewlêrê bi şandeke Amerîkî re civiya.", "ltr"),
        # no language: the letters
        (None, None, SENTENCES["ar"], "rtl"),
        (None, None, SENTENCES["he"], "rtl"),
        (None, None, ARABIC_WITH_ENGLISH, "rtl"),
        (None, None, "قال", "rtl"),
        (None, None, SENTENCES["en"], "ltr"),
        ("Arabic", None, SENTENCES["en"], "ltr"),  # a malformed tag is no language
        (None, None, "", None),
        (None, None, "2024-03-14 ١٢:٣٠", None),
    ],
)
def test_direction_of(
    language: str | None, declared_dir: str | None, text: str, expected: str | None
) -> None:
    assert direction_of(language, declared_dir, text) == expected


def test_detection_is_deterministic_and_order_free() -> None:
    # Same answer on repeated calls (tables are loaded once and only read).
    results = [detect_language(SENTENCES[c]) for c in sorted(SENTENCES) for _ in range(2)]
    assert results[::2] == results[1::2]


@pytest.mark.parametrize(
    "words",
    [
        [],
        ["the"],
        ["İçin", "DAS", "Straße"],  # case folding that changes length or drops a dot
        ["إلى", "أن", "التي", "ی", "ک", "ة"],  # letter variants unified
        ["was", "was"],
    ],
)
def test_lexicon_forms_fold_each_word_as_lexicon_form_does(words: list[str]) -> None:
    assert _lexicon_forms(words) == frozenset(_lexicon_form(w) for w in words)
