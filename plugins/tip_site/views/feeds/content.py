"""An item page's rendered HTML, made fit to travel inside a feed.

Feed readers show the title themselves and run no site CSS or JS, so the
page's own heading and its permalink anchors go; the sanitiser then keeps only
plain document markup (what feed readers show and validators accept), drops
the site's navigation, and makes every link and image absolute, since
relative ones break away from the site.
"""

from __future__ import annotations

import lxml.html

from tip_site.views.fragment_html import inner_html
from tip_site.views.sanitiser import clean_elsewhere

# What a view marks `data-feed-exclude` (a resource's related resources) goes, with the heading just before it.
SECTION_HEADINGS = frozenset("h2 h3 h4 h5 h6".split())


def feed_html(fragment: str, page_url: str) -> str:
    """`fragment` (a page's rendered content) cleaned for a feed, every URL absolute."""
    if not fragment.strip():
        return ""
    wrapper = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for anchor in wrapper.xpath(".//a[contains(concat(' ', normalize-space(@class), ' '), ' headerlink ')]"):
        anchor.drop_tree()
    first_heading = wrapper.find(".//h1")
    if first_heading is not None:
        first_heading.drop_tree()
    for excluded in wrapper.xpath(".//*[@data-feed-exclude]"):
        title = excluded.getprevious()
        if title is not None and title.tag in SECTION_HEADINGS:
            title.drop_tree()
        excluded.drop_tree()
    # The sanitiser keeps plain document markup (views/sanitiser.py: what feed readers show),
    # under the site's one rule for addresses, and makes every address absolute.
    return clean_elsewhere(inner_html(wrapper), page_url).strip()
