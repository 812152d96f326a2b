"""Security: no network, no file reads through entities, no entity bombs, nothing executed, no
``javascript:``/``data:`` URL in the Article, and the gzip size cap holds.

Network is proven absent, not assumed: a listening socket on the loopback interface is named in
every place a parser could fetch from (external DTD, external entity, XInclude, ``<base>``,
stylesheets, scripts, images, frames), and it must see no connection; Python-level sockets are
blocked on top, so a fetch from Python code fails loudly too.
"""

from __future__ import annotations

import ast
import gzip
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import hostile_inputs
from article_extract import (
    Article,
    ExtractError,
    InputError,
    InputTooLarge,
    InternalError,
    Options,
    extract,
)
from isolated import run_isolated

SRC = Path(__file__).parent.parent / "src" / "article_extract"
BODY = f"<p>{hostile_inputs.PARAGRAPH}</p>" * 3
HEADLINE = hostile_inputs.HEADLINE


class _Listener:
    """A loopback TCP listener that counts the connections it accepts."""

    def __init__(self) -> None:
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(16)
        self.socket.settimeout(0.1)
        self.port = self.socket.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self.socket.accept()
            except OSError:
                continue
            self.connections += 1
            connection.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.socket.close()


@pytest.fixture
def listener() -> Iterator[_Listener]:
    served = _Listener()
    yield served
    served.close()


@pytest.fixture
def no_python_sockets(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any Python-level connection or name lookup raises (the listener's own socket is made
    before this fixture runs, and accepting is not connecting)."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: {args!r:.200}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def _fetching_pages(base: str, secret: Path) -> dict[str, str]:
    """Pages that name ``base`` (and a local file) everywhere a parser might fetch from."""
    xml = '<?xml version="1.0" encoding="utf-8"?>\n'
    article = f"<article><h1>{HEADLINE}</h1>{BODY}</article>"
    return {
        "external DTD": (
            f'{xml}<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "{base}/x.dtd">'
            f'<html xmlns="http://www.w3.org/1999/xhtml"><body>{article}</body></html>'
        ),
        "external entity (http)": (
            f'{xml}<!DOCTYPE html [<!ENTITY xxe SYSTEM "{base}/entity">]>'
            f"<html><body><article><h1>{HEADLINE} &xxe;</h1>{BODY}<p>&xxe;</p></article>"
            "</body></html>"
        ),
        "external entity (file)": (
            f'{xml}<!DOCTYPE html [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
            f"<html><body><article><h1>{HEADLINE} &xxe;</h1>{BODY}<p>&xxe;</p></article>"
            "</body></html>"
        ),
        "parameter entity": (
            f'{xml}<!DOCTYPE html [<!ENTITY % remote SYSTEM "{base}/p.dtd"> %remote;]>'
            f"<html><body>{article}</body></html>"
        ),
        "XInclude": (
            f'{xml}<html xmlns="http://www.w3.org/1999/xhtml" '
            'xmlns:xi="http://www.w3.org/2001/XInclude"><body><article>'
            f'<h1>{HEADLINE}</h1>{BODY}<xi:include href="{base}/inc.xml" parse="text"/>'
            f'<xi:include href="{secret.as_uri()}" parse="text"/></article></body></html>'
        ),
        "remote <base>, stylesheet, script, image, frame": (
            f'<html><head><base href="{base}/"><link rel="stylesheet" href="{base}/s.css">'
            f'<script src="{base}/s.js"></script><?xml-stylesheet href="{base}/x.xsl"?>'
            f'<meta property="og:image" content="img.jpg"></head><body>'
            f'<iframe src="{base}/frame"></iframe><img src="{base}/i.jpg">{article}'
            f'<object data="{base}/o"></object></body></html>'
        ),
    }


def test_no_network_and_no_file_reads(
    tmp_path: Path, listener: _Listener, no_python_sockets: None
) -> None:
    secret = tmp_path / "secret.txt"
    marker = "SECRET-7f3a-MUST-NOT-LEAK"
    secret.write_text(marker)
    pages = _fetching_pages(f"http://127.0.0.1:{listener.port}", secret)
    for name, page in pages.items():
        for source in (page, page.encode("utf-8")):
            try:
                article = extract(source, url="https://example.com/news/1")
            except InternalError as exc:  # pragma: no cover
                pytest.fail(f"{name}: internal error {exc.__cause__!r}")
            except ExtractError:
                continue
            assert marker not in article.model_dump_json(), name
    assert listener.connections == 0, "a parser connected to the network"


def test_entity_expansion_bomb_is_not_expanded() -> None:
    """A billion-laughs page declared as XHTML: no expansion, no blow-up (checked in a child
    with a deadline, so a real bomb fails the test instead of the machine)."""
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    ]
    page = (
        '<?xml version="1.0"?><!DOCTYPE html [' + "".join(entities) + "]>"
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><article>'
        f"<h1>{HEADLINE} &lol9;</h1>{BODY}<p>&lol9;&lol9;</p></article></body></html>"
    )
    for source in (page, page.encode("utf-8")):
        outcome = run_isolated(
            lambda source=source: extract(source),
            timeout=20,
            summarise=lambda article: article.model_dump_json(),
        )
        assert outcome.kind == "article", outcome
        assert "lollol" not in outcome.detail
        assert outcome.peak_rss_growth < 200 * 1024 * 1024


