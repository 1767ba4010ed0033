"""An item page's rendered HTML, made fit to travel inside a feed.

Feed readers show the title themselves and run no site CSS or JS, so the
page's own heading and its permalink anchors go; attributes and elements that
feed readers strip or validators flag as risky go too; every link and image is
made absolute, since relative ones break away from the site.
"""

from __future__ import annotations

from urllib.parse import urljoin

import lxml.html

from tip_site.views.fragment_html import inner_html


# Elements and attributes kept: plain document markup every feed reader shows.
KEPT_ELEMENTS = frozenset(
    "a abbr address article aside b blockquote br caption cite code col colgroup dd del details dfn div dl dt "
    "em figcaption figure footer h1 h2 h3 h4 h5 h6 header hr i img ins kbd li mark ol p picture pre q s samp "
    "section small source span strong sub summary sup table tbody td tfoot th thead time tr u ul var wbr".split()
)
KEPT_ATTRIBUTES = frozenset(
    "abbr alt cite class colspan datetime dir headers height href hreflang id lang open reversed rowspan scope "
    "sizes span src srcset start title type width".split()
)
# Removed with everything inside them; any other unknown element is unwrapped, keeping its text.
# Navigation goes too: it is about the site, not the item, and would change the item when a page around it changes.
# So does what a view marks `data-feed-exclude` (a resource's related resources), with the heading just before it.
DROPPED_ELEMENTS = frozenset("script style iframe object embed svg math form input button select textarea template noscript nav".split())
SECTION_HEADINGS = frozenset("h2 h3 h4 h5 h6".split())
# The kept attributes that hold a URL, as lxml's make_links_absolute finds them (it leaves srcset alone).
LINK_ATTRIBUTES = frozenset(("cite", "href", "src"))


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
    for element in list(wrapper.iterdescendants()):
        if not isinstance(element.tag, str):  # comments, processing instructions
            element.drop_tree()
        elif element.tag in DROPPED_ELEMENTS:
            element.drop_tree()
        elif element.tag not in KEPT_ELEMENTS:
            element.drop_tag()
        else:
            attributes = element.attrib
            for name in attributes.keys():
                if name not in KEPT_ATTRIBUTES:
                    del attributes[name]
                elif name in LINK_ATTRIBUTES:
                    _make_absolute(attributes, name, page_url)
    return inner_html(wrapper).strip()


def _make_absolute(attributes, name: str, page_url: str) -> None:
    """Resolve one URL attribute as `make_links_absolute(page_url, resolve_base_href=False,
    handle_failures="ignore")` would; done in the cleaning pass, which already visits every
    element and attribute that stays (lxml's own pass walked the tree again in Python)."""
    link = attributes[name]
    stripped = link.strip()
    try:
        absolute = urljoin(page_url, stripped)
    except ValueError:
        absolute = stripped
    if absolute != link:
        attributes[name] = absolute
