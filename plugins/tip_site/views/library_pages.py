"""The library's pages: the index with its filters, and paged lists that work without JavaScript.

- library/ : filters (shown by library.js), the result count in a live region,
  the first page of every resource, and links to browse by facet value;
- library/page/N/ : further pages of every resource;
- library/<facet>/<value>/ (and .../page/N/): the resources with that value.

Paged lists are left out of the site search: they repeat what resource pages say.
"""

from __future__ import annotations

from functools import partial
from html import escape
from typing import Callable

from tip_site.core.model import Resource, Site
from tip_site.views.generated_page import AssembledPage, Heading, Html, LaterHtml
from tip_site.views.library_cards import card_list_html
from tip_site.views.library_facets import Facet, FacetValue, facets
from tip_site.views.markdown_text import front_matter
from tip_site.views.urls import LIBRARY_URI, facet_uri, href, library_page_uri

PAGE_SIZE = 20  # resources per page, as GOV.UK's finders list them
INDEX_FILE = "library/index.json"

INTRO = (
    "Guides, toolkits, training, reports, research, policy templates and frameworks "
    "from across the partnership, to help embed trauma informed practice in "
    "Leicester, Leicestershire and Rutland."
)


def pages_of(items: list[Resource], size: int) -> list[list[Resource]]:
    """`items` cut into pages of `size`; an empty list still has one (empty) page."""
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


def count_words(count: int) -> str:
    return "1 resource" if count == 1 else f"{count:,} resources"


def library_pages(site: Site, page_size: int = PAGE_SIZE) -> list[AssembledPage]:
    everything = list(site.resources)
    pages = []
    for number, chunk in enumerate(pages_of(everything, page_size), start=1):
        uri = library_page_uri(number)
        if number == 1:
            pages.append(_index_page(site, chunk, len(everything), page_size))
        else:
            head = front_matter(title=f"Resource library, page {number}", search={"exclude": True})
            body = LaterHtml(partial(_listing, site, uri, chunk, len(everything), number, library_page_uri, page_size))
            pages.append(AssembledPage(uri, head, (Heading(1, "Resource library"), body), shares_shell=True))
    for facet in facets(site):
        for value in facet.values:
            pages += _facet_value_pages(site, facet, value, page_size)
    return pages


def _index_page(site: Site, first_page: list[Resource], total: int, page_size: int) -> AssembledPage:
    uri = LIBRARY_URI
    library = "\n\n".join([
        f'<div class="tip-library" data-tip-library data-index="{escape(href(uri, INDEX_FILE))}" '
        f'data-base="./" data-page-size="{page_size}">',
        _filter_form(site),
        _browse(site, uri),
        _listing(site, uri, first_page, total, 1, library_page_uri, page_size, list_id="tip-library-results"),
        "</div>",
    ])
    return AssembledPage(uri, front_matter(title="Resource library", description=INTRO), (
        Heading(1, "Resource library"),
        Html(f"<p>{escape(INTRO)}</p>"),
        Html(library),
    ))


def _filter_form(site: Site) -> str:
    """The filters, on the page from the start so nothing moves when library.js arrives.

    Without JavaScript they could not work: a <noscript> style in every page's head
    (overrides/partials/tip/colour-scheme-early.html) hides them and shows the links
    of _browse instead, which CSS otherwise keeps hidden.
    """
    parts = [
        '<form class="tip-filter" role="search" aria-label="Filter the library">',
        '<p class="tip-filter__search"><label for="tip-library-q">Search the library</label>',
        '<input type="search" id="tip-library-q" name="q" autocomplete="off" spellcheck="false"></p>',
        '<div class="tip-filter__facets">',
    ]
    for facet in facets(site):
        counts = _counts(site, facet)
        parts.append(f'<details class="tip-filter__facet" data-facet="{facet.key}"><summary>{escape(facet.label)}</summary>')
        parts.append(f'<fieldset><legend class="tip-visually-hidden">{escape(facet.label)}</legend>')
        for value in facet.values:
            parts.append(
                f'<label class="tip-filter__option"><input type="checkbox" name="{facet.key}" value="{escape(value.id)}"> '
                f'{escape(value.name)} <span class="tip-filter__total">({counts[value.id]})</span></label>'
            )
        parts.append("</fieldset></details>")
    parts += [
        "</div>",
        '<p class="tip-filter__actions"><button type="reset" class="md-button">Clear filters</button></p>',
        "</form>",
    ]
    return "".join(parts)


