"""Bytes → text, and the one name of the encoding that read them.

The decoding cascade, first hit wins:

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
2. a charset the server declared (HTTP ``Content-Type``, passed as ``declared``), then one the
   document declares (``<?xml encoding?>``, ``<meta charset>``, ``<meta http-equiv>``) — *if the
   bytes decode cleanly with it* and, for a single-byte charset, UTF-8 does not fit the bytes too
   (pages often lie: UTF-8 bytes labelled windows-1256). A UTF-16 label counts only from the
   server and only when the bytes are UTF-16; in the document it means UTF-8 (as in browsers:
   the label was readable as ASCII);
3. strict UTF-8, then UTF-8 with a few broken bytes (at most 5% replacement characters among
   the non-ASCII ones);
4. the Arabic single-byte code pages, windows-1256 and ISO-8859-6, scored by how much of the
   result is Arabic letters and plain punctuation (the default of an Arabic-first reader, as a
   browser's locale default);
5. UTF-8 with replacement characters (never raises; ``replaced`` says so).

Labels are read with the WHATWG Encoding Standard's label table (``data/encodings.toml``), and
the encoding is reported by its WHATWG name whichever rung found it: ``UTF-8``,
``windows-1256``, ``ISO-8859-6``, ``UTF-16LE``… (``cp1256``, ``x-cp1256`` and ``windows-1256``
are one encoding; ``latin1``/``ascii`` are ``windows-1252``, as in browsers). UTF-32, outside the
standard, is reported as ``UTF-32LE``/``UTF-32BE``. A label the table does not know is ignored.

Gzip-compressed input (a crawler's ``.html.gz``) is decompressed first, with a ratio cap. Binary
data (images, PDF, office documents, archives, NUL-heavy bytes) raises
:class:`~article_extract.errors.BinaryInput`; a WARC/ARC web archive raises
:class:`~article_extract.errors.UnsupportedSource` (its pages are read by the batch API).
"""

from __future__ import annotations

import codecs
import re
import zlib
from functools import cache
from typing import NamedTuple

from ._sniff import archive_kind
from .data import load_table
from .errors import BinaryInput, EmptyInput, InputTooLarge, UnsupportedSource

__all__ = ["DecodedText", "Encoding", "decode_bytes", "lookup_encoding", "normalize_charset"]

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
# Bytes sampled for the control-byte share and the UTF-16 shape.
_SAMPLE_BYTES = 8192
# NUL and the C0 controls other than tab, line feed, vertical tab, form feed, carriage return.
_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or b > 13)
# Markup in UTF-16 has a NUL as the high byte of every ASCII character: at least this share of
# the high bytes (and more than of the low bytes) must be NUL for a BOM-less UTF-16
# declaration to be believed (an Arabic page's letters have 0x06 there instead).
_MIN_UTF16_NUL_SHARE = 0.1
# A decoding of Arabic text scores its good characters minus this weight per bad one.
_BAD_CHARACTER_WEIGHT = 5
# Where a PDF may put its header, after junk that holds no markup.
_PDF_HEADER_BYTES = 1024


class Encoding(NamedTuple):
    """An encoding: its WHATWG name (what we report) and the Python codec that decodes it."""

    name: str
    codec: str


_UTF8 = Encoding("UTF-8", "utf-8")
_UTF16 = frozenset({"UTF-16LE", "UTF-16BE"})

_BOMS: tuple[tuple[bytes, Encoding], ...] = (
    (codecs.BOM_UTF32_LE, Encoding("UTF-32LE", "utf-32-le")),  # before UTF-16 LE: same start
    (codecs.BOM_UTF32_BE, Encoding("UTF-32BE", "utf-32-be")),
    (codecs.BOM_UTF8, _UTF8),
    (codecs.BOM_UTF16_LE, Encoding("UTF-16LE", "utf-16-le")),
    (codecs.BOM_UTF16_BE, Encoding("UTF-16BE", "utf-16-be")),
)

