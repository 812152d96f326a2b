"""The decoding cascade (``_decode``) on bytes we encode ourselves: one case per rung, the one
WHATWG name whatever rung found the encoding, and the binary formats refused by signature."""

from __future__ import annotations

import codecs
import gzip
import io
import zipfile

import pytest

from article_extract._decode import decode_bytes, lookup_encoding, normalize_charset
from article_extract.data import load_table
from article_extract.errors import BinaryInput, EmptyInput, InputTooLarge, UnsupportedSource

ARABIC = "أعلنت وزارة الصحة، اليوم الخميس، عن تسجيل إصابات جديدة بفيروس كورونا في المحافظات."
PAGE = "<html><head>{meta}<title>خبر</title></head><body><p>{text}</p><p>{text}</p></body></html>"
XHTML = '<?xml version="1.0" encoding="{label}"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'


def _page(meta: str = "") -> str:
    return PAGE.format(meta=meta, text=ARABIC)


# Every rung of the cascade that can name an encoding, and the name it must report: the WHATWG
# name, the same whether the label was "cp1256", "x-cp1256" or "windows-1256", and whether it
# came from the server, the document or the bytes themselves.
LABEL_PATHS = [
    # (id, bytes, declared by the server, expected name)
    ("bom-utf8", codecs.BOM_UTF8 + _page().encode("utf-8"), None, "UTF-8"),
    ("bom-utf16le", codecs.BOM_UTF16_LE + _page().encode("utf-16-le"), None, "UTF-16LE"),
    ("bom-utf16be", codecs.BOM_UTF16_BE + _page().encode("utf-16-be"), None, "UTF-16BE"),
    ("bom-utf32le", codecs.BOM_UTF32_LE + _page().encode("utf-32-le"), None, "UTF-32LE"),
    ("bom-beats-meta", codecs.BOM_UTF8 + _page('<meta charset="cp1256">').encode(), None, "UTF-8"),
    ("http-cp1256", _page().encode("cp1256"), "cp1256", "windows-1256"),
    ("http-x-cp1256", _page().encode("cp1256"), "x-cp1256", "windows-1256"),
    ("http-windows-1256", _page().encode("cp1256"), "Windows-1256", "windows-1256"),
    ("http-arabic", _page().encode("iso-8859-6"), "arabic", "ISO-8859-6"),
    ("http-utf8-label", _page().encode("utf-8"), "utf8", "UTF-8"),
    ("http-utf16le-no-bom", _page().encode("utf-16-le"), "utf-16le", "UTF-16LE"),
    (
        "http-beats-meta",
        _page('<meta charset="iso-8859-6">').encode("cp1256"),
        "cp1256",
        "windows-1256",
    ),
    ("meta-cp1256", _page('<meta charset="cp1256">').encode("cp1256"), None, "windows-1256"),
    (
        "meta-quoted-spaced",
        _page("<meta charset = ' CP1256 '>").encode("cp1256"),
        None,
        "windows-1256",
    ),
    (
        "meta-http-equiv",
        _page('<meta http-equiv="Content-Type" content="text/html; charset=x-cp1256">').encode(
            "cp1256"
        ),
        None,
        "windows-1256",
    ),
    (
        "meta-iso-8859-6-i",
        _page('<meta charset="ISO-8859-6-I">').encode("iso-8859-6"),
        None,
        "ISO-8859-6",
    ),
    ("meta-utf16-means-utf8", _page('<meta charset="utf-16">').encode("utf-8"), None, "UTF-8"),
    (
        "meta-latin1-is-1252",
        "<p>café à la carte</p>".encode("cp1252") + b'<meta charset="latin1">',
        None,
        "windows-1252",
    ),
    (
        "xml-decl",
        (XHTML.format(label="cp1256") + _page()[6:]).encode("cp1256"),
        None,
        "windows-1256",
    ),
    ("sniffed-cp1256", _page().encode("cp1256"), None, "windows-1256"),
    ("sniffed-iso-8859-6", _page().replace("،", ",").encode("iso-8859-6"), None, "ISO-8859-6"),
    ("plain-utf8", _page().encode("utf-8"), None, "UTF-8"),
    (
        "utf8-under-a-cp1256-label",
        _page('<meta charset="windows-1256">').encode("utf-8"),
        None,
        "UTF-8",
    ),
    ("utf8-under-a-latin1-header", _page().encode("utf-8"), "iso-8859-1", "UTF-8"),
    (
        "unknown-label-ignored",
        _page('<meta charset="x-no-such">').encode("cp1256"),
        "bogus",
        "windows-1256",
    ),
    ("fallback-broken-utf8", _page().encode("utf-8") + b"\xff\xfe" + "نص".encode(), None, "UTF-8"),
]


