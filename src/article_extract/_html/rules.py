"""The HTML path's data tables (``data/html_*.toml``), compiled once into frozen rule sets."""

from __future__ import annotations

from functools import cache
from typing import Any, NamedTuple

from ..data import load_table
from .tokens import TokenRules

__all__ = [
    "BodyRules",
    "ChromeRules",
    "ContainerRule",
    "MetaRules",
    "body_rules",
    "chrome_rules",
    "meta_rules",
]


class ChromeRules(NamedTuple):
    junk_tags: frozenset[str]
    structural_tags: frozenset[str]
    hidden_classes: frozenset[str]
    chrome: TokenRules
    protected: TokenRules
    image_box: TokenRules
    image_box_max_chars: int
    share_link_prefixes: tuple[str, ...]
    share_item_max_chars: int


class ContainerRule(NamedTuple):
    """One ordered body-container rule: an attribute value, class/id tokens, or a tag name."""

    attribute: str | None = None
    value: str | None = None
    tokens: TokenRules | None = None
    tag: str | None = None


class BodyRules(NamedTuple):
    containers: tuple[ContainerRule, ...]
    block_tags: frozenset[str]
    heading_tags: frozenset[str]
    list_item_tags: frozenset[str]
    quote_tags: frozenset[str]
    caption_tags: frozenset[str]
    lead: TokenRules
    lead_max_chars: int


class MetaRules(NamedTuple):
    article_types: tuple[str, ...]
    listing_types: frozenset[str]
    site_types: frozenset[str]
    organization_types: frozenset[str]
    keys: dict[str, tuple[str, ...]]
    date_tokens: TokenRules
    author_tokens: TokenRules
    teaser_tokens: TokenRules


@cache
def chrome_rules() -> ChromeRules:
    table = load_table("html_chrome")
    return ChromeRules(
        junk_tags=frozenset(table["junk_tags"]),
        structural_tags=frozenset(table["structural_tags"]),
        hidden_classes=frozenset(c.lower() for c in table["hidden_classes"]),
        chrome=TokenRules(table["chrome_tokens"], table["negations"]),
        protected=TokenRules(table["protected_tokens"]),
        image_box=TokenRules(table["image_box_tokens"]),
        image_box_max_chars=int(table["image_box_max_chars"]),
        share_link_prefixes=tuple(p.lower() for p in table["share_link_prefixes"]),
        share_item_max_chars=int(table["share_item_max_chars"]),
    )


def _container_rule(entry: dict[str, Any]) -> ContainerRule:
    if "tokens" in entry:
        return ContainerRule(tokens=TokenRules(entry["tokens"]))
    if "tag" in entry:
        return ContainerRule(tag=str(entry["tag"]))
    return ContainerRule(attribute=str(entry["attribute"]), value=str(entry["value"]))


@cache
def body_rules() -> BodyRules:
    table = load_table("html_body")
    blocks = table["blocks"]
    return BodyRules(
        containers=tuple(_container_rule(e) for e in table["container"]),
        block_tags=frozenset(blocks["block_tags"]),
        heading_tags=frozenset(blocks["heading_tags"]),
        list_item_tags=frozenset(blocks["list_item_tags"]),
        quote_tags=frozenset(blocks["quote_tags"]),
        caption_tags=frozenset(blocks["caption_tags"]),
        lead=TokenRules(table["lead"]["tokens"]),
        lead_max_chars=int(table["lead"]["max_chars"]),
    )


@cache
def meta_rules() -> MetaRules:
    table = load_table("html_meta")
    return MetaRules(
        article_types=tuple(table["article_types"]),
        listing_types=frozenset(table["listing_types"]),
        site_types=frozenset(table["site_types"]),
        organization_types=frozenset(table["organization_types"]),
        keys={k: tuple(v.lower() for v in vs) for k, vs in table["keys"].items()},
        date_tokens=TokenRules(table["visible"]["date_tokens"]),
        author_tokens=TokenRules(table["visible"]["author_tokens"]),
        teaser_tokens=TokenRules(table["visible"]["teaser_tokens"]),
    )
