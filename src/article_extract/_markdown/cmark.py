"""cmark-gfm: CommonMark with GitHub's extensions → HTML, releasing each document's memory.

cmarkgfm's ``markdown_to_html_with_extensions`` never frees the document tree it builds nor the
HTML string it returns: about ten times the page's size stays allocated for good (half a
megabyte for a 44 KB page, every call), so a batch of Markdown pages grows without bound.
The same C functions, from the library cmarkgfm ships, are called here through ``ctypes`` in
the same order, and the tree and the string are freed once the HTML is copied out: the HTML is
the same, byte for byte. Where the library cannot be called that way (a build that does not
export its symbols), cmarkgfm's own wrapper is used.

Loaded on first use, so that ``import article_extract`` does not pay for it. Each call has its
own parser: the function is thread-safe (the extensions are registered once, at load).
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

__all__ = ["markdown_renderer", "markdown_utf8_renderer"]

# cmark's default options (CMARK_OPT_DEFAULT): raw HTML is omitted ("safe" output).
_OPTIONS = 0


class _Memory(ctypes.Structure):
    """cmark's allocator (``cmark_mem``): the HTML it returns is released with its ``free``."""

    _fields_ = (
        ("calloc", ctypes.c_void_p),
        ("realloc", ctypes.c_void_p),
        ("free", ctypes.CFUNCTYPE(None, ctypes.c_void_p)),
    )


class _Cmark:
    """cmark-gfm's C functions, called directly."""

    def __init__(self, library: ctypes.CDLL, extensions: Sequence[str]) -> None:
        pointer, size, number = ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int

        def function(name: str, result: Any, *arguments: Any) -> Any:
            found = getattr(library, name)  # AttributeError: the symbol is not exported
            found.restype, found.argtypes = result, arguments
            return found

        function("cmark_gfm_core_extensions_ensure_registered", None)()
        find = function("cmark_find_syntax_extension", pointer, ctypes.c_char_p)
        self._extensions = tuple(find(name.encode("ascii")) for name in extensions)
        if not all(self._extensions):
            raise AttributeError(f"cmark-gfm lacks one of the extensions {extensions}")
        self._parser_new = function("cmark_parser_new", pointer, number)
        self._attach = function("cmark_parser_attach_syntax_extension", number, pointer, pointer)
        self._feed = function("cmark_parser_feed", None, pointer, ctypes.c_char_p, size)
        self._finish = function("cmark_parser_finish", pointer, pointer)
        self._parser_extensions = function("cmark_parser_get_syntax_extensions", pointer, pointer)
        self._render = function("cmark_render_html", pointer, pointer, number, pointer)
        self._node_free = function("cmark_node_free", None, pointer)
        self._parser_free = function("cmark_parser_free", None, pointer)
        memory = function("cmark_get_default_mem_allocator", ctypes.POINTER(_Memory))()
        self._free = memory.contents.free

    def render(self, text: str) -> str:
        """``text`` as HTML (what cmarkgfm's wrapper returns), its memory released."""
        return self.render_utf8(text).decode("utf-8")

    def render_utf8(self, text: str) -> bytes:
        """:meth:`render`'s HTML as cmark writes it: UTF-8, not decoded."""
        encoded = text.encode("utf-8")
        parser = self._parser_new(_OPTIONS)
        try:
            for extension in self._extensions:
                self._attach(parser, extension)
            self._feed(parser, encoded, len(encoded))
            root = self._finish(parser)
            if not root:
                raise ValueError("Error parsing markdown!")
            try:
                html = self._render(root, _OPTIONS, self._parser_extensions(parser))
            finally:
                self._node_free(root)
        finally:
            self._parser_free(parser)
        try:
            return ctypes.string_at(html)
        finally:
            self._free(html)


@cache
def markdown_renderer(extensions: tuple[str, ...]) -> Callable[[str], str]:
    """A function rendering Markdown as HTML with cmark-gfm and these extensions (module
    docstring)."""
    import cmarkgfm
    from cmarkgfm import _cmark

    try:
        return _Cmark(ctypes.CDLL(_cmark.__file__), extensions).render
    except (OSError, AttributeError):  # the library cannot be called directly
        pass

    def render(text: str) -> str:
        html: str = cmarkgfm.markdown_to_html_with_extensions(text, extensions=list(extensions))
        return html

    return render


@cache
def markdown_utf8_renderer(extensions: tuple[str, ...]) -> Callable[[str], bytes]:
    """:func:`markdown_renderer`'s HTML as the UTF-8 cmark writes: lxml reads it as is, where a
    ``str`` would be decoded here and converted again from UTF-16 or UCS-4 by libxml2."""
    render = markdown_renderer(extensions)
    library = getattr(render, "__self__", None)
    if isinstance(library, _Cmark):
        return library.render_utf8
    return lambda text: render(text).encode("utf-8")
