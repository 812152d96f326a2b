"""The spider ``tests/test_crawl.py`` runs with ``scrapy runspider`` in a subprocess (so the
Twisted reactor never enters the pytest process): it fetches the URLs it is given and hands
each response, as Scrapy built it, to ``extract()``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from article_extract import ExtractError, NotAnArticle, extract


class ExtractSpider(scrapy.Spider):
    name = "extract"
    custom_settings = {  # noqa: RUF012 - Scrapy reads this class attribute
        "ROBOTSTXT_OBEY": False,
        "TELNETCONSOLE_ENABLED": False,
        "COOKIES_ENABLED": False,
        "RETRY_ENABLED": False,
        "LOG_LEVEL": "WARNING",
        "HTTPERROR_ALLOW_ALL": True,
    }

    def __init__(self, urls: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.start_urls = [url for url in urls.split(",") if url]

    def parse(self, response: Response, **kwargs: Any) -> Iterator[dict[str, Any]]:
        item: dict[str, Any] = {
            "path": response.url.split("/", 3)[-1],
            "scrapy_encoding": getattr(response, "encoding", None),
        }
        try:
            article = extract(response)
        except NotAnArticle as error:
            item.update(error=error.code, reason=error.reason, message=error.message)
        except ExtractError as error:
            item.update(error=error.code, message=error.message)
        else:
            item.update(title=article.title, encoding=article.encoding, url=article.url)
        yield item