def test_nothing_on_the_page_is_executed_or_kept_as_text() -> None:
    """Scripts, handlers, templates and processing instructions never reach the output."""
    page = (
        "<html><head><script>document.title='INJECTED-1'</script>"
        "<style>body:after{content:'INJECTED-2'}</style></head><body onload=\"x('INJECTED-3')\">"
        f"<article><h1>{HEADLINE}</h1>{BODY}"
        "<script>document.write('<p>INJECTED-4</p>')</script><noscript>INJECTED-5</noscript>"
        "<template><p>INJECTED-6</p></template><?php echo 'INJECTED-7'; ?>"
        '<iframe srcdoc="<p>INJECTED-8</p>"></iframe><svg><script>INJECTED-9</script></svg>'
        "</article></body></html>"
    )
    article = extract(page)
    assert "INJECTED" not in article.model_dump_json()
    assert article.body


# Modules and calls that could run code, spawn processes or reach the network.
_FORBIDDEN_MODULES = frozenset(
    {"subprocess", "socket", "urllib.request", "http.client", "requests", "httpx", "pickle",
     "marshal", "ctypes", "multiprocessing", "ftplib", "smtplib", "shelve"}
)  # fmt: skip
_FORBIDDEN_CALLS = frozenset({"eval", "exec", "compile", "__import__", "system", "popen"})
# The batch API's worker pool runs extract() in worker processes (extract() itself never does).
# The Markdown path calls cmark-gfm's C functions (the library the cmarkgfm dependency ships,
# fixed signatures) to free each document, which cmarkgfm's wrapper leaks.
_ALLOWED_BY_FILE = {
    "_batch/pool.py": frozenset({"multiprocessing"}),
    "_markdown/cmark.py": frozenset({"ctypes"}),
}


def test_the_library_imports_nothing_that_runs_code_or_fetches() -> None:
    """A static check of src/: no network or process modules, no eval/exec."""
    problems = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            allowed = _ALLOWED_BY_FILE.get(path.relative_to(SRC).as_posix(), frozenset())
            for name in names:
                root = name.split(".")[0]
                if (
                    name in _FORBIDDEN_MODULES or root in _FORBIDDEN_MODULES
                ) and root not in allowed:
                    problems.append(f"{path.name}: import {name}")
            if isinstance(node, ast.Call):
                func = node.func
                called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                if called in _FORBIDDEN_CALLS and not (
                    isinstance(func, ast.Attribute)
                    and isinstance(func.value, ast.Name)
                    and func.value.id in ("re", "_re")
                ):
                    problems.append(f"{path.name}:{node.lineno}: {called}()")
    assert not problems


_HOSTILE_URLS = (
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "\x01javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "jav&#x09;ascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:image/png;base64,iVBORw0KGgo=",
    "data:text/html,<script>alert(1)</script>",
    "DATA:image/svg+xml,<svg onload=alert(1)>",
    "file:///etc/passwd",
    "//javascript:alert(1)",
    "http:javascript:alert(1)",
    "https:",
    "http://",
)