@pytest.mark.parametrize(
    ("data", "declared", "name"),
    [case[1:] for case in LABEL_PATHS],
    ids=[case[0] for case in LABEL_PATHS],
)
def test_every_label_path_reports_the_whatwg_name(
    data: bytes, declared: str | None, name: str
) -> None:
    decoded = decode_bytes(data, declared=declared)
    assert decoded.encoding == name
    if name != "windows-1252":
        assert ARABIC.replace("،", ",") in decoded.text.replace("،", ",")
    assert not decoded.text.startswith("\ufeff")


def test_one_encoding_has_one_name_whichever_rung_finds_it() -> None:
    text = _page()
    names = {
        decode_bytes(text.encode("cp1256"), declared="cp1256").encoding,
        decode_bytes(_page('<meta charset="x-cp1256">').encode("cp1256")).encoding,
        decode_bytes((XHTML.format(label="windows-1256") + text[6:]).encode("cp1256")).encoding,
        decode_bytes(text.encode("cp1256")).encoding,
    }
    assert names == {"windows-1256"}


def test_label_table_is_the_whatwg_one() -> None:
    table = load_table("encodings")
    seen: dict[str, str] = {}
    for name, entry in table.items():
        codecs.lookup(entry["codec"])  # every codec exists in this Python
        assert name in entry["labels"] or name.lower() in entry["labels"] or name == "macintosh"
        for label in entry["labels"]:
            assert label == label.strip().lower(), label
            assert seen.setdefault(label, name) == name, f"{label} claimed twice"
            assert normalize_charset(label) == name
            assert normalize_charset(f"  {label.upper()} ") == name
    # Spot checks against the standard's table.
    assert len(table) == 38
    assert normalize_charset("ascii") == "windows-1252"
    assert normalize_charset("unicode") == "UTF-16LE"
    assert normalize_charset("gb2312") == "GBK"
    assert normalize_charset("sjis") == "Shift_JIS"
    assert normalize_charset(b"utf-8") == "UTF-8"


@pytest.mark.parametrize("label", ["", None, "nope", "x-mac-arabic", "replacement", "utf-32"])
def test_unknown_labels_are_none(label: str | None) -> None:
    assert normalize_charset(label) is None
    assert lookup_encoding(label) is None


def test_iso_8859_6_without_declaration_is_not_read_as_cp1256() -> None:
    # ISO-8859-6 bytes decode under windows-1256 too, but into Latin-1-looking letters.
    text = ARABIC.replace("،", ",")  # keep to letters both code pages share positions for
    decoded = decode_bytes(_page().replace(ARABIC, text).encode("iso-8859-6"))
    assert text in decoded.text


def test_gzip_is_unpacked() -> None:
    data = gzip.compress(_page().encode("utf-8"))
    assert ARABIC in decode_bytes(data).text


def test_broken_bytes_never_raise() -> None:
    data = _page().encode("utf-8") + b"\xff\xfe\xfa" + "نص".encode()
    decoded = decode_bytes(data)
    assert ARABIC in decoded.text
    assert decoded.replaced


def test_a_utf16_header_on_bytes_that_are_not_utf16_is_ignored() -> None:
    # An ASCII/UTF-8 page wrongly served as UTF-16 would decode to CJK noise if believed.
    data = _page().encode("utf-8")
    decoded = decode_bytes(data, declared="utf-16")
    assert decoded.encoding == "UTF-8"
    assert ARABIC in decoded.text


def _zip(first_name: str, content: bytes = b"x") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr(first_name, content)
        archive.writestr("word/document.xml", b"<w:document/>")
    return buffer.getvalue()


