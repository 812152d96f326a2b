"""The decoding cascade (``_decode``) on bytes we encode ourselves: one case per rung."""

from __future__ import annotations

import codecs
import gzip

import pytest

from article_extract._decode import decode_bytes, detect_kind, normalize_charset
from article_extract.errors import BinaryInput, EmptyInput, InputTooLarge

ARABIC = "أعلنت وزارة الصحة، اليوم الخميس، عن تسجيل إصابات جديدة بفيروس كورونا في المحافظات."
PAGE = "<html><head>{meta}<title>خبر</title></head><body><p>{text}</p><p>{text}</p></body></html>"


def _page(meta: str = "") -> str:
    return PAGE.format(meta=meta, text=ARABIC)


@pytest.mark.parametrize(
    ("encoding", "meta", "expected"),
    [
        ("windows-1256", '<meta charset="windows-1256">', "cp1256"),
        (
            "windows-1256",
            '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">',
            "cp1256",
        ),
        ("windows-1256", "", "cp1256"),
        ("iso-8859-6", '<meta charset="iso-8859-6">', "iso8859-6"),
        ("iso-8859-6", "", "iso8859-6"),
        ("utf-8", '<meta charset="windows-1256">', "utf-8"),  # UTF-8 bytes under a wrong label
        ("utf-8", '<meta charset="iso-8859-1">', "utf-8"),
        ("utf-8", "", "utf-8"),
    ],
    ids=[
        "cp1256-declared",
        "cp1256-http-equiv",
        "cp1256-undeclared",
        "iso6-declared",
        "iso6-undeclared",
        "utf8-labelled-cp1256",
        "utf8-labelled-latin1",
        "utf8-plain",
    ],
)
def test_arabic_encodings(encoding: str, meta: str, expected: str) -> None:
    data = _page(meta).encode(encoding)
    decoded = decode_bytes(data)
    assert ARABIC in decoded.text
    assert codecs.lookup(decoded.encoding).name == codecs.lookup(expected).name
    assert not decoded.replaced


def test_iso_8859_6_without_declaration_is_not_read_as_cp1256() -> None:
    # ISO-8859-6 bytes decode under windows-1256 too, but into Latin-1-looking letters.
    text = ARABIC.replace("،", ",")  # keep to letters both code pages share positions for
    decoded = decode_bytes(_page().replace(ARABIC, text).encode("iso-8859-6"))
    assert text in decoded.text


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ],
)
def test_byte_order_mark_wins(bom: bytes, encoding: str) -> None:
    data = bom + _page('<meta charset="windows-1256">').encode(encoding)
    decoded = decode_bytes(data)
    assert ARABIC in decoded.text
    assert not decoded.text.startswith("\ufeff")


def test_transport_declaration_is_used_when_the_bytes_fit() -> None:
    data = _page().encode("windows-1256")
    assert decode_bytes(data, declared="windows-1256").encoding == "cp1256"


def test_gzip_is_unpacked() -> None:
    data = gzip.compress(_page().encode("utf-8"))
    assert ARABIC in decode_bytes(data).text


def test_broken_bytes_never_raise() -> None:
    data = _page().encode("utf-8") + b"\xff\xfe\xfa" + "نص".encode()
    decoded = decode_bytes(data)
    assert ARABIC in decoded.text


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", EmptyInput),
        (b"   \n ", EmptyInput),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, BinaryInput),
        (b"%PDF-1.7 ...", BinaryInput),
        (b"\x00\x01\x02\x03" * 100, BinaryInput),
    ],
    ids=["empty", "blank", "png", "pdf", "controls"],
)
def test_bad_bytes_raise_input_errors(data: bytes, error: type[Exception]) -> None:
    with pytest.raises(error):
        decode_bytes(data)


def test_size_limit() -> None:
    with pytest.raises(InputTooLarge):
        decode_bytes(b"x" * 100, max_bytes=10)


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("UTF8", "utf-8"),
        ("cp1256", "cp1256"),
        ("arabic", "iso8859-6"),
        ("latin1", "cp1252"),
        ("nope", None),
    ],
)
def test_normalize_charset(label: str, name: str | None) -> None:
    assert normalize_charset(label) == name


def test_detect_kind() -> None:
    assert detect_kind(_page()) == "html"
    assert detect_kind("عنوان الخبر\n\nفقرة أولى من النص.\n\nفقرة ثانية.") == "text"