def _counts(site: Site, facet: Facet) -> dict[str, int]:
    counts = {v.id: 0 for v in facet.values}
    for resource in site.resources:
        for value_id in facet.of(resource):
            counts[value_id] += 1
    return counts


def _browse(site: Site, from_uri: str) -> str:
    """Links to the page of every facet value: how to narrow the library without JavaScript."""
    parts = ['<nav class="tip-browse" aria-labelledby="tip-browse-title"><h2 id="tip-browse-title">Browse the library</h2>']
    for facet in facets(site):
        counts = _counts(site, facet)
        links = "".join(
            f'<li><a href="{escape(href(from_uri, facet_uri(facet.key, v.id)))}">{escape(v.name)}</a> ({counts[v.id]})</li>'
            for v in facet.values
        )
        parts.append(f'<h3 class="tip-browse__facet">{escape(facet.label)}</h3><ul class="tip-browse__values">{links}</ul>')
    parts.append("</nav>")
    return "".join(parts)


def _listing(
    site: Site, uri: str, chunk: list[Resource], total: int, number: int,
    page_uri: Callable[[int], str], page_size: int, list_id: str | None = None,
) -> str:
    """The result count (a live region the browser updates), the cards, and links to other pages."""
    last = max(1, -(-total // page_size))
    shown = f" — page {number} of {last}" if last > 1 else ""
    parts = [
        '<h2 class="tip-results-title" id="tip-results-title">Resources</h2>',
        f'<p class="tip-library__count" id="tip-library-count" role="status" aria-live="polite">{count_words(total)}{shown}</p>',
        card_list_html(site, chunk, uri, list_id) if chunk else '<p class="tip-library__empty">There are no resources here yet.</p>',
    ]
    if last > 1:
        links = []
        if number > 1:
            links.append(f'<li class="tip-pagination__prev"><a href="{href(uri, page_uri(number - 1))}" rel="prev">Previous page <span class="tip-pagination__label">{number - 1} of {last}</span></a></li>')
        if number < last:
            links.append(f'<li class="tip-pagination__next"><a href="{href(uri, page_uri(number + 1))}" rel="next">Next page <span class="tip-pagination__label">{number + 1} of {last}</span></a></li>')
        parts.append(f'<nav class="tip-pagination" aria-label="Pages of resources"><ul>{"".join(links)}</ul></nav>')
    return "\n\n".join(parts)


def _facet_value_pages(site: Site, facet: Facet, value: FacetValue, page_size: int) -> list[AssembledPage]:
    chosen = [r for r in site.resources if value.id in facet.of(r)]
    pages = []
    chunks = pages_of(chosen, page_size)
    for number, chunk in enumerate(chunks, start=1):
        uri = facet_uri(facet.key, value.id, number)
        suffix = f", page {number}" if number > 1 else ""
        head = front_matter(title=f"{facet.label}: {value.name}{suffix} — Resource library", search={"exclude": True})
        pages.append(AssembledPage(uri, head, (
            Heading(1, value.name),
            Html(f'<p class="tip-facet-page__context">{escape(facet.label)} · <a href="{href(uri, LIBRARY_URI)}">All resources in the library</a></p>'),
            LaterHtml(partial(_listing, site, uri, chunk, len(chosen), number, partial(facet_uri, facet.key, value.id), page_size)),
        ), shares_shell=True))
    return pages
