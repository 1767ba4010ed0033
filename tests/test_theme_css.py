"""The theme's colours: the dark palette written twice in theme.css (as chosen, and as the device
asks) stays one palette, and every text colour pair of both palettes is at least 4.5:1."""

from __future__ import annotations

import re

from sitekit import REPO

THEME = (REPO / "overrides/assets/tip/theme.css").read_text(encoding="utf-8")


def block(selector_start: str) -> dict[str, str]:
    """The declarations of the first rule whose selector starts with `selector_start`."""
    start = THEME.index(selector_start)
    body = THEME[THEME.index("{", start) + 1: THEME.index("}", start)]
    return dict(re.findall(r"(--[\w-]+|color-scheme)\s*:\s*([^;]+);", body))


LIGHT = block(":root,\n[data-md-color-scheme=default]")
DARK_CHOSEN = block(":root[data-tip-scheme=dark]")
DARK_DEVICE = block("  :root:not([data-tip-scheme=light])")


def luminance(hex_colour: str) -> float:
    value = hex_colour.lstrip("#")[:6]
    channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_dark_palette_is_the_same_whether_chosen_or_asked_for_by_the_device():
    assert len(DARK_CHOSEN) > 40
    assert DARK_CHOSEN == DARK_DEVICE
    assert LIGHT.keys() <= DARK_CHOSEN.keys()
    assert (LIGHT["color-scheme"], DARK_CHOSEN["color-scheme"]) == ("light", "dark")


def test_every_text_pair_is_at_least_4_5_to_1_in_both_schemes():
    pairs = [
        ("--tip-text", "--tip-bg"), ("--tip-text", "--tip-surface"),
        ("--tip-text-secondary", "--tip-bg"), ("--tip-text-secondary", "--tip-surface"),
        ("--tip-link", "--tip-bg"), ("--tip-link", "--tip-surface"), ("--tip-link-visited", "--tip-bg"),
        ("--tip-link-hover", "--tip-bg"), ("--tip-on-brand", "--tip-brand"), ("--tip-on-brand", "--tip-brand-deep"),
        ("--tip-on-button", "--tip-button"), ("--tip-on-button", "--tip-button-hover"),
        ("--tip-note-text", "--tip-note-bg"), ("--tip-tag-text", "--tip-tag-bg"), ("--tip-text", "--tip-urgent-bg"),
    ]
    for name, palette in (("light", LIGHT), ("dark", DARK_CHOSEN)):
        for fg, bg in pairs:
            ratio = contrast(palette[fg], palette[bg])
            assert ratio >= 4.5, (name, fg, bg, round(ratio, 2))
    # Borders that mark controls and the focus ring's dark edge: 3:1 (WCAG 1.4.11).
    for palette in (LIGHT, DARK_CHOSEN):
        assert contrast(palette["--tip-border-strong"], palette["--tip-bg"]) >= 3
    assert contrast("#ffdd00", "#0b0c0c") >= 4.5
    assert contrast("#ffffff", "#b3261e") >= 4.5  # Exit this page
