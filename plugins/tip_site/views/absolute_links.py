"""Make every link and image in an HTML fragment absolute.

Feeds and emails are read away from the site, where a relative link breaks.
The fragment is the HTML MkDocs rendered for a page, so its links are relative
to that page's URL.
"""

from __future__ import annotations

import lxml.html

from tip_site.views.fragment_html import inner_html


def absolutize(fragment: str, page_url: str) -> str:
    """Return `fragment` with href, src and srcset values resolved against `page_url`."""
    if not fragment.strip():
        return fragment
    wrapper = lxml.html.fragment_fromstring(fragment, create_parent="div")
    wrapper.make_links_absolute(page_url, resolve_base_href=False, handle_failures="ignore")
    return inner_html(wrapper)
