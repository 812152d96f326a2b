"""Regression over the corpus dumps of two pages, in every dump shape
(``fixtures/corpus-dumps/<shape>/<id>.txt``): what sits inside their bodies and is not article
text stays out, and the paragraphs around it stay in.

* en-theguardian-2024: a newsletter sign-up box between the last two paragraphs (heading,
  blurb, e-mail field, button, reCAPTCHA privacy notice);
* en-cbc-2024: photos with captions ending in a photographer's credit, and, in the w3m shape,
  each photo's alt text printed above its caption.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from article_extract import extract

DUMPS = Path(__file__).parent / "fixtures" / "corpus-dumps"
SHAPES = sorted(p.name for p in DUMPS.iterdir() if p.is_dir())

# page → (phrases its body must not hold, phrases of paragraphs it must keep)
PAGES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en-theguardian-2024": (
        ("Privacy Notice", "reCaptcha", "Enter your email address", "Free weekly newsletter"),
        (
            "Neighbours described seeing the rapid evolution of the flames",
            "Experts suggested that a type of cladding might have made the blaze spread faster",
        ),
    ),
    "en-cbc-2024": (
        (
            "A man stands in front of a market wearing a grey collared shirt.",
            "A seated person gestures while speaking.",
            "A man in a grey shirt is interviewed.",
            "(Mohamed El Saife/CBC)",
            "(Adel Hana/The Associated Press)",
        ),
        (
            # the paragraphs right above the photos in the shapes that print no alt text
            "He's the most wanted man to Israel",
            "That is the only place we're preparing and intending for him.",
            "Abu Hassan Amer, 44, agreed.",
            "Amer, in Gaza, stressed the importance of diplomacy",
        ),
    ),
}


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("page", sorted(PAGES))
def test_body_holds_the_paragraphs_around_boxes_and_images_not_them(page: str, shape: str) -> None:
    absent, kept = PAGES[page]
    body = extract(DUMPS / shape / f"{page}.txt").body
    assert [phrase for phrase in absent if phrase in body] == []
    assert [phrase for phrase in kept if phrase not in body] == []
