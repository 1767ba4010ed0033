"""The email edition's HTML clean-up, case by case: what mail programs cannot use goes, styles go inline."""

from __future__ import annotations

import pytest

from tip_site.views.newsletter_email import CLASS_STYLES, TAG_STYLES, inline_styles


@pytest.mark.parametrize(
    "fragment, expected",
    [
        ("<p>Hello</p>", f'<p style="{TAG_STYLES["p"]}">Hello</p>'),
        (
            '<h2 id="news">News<a class="headerlink" href="#news">¶</a></h2>',
            f'<h2 id="news" style="{TAG_STYLES["h2"]}">News</h2>',
        ),
        (
            '<div class="admonition note"><p class="admonition-title">Note</p></div>',
            f'<div style="{CLASS_STYLES["admonition"]}"><p style="{TAG_STYLES["p"]}{CLASS_STYLES["admonition-title"]}">Note</p></div>',
        ),
        (
            "<details><summary>More</summary></details>",
            f'<div style="{CLASS_STYLES["admonition"]}"><p style="{TAG_STYLES["p"]}{CLASS_STYLES["admonition-title"]}">More</p></div>',
        ),
        ('<p style="text-align:center">Hi</p>', f'<p style="{TAG_STYLES["p"]}text-align:center">Hi</p>'),
        ("<p>Before<script>x()</script> after</p>", f'<p style="{TAG_STYLES["p"]}">Before after</p>'),
        ('<span class="x">plain</span>', "<span>plain</span>"),
    ],
    ids=["tag-style", "permalink-dropped", "admonition", "details-opened", "own-style-kept", "script-dropped", "class-dropped"],
)
def test_inline_styles(fragment, expected):
    assert inline_styles(fragment) == expected
