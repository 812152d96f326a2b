"""Bytes → text, and "is this HTML or a text dump?".

The decoding cascade, first hit wins:

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32);
2. a charset the transport declared (HTTP ``Content-Type``, a scraper response's encoding) or the
   page declares (``<meta charset>``, ``<meta http-equiv>``, ``<?xml encoding?>``) — *if the bytes
   decode cleanly with it* (pages often lie: UTF-8 bytes labelled windows-1256);
3. strict UTF-8, then UTF-8 with a few broken bytes (at most 5% replacement characters among
   the non-ASCII ones);
4. the Arabic single-byte code pages, windows-1256 and ISO-8859-6, scored by how much of the
   result is Arabic letters and plain punctuation;
5. UTF-8 with replacement characters (never raises; the encoding is reported as such).

Gzip-compressed input (a crawler's ``.html.gz``) is decompressed first, with a ratio cap.
Binary data (images, PDF, archives, NUL-heavy bytes) raises
:class:`~article_extract.errors.BinaryInput`.
"""

from __future__ import annotations

import codecs
import re
import zlib
from dataclasses import dataclass
from typing import Literal

from .errors import BinaryInput, EmptyInput, InputTooLarge

__all__ = ["DecodedText", "decode_bytes", "detect_kind", "normalize_charset"]

InputKind = Literal["html", "text"]

# How far into the document we look for a <meta charset> (browsers use the first 1024 bytes;
# real pages often put it after a long <head> of scripts, so we look further).
_CHARSET_SNIFF_BYTES = 16 * 1024
# A gzip member may expand at most this much relative to its compressed size (bomb guard).
_MAX_GZIP_RATIO = 100
# Replacement characters per non-ASCII character under which bytes are still "UTF-8 with a
# few broken bytes" rather than a single-byte code page.
_MAX_UTF8_ERROR_SHARE = 0.05
# Share of NUL / C0 control bytes above which the bytes are not text in any 8-bit encoding.
_MAX_CONTROL_SHARE = 0.05
# NUL and the C0 controls other than tab, line feed, vertical tab, form feed, carriage return.
_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or b > 13)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Magic numbers of formats that are never a page. Gzip is handled separately.
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or an office document)"),
    (b"RIFF", "RIFF media (WebP, WAV, AVI)"),
    (b"\x7fELF", "executable"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-zip archive"),
    (b"\x00\x00\x00\x18ftyp", "MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "MP4 video"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
)

_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]+)""", re.IGNORECASE
)
_XML_ENCODING_RE = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_\-.]+)""")

# Labels pages use that Python spells differently, or that browsers treat as another charset
# (the WHATWG encoding standard maps latin-1/ascii labels to windows-1252, and "arabic" labels
# to ISO-8859-6).
_CHARSET_ALIASES = {
    "utf8": "utf-8",
    "unicode": "utf-8",
    "latin-1": "windows-1252",
    "latin1": "windows-1252",
    "iso-8859-1": "windows-1252",
    "us-ascii": "windows-1252",
    "ascii": "windows-1252",
    "arabic": "iso-8859-6",
    "asmo-708": "iso-8859-6",
    "ecma-114": "iso-8859-6",
    "iso-8859-6-i": "iso-8859-6",
    "iso-8859-6-e": "iso-8859-6",
    "cp1256": "windows-1256",
    "x-cp1256": "windows-1256",
}

_ARABIC_CODEPAGES = ("windows-1256", "iso-8859-6")

# Tags whose presence near the top means markup rather than a text dump.
_HTML_MARKERS_RE = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|span|section|br|a\s|script|table|h[1-6])\b",
    re.IGNORECASE,
)
_HTML_SNIFF_CHARS = 4096
_TAG_RE = re.compile(r"<[a-zA-Z!/][^<>]{0,500}>")
# A text dump may quote a tag or two; a page is mostly tags.
_MIN_TAGS_FOR_HTML = 3


@dataclass(frozen=True, slots=True)
class DecodedText:
    """Text decoded from bytes, with the encoding that produced it."""

    text: str
    encoding: str
    replaced: bool = False


def normalize_charset(label: str | None) -> str | None:
    """A Python codec name for a charset label, or None when the label is unknown."""
    if not label:
        return None
    key = label.strip().strip("\"'").lower()
    key = _CHARSET_ALIASES.get(key, key)
    try:
        return codecs.lookup(key).name
    except LookupError:
        return None