def _pages_with_url(value: str) -> list[str]:
    attr = value.replace('"', "&quot;")
    json_value = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    json_value = json_value.replace("\t", "\\t").replace("\x01", "\\u0001")
    article = f"<article><h1>{HEADLINE}</h1>{BODY}</article>"
    ld = (
        '{"@type": "NewsArticle", "headline": "x", '
        f'"url": "{json_value}", "image": {{"url": "{json_value}"}}, '
        f'"mainEntityOfPage": "{json_value}"}}'
    )
    return [
        f'<html><head><meta property="og:url" content="{attr}">'
        f'<meta property="og:image" content="{attr}"><link rel="canonical" href="{attr}">'
        f'<meta name="twitter:image" content="{attr}"></head><body>{article}</body></html>',
        f'<html><head><script type="application/ld+json">{ld}</script></head>'
        f"<body>{article}</body></html>",
        f'<html><head><base href="{attr}"><meta property="og:image" content="/i.jpg">'
        f'<link rel="canonical" href="/news/1"></head><body>{article}</body></html>',
        f'<html><head><script type="application/ld+json">{{"@type": "NewsArticle", '
        f'"image": ["{json_value}", {{"@id": "{json_value}"}}]}}</script></head>'
        f'<body><article itemscope><img itemprop="image" src="{attr}"><h1>{HEADLINE}</h1>'
        f"{BODY}</article></body></html>",
    ]


def _assert_http_or_none(article: Article, context: str) -> None:
    for field in ("url", "canonical_url", "image"):
        value = getattr(article, field)
        assert value is None or value.lower().startswith(("http://", "https://")), (
            f"{field}={value!r} from {context}"
        )
        if value is not None:
            assert "script:" not in value.lower()


@pytest.mark.parametrize("value", _HOSTILE_URLS)
def test_script_and_data_urls_never_reach_the_article(value: str) -> None:
    for page in _pages_with_url(value):
        for source in (page, page.encode("utf-8")):
            try:
                article = extract(source)
            except InternalError as exc:  # pragma: no cover
                pytest.fail(f"internal error: {exc.__cause__!r}")
            except ExtractError:
                continue  # a page whose canonical URL reads as a home page, say
            _assert_http_or_none(article, f"page {page[:120]!r}")


def test_a_real_url_still_comes_through() -> None:
    """The URL checks above must not pass by dropping every URL."""
    (page, *_) = _pages_with_url("https://example.com/news/2022/01/06/story")
    article = extract(page)
    assert article.url == "https://example.com/news/2022/01/06/story"
    assert article.image == "https://example.com/news/2022/01/06/story"


@pytest.mark.parametrize("value", _HOSTILE_URLS)
def test_script_and_data_urls_from_the_caller_are_not_kept(value: str) -> None:
    (page, *_) = _pages_with_url("https://example.com/x")
    try:
        article = extract(page, url=value)
    except InternalError as exc:  # pragma: no cover
        pytest.fail(f"internal error: {exc.__cause__!r}")
    except ExtractError:
        return  # rejecting the caller's URL with a typed error is fine too
    _assert_http_or_none(article, f"url={value!r}")


def test_gzip_bomb_is_refused() -> None:
    """50 MB of spaces in 50 KB of gzip: over the expansion-ratio cap."""
    bomb = gzip.compress(b" " * 50_000_000)
    with pytest.raises(InputTooLarge):
        extract(bomb)


def test_gzip_is_capped_by_max_input_bytes() -> None:
    page = (
        f"<html><head><title>{HEADLINE}</title></head><body><article><h1>{HEADLINE}</h1>"
        f"{BODY * 40}</article></body></html>"
    ).encode()
    packed = gzip.compress(page)
    assert extract(packed).title == HEADLINE  # under the cap: read as any page
    with pytest.raises(InputTooLarge):
        extract(packed, options=Options(max_input_bytes=len(page) - 1))


def test_gzip_ratio_cap_applies_under_max_input_bytes() -> None:
    """Highly compressible data that fits max_input_bytes still may not expand past the ratio
    cap (what keeps a small upload from becoming a big allocation)."""
    data = gzip.compress(b"<p>" + b"a" * 5_000_000 + b"</p>")
    with pytest.raises(InputTooLarge):
        extract(data, options=Options(max_input_bytes=100_000_000))


@pytest.mark.parametrize(
    "value",
    [
        "http://[::1",
        "\x00",
        "not a url",
        "ftp://example.com/news/1",
    ],
)
def test_a_malformed_caller_url_changes_nothing_about_the_page(value: str) -> None:
    """Issue 7: a url= that is not an absolute http(s) URL is ignored (or refused with an
    InputError) — never InternalError, never another verdict about the page."""
    (page, *_) = _pages_with_url("https://example.com/news/1")
    expected = extract(page)
    try:
        article = extract(page, url=value)
    except InternalError as exc:
        pytest.fail(f"internal error: {exc.__cause__!r}")
    except InputError:
        return  # refusing the caller's URL with an InputError is the other documented choice
    assert article.title == expected.title
    assert article.body == expected.body
    assert article.url in (None, expected.url)
