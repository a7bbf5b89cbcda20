"""WCAG AA contrast of every text in classroom mode, computed from the real CSS colours."""

from __future__ import annotations

import re

import pytest

from tests.browser.mapping import open_atlas, tour_step

TURKMENCHAY = tour_step("treaty-turkmenchay-1828")

TEXT_PAIRS = """(selector) => {
    const opaque = (colour) => !/rgba\\(.*, 0\\)$/.test(colour) && colour !== 'transparent';
    const background = (node) => {
        for (let n = node; n; n = n.parentElement) {
            const colour = getComputedStyle(n).backgroundColor;
            if (opaque(colour)) { return colour; }
        }
        return 'rgb(255, 255, 255)';
    };
    return Array.from(document.querySelectorAll(selector))
        .filter(n => n.offsetParent !== null && n.textContent.trim())
        .map(n => [n.className || n.tagName, getComputedStyle(n).color, background(n)]);
}"""
TEXTS = (
    ".atlas-header h1, .atlas-nav a, .atlas-languages a, .atlas-legend h2, .atlas-legend-toggle, "
    ".atlas-legend li, .atlas-date, .atlas-label, .atlas-classroom button, .atlas-toolbar button, "
    ".atlas-export summary, .atlas-tour p, .atlas-tour h2, .atlas-tour button, .atlas-help dt, "
    ".atlas-help dd, .atlas-help h2, .atlas-blank p"
)


def luminance(colour: str) -> float:
    red, green, blue = (int(part) / 255 for part in re.findall(r"\d+", colour)[:3])

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(foreground: str, background: str) -> float:
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_ratio_formula_matches_wcag():
    assert contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)") == pytest.approx(21)
    assert contrast("rgb(118, 118, 118)", "rgb(255, 255, 255)") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize(
    "path", ["/classroom?date=1828-02-22", f"/tour/{TURKMENCHAY}", f"/tour/{TURKMENCHAY}?lang=fa"]
)
def test_every_text_meets_aa_contrast(page, live_server, path):
    page.set_viewport_size({"width": 1920, "height": 1080})
    open_atlas(page, live_server.url, path)
    page.keyboard.press("?")
    pairs = page.evaluate(TEXT_PAIRS, TEXTS)
    page.keyboard.press("b")
    pairs += page.evaluate(TEXT_PAIRS, ".atlas-blank p")
    assert len(pairs) > 20
    failing = [
        (name, fg, bg, round(contrast(fg, bg), 2))
        for name, fg, bg in pairs
        if contrast(fg, bg) < 4.5
    ]
    assert not failing, failing