BINARY = [
    ("png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "PNG"),
    ("jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF" + b"\x00" * 64, "JPEG"),
    ("gif", b"GIF89a" + b"\x01\x00" * 32, "GIF"),
    ("tiff", b"II*\x00" + b"\x08" * 64, "TIFF"),
    ("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    ("pdf-after-junk", b"\r\n\r\n" + b"garbage " * 20 + b"%PDF-1.4\n1 0 obj", "PDF"),
    ("doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "office document"),
    ("rtf", b"{\\rtf1\\ansi\\deff0 {\\fonttbl}", "RTF"),
    ("docx", _zip("[Content_Types].xml", b"<Types/>"), "office document (docx"),
    ("odt", _zip("mimetype", b"application/vnd.oasis.opendocument.text"), "OpenDocument"),
    ("epub", _zip("mimetype", b"application/epub+zip"), "EPUB"),
    ("zip", _zip("page.html", b"<html></html>"), "ZIP archive"),
    ("rar", b"Rar!\x1a\x07\x01\x00" + b"\x00" * 64, "RAR"),
    ("7z", b"7z\xbc\xaf\x27\x1c" + b"\x00" * 64, "7-zip"),
    ("xz", b"\xfd7zXZ\x00" + b"\x00" * 64, "xz"),
    ("zstd", b"\x28\xb5\x2f\xfd" + b"\x00" * 64, "zstd"),
    ("bzip2", b"BZh91AY&SY" + b"\x00" * 64, "bzip2"),
    ("webp", b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 64, "WebP"),
    ("mp3", b"ID3\x04\x00\x00\x00\x00\x00\x23" + b"\xff\xfb" * 64, "MP3"),
    ("otf", b"OTTO\x00\x0a\x00\x80" + b"\x00" * 64, "font"),
    ("mp4", b"\x00\x00\x00\x1cftypisom" + b"\x00" * 64, "MP4"),
    ("webm", b"\x1a\x45\xdf\xa3" + b"\x00" * 64, "WebM"),
    ("woff2", b"wOF2" + b"\x00" * 64, "font"),
    ("elf", b"\x7fELF\x02\x01\x01" + b"\x00" * 64, "executable"),
    ("wasm", b"\x00asm\x01\x00\x00\x00", "WebAssembly"),
    ("sqlite", b"SQLite format 3\x00" + b"\x00" * 64, "SQLite"),
    ("controls", b"\x00\x01\x02\x03" * 100, "control bytes"),
]


@pytest.mark.parametrize(
    ("data", "named"), [case[1:] for case in BINARY], ids=[case[0] for case in BINARY]
)
def test_binary_formats_are_refused_by_name(data: bytes, named: str) -> None:
    with pytest.raises(BinaryInput, match="binary data") as caught:
        decode_bytes(data)
    assert named in caught.value.message


WARC = (
    b"WARC/1.0\r\nWARC-Type: warcinfo\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
    b"Content-Length: 0\r\n\r\n\r\n\r\n"
)


@pytest.mark.parametrize(
    "data",
    [WARC, gzip.compress(WARC), b"filedesc://crawl.arc 0.0.0.0 20200101000000 text/plain 76\n"],
    ids=["warc", "warc-gz", "arc"],
)
def test_web_archives_point_at_the_batch_api(data: bytes) -> None:
    with pytest.raises(UnsupportedSource, match="extract_many") as caught:
        decode_bytes(data)
    assert "archive" in caught.value.message


@pytest.mark.parametrize(
    "text",
    [
        "OTTO Group reported higher sales on Thursday, the company said.",
        "RIFF raff and other words: a story about the market.",
        "ID3 tags are metadata in MP3 files, the article explains.",
        "BZh is not a word, but this line starts with it anyway.",
        "<p>The file began with %PDF-1.7 and nothing else.</p>",
    ],
)
def test_text_that_starts_like_a_signature_is_text(text: str) -> None:
    assert decode_bytes(text.encode()).text == text


@pytest.mark.parametrize(
    ("data", "error"),
    [(b"", EmptyInput), (b"   \n ", EmptyInput), (gzip.compress(b" \n"), EmptyInput)],
    ids=["empty", "blank", "gzip-of-blank"],
)
def test_empty_bytes(data: bytes, error: type[Exception]) -> None:
    with pytest.raises(error):
        decode_bytes(data)


def test_size_limit() -> None:
    with pytest.raises(InputTooLarge):
        decode_bytes(b"x" * 100, max_bytes=10)
    with pytest.raises(InputTooLarge, match="expands"):
        decode_bytes(gzip.compress(b"x" * 10_000), max_bytes=1000)