# Magic numbers of formats that are never a page, each format's signatures together. Gzip is
# unpacked before; what a ZIP holds is read from its first entry (_ZIP_KINDS). Signatures made
# of letters carry the binary bytes that follow them, so a text that starts with "OTTO", "RIFF"
# or "ID3" is not taken for a font, a video or a song.
_ZIP = "a ZIP archive"
_BINARY_SIGNATURES: tuple[tuple[tuple[bytes, ...], str], ...] = (
    ((b"\x89PNG\r\n\x1a\n",), "a PNG image"),
    ((b"\xff\xd8\xff",), "a JPEG image"),
    ((b"GIF87a", b"GIF89a"), "a GIF image"),
    ((b"II*\x00", b"MM\x00*"), "a TIFF image"),
    ((b"\x00\x00\x01\x00",), "an icon"),
    ((b"8BPS\x00\x01",), "a Photoshop image"),
    ((b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",), "an office document (doc, xls, ppt or msg)"),
    ((b"{\\rtf1",), "an RTF document"),
    ((b"PK\x03\x04", b"PK\x05\x06"), _ZIP),
    ((b"Rar!\x1a\x07",), "a RAR archive"),
    ((b"7z\xbc\xaf\x27\x1c",), "a 7-zip archive"),
    (tuple(b"BZh%d1AY&SY" % level for level in range(1, 10)), "a bzip2 archive"),
    ((b"\xfd7zXZ\x00",), "an xz archive"),
    ((b"\x28\xb5\x2f\xfd",), "a zstd archive"),
    ((b"OggS\x00",), "Ogg media"),
    ((b"ID3\x02\x00", b"ID3\x03\x00", b"ID3\x04\x00"), "MP3 audio"),
    ((b"fLaC\x00", b"fLaC\x80"), "FLAC audio"),
    ((b"\x1a\x45\xdf\xa3",), "Matroska/WebM video"),
    ((b"wOFF\x00", b"wOFFOTTO", b"wOF2\x00", b"wOF2OTTO"), "a web font"),
    ((b"OTTO\x00", b"\x00\x01\x00\x00\x00"), "a font"),
    ((b"\x7fELF",), "an executable"),
    ((b"MZ\x90\x00",), "a Windows executable"),
    ((b"\xca\xfe\xba\xbe",), "a Java class or Mach-O binary"),
    ((b"\xcf\xfa\xed\xfe",), "a Mach-O binary"),
    ((b"\x00asm",), "a WebAssembly module"),
    ((b"SQLite format 3\x00",), "an SQLite database"),
)
# Formats known by a tag after a size field: ISO media (MP4, MOV, HEIC, AVIF) and RIFF.
_TAGGED_FORMATS: tuple[tuple[bytes, int, bytes, str], ...] = (
    (b"", 4, b"ftyp", "MP4/ISO media (video or image)"),
    (b"RIFF", 8, b"WEBP", "a WebP image"),
    (b"RIFF", 8, b"WAVE", "WAV audio"),
    (b"RIFF", 8, b"AVI ", "AVI video"),
)
# What a ZIP's first entry says it is (OOXML, OpenDocument and EPUB all start with a marker file).
_ZIP_KINDS: tuple[tuple[bytes, str], ...] = (
    (b"[Content_Types].xml", "an office document (docx, xlsx or pptx)"),
    (b"mimetypeapplication/vnd.oasis.opendocument", "an OpenDocument file (odt, ods or odp)"),
    (b"mimetypeapplication/epub+zip", "an EPUB book"),
)
# The first entry's name starts after the 30-byte local file header.
_ZIP_NAME_OFFSET = 30
# A PDF header may follow up to 1 KB of junk (the format allows it): "%PDF-" and a version.
_PDF_HEADER_RE = re.compile(rb"%PDF-[12]\.\d")

# A charset in a <meta> tag: "<meta charset=x>" or "<meta http-equiv … content='…; charset=x'>".
# "[^<>]" keeps a match inside one tag, so every "<meta" costs at most its own length.
_META_CHARSET_RE = re.compile(
    rb"""<meta[^<>]{1,1024}?charset\s*=[\s"']*([a-zA-Z0-9_\-:.]+)""", re.IGNORECASE
)
_XML_ENCODING_RE = re.compile(rb"""<\?xml[^<>]{1,200}?encoding\s*=\s*["']([a-zA-Z0-9_\-.]+)""")

_ARABIC_CODEPAGE_LABELS = ("windows-1256", "iso-8859-6")
# Characters of plain text in any decoding (besides Arabic letters and ASCII).
_PLAIN_CHARS = frozenset(" \n.,:،؛؟!\"'()-0123456789")


class DecodedText(NamedTuple):
    """Text decoded from bytes, with the WHATWG name of the encoding that produced it."""

    text: str
    encoding: str
    replaced: bool = False


@cache
def _labels() -> dict[str, Encoding]:
    labels: dict[str, Encoding] = {}
    for name, entry in load_table("encodings").items():
        encoding = Encoding(name, entry["codec"])
        for label in entry["labels"]:
            labels[label] = encoding
    return labels


def lookup_encoding(label: str | bytes | None) -> Encoding | None:
    """The encoding a charset label means (WHATWG label table), or None when it is unknown."""
    if not label:
        return None
    if isinstance(label, bytes):
        label = label.decode("latin-1")
    return _labels().get(label.strip().strip("\"'").strip().lower())


def normalize_charset(label: str | bytes | None) -> str | None:
    """The WHATWG name of the encoding a charset label means, or None when it is unknown."""
    encoding = lookup_encoding(label)
    return encoding.name if encoding is not None else None


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
        raise InputTooLarge(
            f"gzip data expands beyond {limit:,} bytes ({_MAX_GZIP_RATIO}× its compressed size, "
            "or Options.max_input_bytes, whichever is smaller)"
        )
    return out


def _binary_kind(data: bytes) -> str | None:
    """What binary format ``data`` is in, by its magic number; None when it has none we know."""
    for signatures, what in _BINARY_SIGNATURES:
        if data.startswith(signatures):
            if what == _ZIP:
                name = data[_ZIP_NAME_OFFSET : _ZIP_NAME_OFFSET + 64]
                return next((kind for marker, kind in _ZIP_KINDS if name.startswith(marker)), what)
            return what
    for prefix, offset, tag, what in _TAGGED_FORMATS:
        if data.startswith(prefix) and data[offset : offset + len(tag)] == tag:
            return what
    pdf = _PDF_HEADER_RE.search(data, 0, _PDF_HEADER_BYTES)
    if pdf is not None and b"<" not in data[: pdf.start()]:
        return "a PDF document"
    return None


def _refuse_non_text(data: bytes) -> None:
    """Raise for bytes that are an archive of pages or binary data rather than one page."""
    archive = archive_kind(data[:16].decode("latin-1"))
    if archive is not None:
        raise UnsupportedSource.archive(archive.what)
    what = _binary_kind(data)
    if what is not None:
        raise BinaryInput(f"the input is binary data ({what}), not a page")
    sample = data[:_SAMPLE_BYTES]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > _MAX_CONTROL_SHARE * len(sample):
        raise BinaryInput(
            f"the input is binary data ({controls} control bytes in the first {len(sample)})"
        )


def _in_document_charset(data: bytes) -> Encoding | None:
    head = data[:_CHARSET_SNIFF_BYTES]
    match = _XML_ENCODING_RE.match(head) or _META_CHARSET_RE.search(head)
    encoding = lookup_encoding(match.group(1)) if match else None
    # A UTF-16 label inside a document readable as ASCII is wrong about itself (HTML standard).
    return _UTF8 if encoding is not None and encoding.name in _UTF16 else encoding


def _utf16_without_bom(data: bytes, encoding: Encoding) -> bool:
    """Do BOM-less bytes declared UTF-16 look like it (a NUL in every other byte of ASCII)?"""
    sample = data[:_SAMPLE_BYTES]
    high, low = (sample[1::2], sample[0::2])
    if encoding.name == "UTF-16BE":
        high, low = low, high
    nuls = high.count(0)
    return len(data) % 2 == 0 and nuls >= _MIN_UTF16_NUL_SHARE * len(high) and nuls > low.count(0)


@cache
def _byte_classes(codec: str) -> tuple[bytes, bytes, bytes]:
    """For a single-byte code page: the bytes that decode to good characters (Arabic letters,
    ASCII, plain punctuation), to bad ones (Latin-1-range letters, controls, nothing), and to
    nothing at all."""
    good = bytearray()
    bad = bytearray()
    undefined = bytearray()
    for byte in range(256):
        char = bytes([byte]).decode(codec, errors="replace")
        if "\u0621" <= char <= "\u064a" or char in _PLAIN_CHARS or char.isascii():
            good.append(byte)
        elif char == "\ufffd" or "\u0080" <= char <= "\u00ff" or not char.isprintable():
            bad.append(byte)
        if char == "\ufffd":
            undefined.append(byte)
    return bytes(good), bytes(bad), bytes(undefined)


def _count(data: bytes, members: bytes) -> int:
    """How many bytes of ``data`` are in ``members`` (one C pass, no copy kept)."""
    return len(data) - len(data.translate(None, members))


def _arabic_score(data: bytes, codec: str) -> tuple[float, bool]:
    """How much ``data`` decoded with a single-byte ``codec`` looks like Arabic-script text
    (higher is better), and whether some byte has no character in it. Counted on the bytes:
    one byte is one character in these code pages."""
    good, bad, undefined = _byte_classes(codec)
    score = (_count(data, good) - _BAD_CHARACTER_WEIGHT * _count(data, bad)) / max(len(data), 1)
    return score, _count(data, undefined) > 0


def _mostly_utf8(data: bytes | str) -> bool:
    """UTF-8 with few broken bytes: replacement characters are at most a small share of the
    non-ASCII characters (a sample may end inside a character: one more is allowed)."""
    text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    slack = 1 if isinstance(data, bytes) else 0
    return non_ascii > 0 and text.count("\ufffd") <= _MAX_UTF8_ERROR_SHARE * non_ascii + slack


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _declared(data: bytes, declared: str | None, strict_utf8: str | None) -> DecodedText | None:
    for encoding in (lookup_encoding(declared), _in_document_charset(data)):
        if encoding is None or encoding.name in _UTF16:  # BOM-less UTF-16 is handled before
            continue
        if encoding.name == "UTF-8":
            if strict_utf8 is not None:
                return DecodedText(strict_utf8, "UTF-8")
            continue
        text = _strict(data, encoding.codec)
        # A single-byte declaration decodes *anything*; trust it only if UTF-8 does not also fit
        # (UTF-8 bytes under a windows-1256 label are the common lie).
        if text is not None and (strict_utf8 is None or data.isascii()):
            return DecodedText(text, encoding.name)
    return None


def decode_bytes(
    data: bytes, *, declared: str | None = None, max_bytes: int | None = None
) -> DecodedText:
    """Decode page bytes by the cascade in this module's docstring. Raises only InputError.

    ``declared`` is the charset label the server sent (HTTP ``Content-Type``), if any."""
    if max_bytes is not None and len(data) > max_bytes:
        raise InputTooLarge.over(f"the input is {len(data):,} bytes", "max_input_bytes", max_bytes)
    data = _maybe_gunzip(data, max_bytes if max_bytes is not None else 1 << 62)
    if not data or data.isspace():  # isspace() is bytes.strip()'s ASCII set, without a copy
        raise EmptyInput("the input is empty")

    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(encoding.codec, errors="replace")
            return DecodedText(text, encoding.name, "\ufffd" in text)

    transport = lookup_encoding(declared)
    if transport is not None and transport.name in _UTF16 and _utf16_without_bom(data, transport):
        text = data.decode(transport.codec, errors="replace")
        return DecodedText(text, transport.name, "\ufffd" in text)

    _refuse_non_text(data)

    strict_utf8 = _strict(data, "utf-8")
    found = _declared(data, declared, strict_utf8)
    if found is not None:
        return found
    if strict_utf8 is not None:
        return DecodedText(strict_utf8, "UTF-8")

    # Mostly-valid UTF-8 with a few broken bytes (a truncated download, one bad paste) is UTF-8:
    # a single-byte code page would turn every Arabic letter into two letters of mojibake.
    if _mostly_utf8(data[:_SAMPLE_BYTES]):  # the sample spares the per-byte error handler
        loose = data.decode("utf-8", errors="replace")
        if _mostly_utf8(loose):
            return DecodedText(loose, "UTF-8", True)

    best: Encoding | None = None
    best_score = float("-inf")
    for codepage in (_labels()[label] for label in _ARABIC_CODEPAGE_LABELS):
        score, has_undefined = _arabic_score(data, codepage.codec)
        if not has_undefined and score > best_score:
            best, best_score = codepage, score
    if best is not None:
        return DecodedText(data.decode(best.codec), best.name)
    return DecodedText(data.decode("utf-8", errors="replace"), "UTF-8", True)