def _maybe_gunzip(data: bytes, max_bytes: int) -> bytes:
    if not data.startswith(b"\x1f\x8b"):
        return data
    limit = min(max_bytes, max(len(data) * _MAX_GZIP_RATIO, 1))
    decompressor = zlib.decompressobj(wbits=31)
    try:
        out = decompressor.decompress(data, limit + 1)
    except zlib.error as exc:
        raise BinaryInput(f"gzip data that cannot be decompressed ({exc})") from exc
    if len(out) > limit:
        raise InputTooLarge(f"gzip data expands beyond {limit} bytes")
    return out


def _check_not_binary(data: bytes) -> None:
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise BinaryInput(f"the input is binary data ({what}), not a page")
    sample = data[:8192]
    if not sample:
        return
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls / len(sample) > _MAX_CONTROL_SHARE:
        raise BinaryInput(
            f"the input is binary data ({controls} control bytes in the first {len(sample)})"
        )


def _declared_charset(data: bytes) -> str | None:
    head = data[:_CHARSET_SNIFF_BYTES]
    match = _XML_ENCODING_RE.match(head) or _META_CHARSET_RE.search(head)
    return normalize_charset(match.group(1).decode("ascii", "replace")) if match else None


def _arabic_score(text: str) -> float:
    """How much a decoding looks like real Arabic-script text (higher is better)."""
    good = 0
    bad = 0
    for ch in text:
        if "\u0621" <= ch <= "\u064a" or ch in " \n.,:،؛؟!\"'()-0123456789" or ch.isascii():
            good += 1
        elif (
            ch == "\ufffd"
            or "\u0080" <= ch <= "\u00ff"
            or (not ch.isprintable() and ch not in "\r\t")
        ):
            bad += 1
    return (good - 5 * bad) / max(len(text), 1)


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_bytes(
    data: bytes, *, declared: str | None = None, max_bytes: int | None = None
) -> DecodedText:
    """Decode page bytes by the cascade in this module's docstring. Raises only InputError."""
    if max_bytes is not None and len(data) > max_bytes:
        raise InputTooLarge(f"the input is {len(data)} bytes, over the {max_bytes}-byte limit")
    data = _maybe_gunzip(data, max_bytes if max_bytes is not None else 1 << 62)
    if not data or data.isspace():  # isspace() is bytes.strip()'s ASCII set, without a copy
        raise EmptyInput("the input is empty")

    for bom, encoding in _BOMS:
        if data.startswith(bom):
            with_bom = data.decode(encoding, errors="replace")
            return DecodedText(
                with_bom.lstrip("\ufeff"), codecs.lookup(encoding).name, "\ufffd" in with_bom
            )

    _check_not_binary(data)

    for label in (declared, _declared_charset(data)):
        codec = normalize_charset(label)
        if codec is None:
            continue
        declared_text = _strict(data, codec)
        # A single-byte declaration decodes *anything*; trust it only if UTF-8 does not also fit
        # (UTF-8 bytes under a windows-1256 label are the common lie).
        utf8_fits = codec != "utf-8" and not data.isascii() and _strict(data, "utf-8") is not None
        if declared_text is not None and not utf8_fits:
            return DecodedText(declared_text, codec)

    strict_utf8 = _strict(data, "utf-8")
    if strict_utf8 is not None:
        return DecodedText(strict_utf8, "utf-8")

    # Mostly-valid UTF-8 with a few broken bytes (a truncated download, one bad paste) is UTF-8:
    # a single-byte code page would turn every Arabic letter into two letters of mojibake.
    loose = data.decode("utf-8", errors="replace")
    non_ascii = sum(1 for ch in loose if ord(ch) > 0x7F)
    if non_ascii and loose.count("\ufffd") <= _MAX_UTF8_ERROR_SHARE * non_ascii:
        return DecodedText(loose, "utf-8", True)

    best: DecodedText | None = None
    best_score = float("-inf")
    for encoding in _ARABIC_CODEPAGES:
        candidate = data.decode(encoding, errors="replace")
        score = _arabic_score(candidate)
        if score > best_score:
            best, best_score = DecodedText(candidate, encoding, "\ufffd" in candidate), score
    if best is not None and not best.replaced:
        return best
    text = data.decode("utf-8", errors="replace")
    return DecodedText(text, "utf-8", True) if best is None or best.replaced else best


def detect_kind(text: str) -> InputKind:
    """``"html"`` when the text is markup, ``"text"`` for a visible-text dump."""
    head = text[:_HTML_SNIFF_CHARS]
    if _HTML_MARKERS_RE.search(head) is None:
        return "text"
    return (
        "html"
        if len(_TAG_RE.findall(text[: _HTML_SNIFF_CHARS * 4])) >= _MIN_TAGS_FOR_HTML
        else "text"
    )
