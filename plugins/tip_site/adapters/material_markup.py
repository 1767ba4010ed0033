"""Material's markup made valid HTML where its templates are not ours to override.

base.html (the whole page skeleton, not a partial) gives its two hidden
checkboxes `autocomplete="off"`, which HTML allows only on text-like inputs:
the Nu HTML Checker reports it on every page. The attribute kept Firefox from
restoring a drawer left open; assets/tip/menu.js closes it on `pageshow` instead.
tests/test_html_validity.py runs the checker on every kind of page.
"""

from __future__ import annotations

_INVALID = tuple(
    (f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}" autocomplete="off">',
     f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}">')
    for name in ("drawer", "search")
)


def valid_material_html(html: str) -> str:
    for invalid, valid in _INVALID:
        html = html.replace(invalid, valid, 1)
    return html
