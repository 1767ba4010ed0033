"""A page per resource: its details, how to get it, its groups and priorities, related resources."""

from __future__ import annotations

from functools import partial
from html import escape
from urllib.parse import urlsplit

from tip_site.core.link_schemes import refused_scheme
from tip_site.core.model import Attachment, Resource, Site
from tip_site.views.generated_page import AssembledPage, EditorMarkdown, Heading, Html, LaterHtml, LaterPage, Part
from tip_site.views.library_cards import card_list_html
from tip_site.views.library_text import extension_of, file_size, file_type, long_date
from tip_site.views.markdown_text import front_matter
from tip_site.views.related_resources import related_resources
from tip_site.views.urls import LIBRARY_URI, attachment_uri, facet_uri, group_uri, href, priority_uri, resource_uri


def resource_pages(site: Site) -> list[AssembledPage]:
    related = related_resources(site)
    return [_page(site, r, related[r.id]) for r in site.resources]


def resource_pages_made_if_read(site: Site) -> list[LaterPage]:
    """resource_pages, each made only if read: most of a whole site's pages, and of its time, at its addresses alone."""
    return [LaterPage(resource_uri(r), partial(resource_page, site, r)) for r in site.resources]


def resource_page(site: Site, resource: Resource) -> AssembledPage:
    """One resource's page, as resource_pages makes it (a preview shows a saved one first)."""
    return _page(site, resource, related_resources(site, only=[resource])[resource.id])


def _page(site: Site, resource: Resource, related: tuple[Resource, ...]) -> AssembledPage:
    uri = resource_uri(resource)
    parts: list[Part] = [
        Html(f'<p class="tip-resource__context"><a href="{href(uri, LIBRARY_URI)}">Resource library</a></p>'),
        Heading(1, resource.title),
        Html(f'<p class="tip-resource__summary">{escape(resource.summary)}</p>'),
        Html(_details(site, resource, uri)),
        Heading(2, "Get this resource"),
        *(Html(_attachment(a, uri)) for a in resource.attachments),
    ]
    if resource.url and refused_scheme(resource.url) is None:  # the check refuses any other; never a link that runs
        host = urlsplit(resource.url).hostname or resource.url
        parts += [
            Html(f'<p class="tip-resource__external"><a href="{escape(resource.url)}" class="md-button">'
                 f'Go to the resource on {escape(host)}</a></p>'),
            Html("<p>This link takes you to another website, which may work differently from this one.</p>"),
        ]
    if resource.body and not resource.body.isspace():
        parts += [Heading(2, "About this resource"), EditorMarkdown(resource.body, trim=None)]
    parts += [Heading(2, "Groups and priorities"), Html(_links_to_partnership(site, resource, uri))]
    if related:
        # Not in feeds: the list changes as other resources come, and the item would change with it.
        cards = LaterHtml(partial(card_list_html, site, list(related), uri, in_feeds=False))
        parts += [Heading(2, "Related resources"), cards]
    return AssembledPage(uri, front_matter(title=resource.title, description=resource.summary, content_note=resource.content_note), tuple(parts), shares_shell=True)


def _details(site: Site, resource: Resource, uri: str) -> str:
    """A definition list of the resource's details; type and audiences link to their library pages."""
    type_name = next(t.name for t in site.resource_types if t.id == resource.type)
    audiences = ", ".join(
        f'<a href="{href(uri, facet_uri("audience", a.id))}">{escape(a.name)}</a>'
        for a in site.audiences if a.id in resource.audiences
    )
    rows = [
        ("Type", f'<a href="{href(uri, facet_uri("type", resource.type))}">{escape(type_name)}</a>'),
        ("Who it is for", audiences),
        ("Published by", escape(resource.organisation)),
        ("Published", f'<time datetime="{resource.published.isoformat()}">{long_date(resource.published)}</time>'),
    ]
    if resource.last_reviewed:
        rows.append(("Last reviewed", f'<time datetime="{resource.last_reviewed.isoformat()}">{long_date(resource.last_reviewed)}</time>'))
    if resource.next_review:
        rows.append(("Next review due", f'<time datetime="{resource.next_review.isoformat()}">{long_date(resource.next_review)}</time>'))
    body = "".join(f'<div class="tip-details__row"><dt>{name}</dt><dd>{value}</dd></div>' for name, value in rows)
    return f'<dl class="tip-details">{body}</dl>'


def _attachment(attachment: Attachment, uri: str) -> str:
    """An attachment as GOV.UK shows one: a file icon, its title as the link, then type and size."""
    kind, expansion = file_type(attachment.file)
    kind_html = f'<abbr title="{escape(expansion)}">{escape(kind)}</abbr>' if expansion else escape(kind)
    target = escape(href(uri, attachment_uri(attachment.file)))
    return (
        '<section class="tip-attachment">'
        f'<div class="tip-attachment__thumbnail" aria-hidden="true">{escape(extension_of(attachment.file))}</div>'
        '<div class="tip-attachment__details">'
        f'<h3 class="tip-attachment__title"><a href="{target}" download>{escape(attachment.title)}</a></h3>'
        f'<p class="tip-attachment__metadata"><span class="tip-attachment__type">{kind_html}</span>, '
        f'<span class="tip-attachment__size">{file_size(attachment.size_bytes)}</span></p>'
        "</div></section>"
    )


def _links_to_partnership(site: Site, resource: Resource, uri: str) -> str:
    groups = "\n".join(
        f'<li><a href="{href(uri, group_uri(g))}">{escape(g.name)} ({escape(g.short_name)})</a></li>'
        for g in site.groups if g.id in resource.groups
    )
    priorities = "\n".join(
        f'<li><a href="{href(uri, priority_uri(p))}">{p.number}. {escape(p.title)}</a></li>'
        for p in site.priorities if p.id in resource.priorities
    )
    return (
        f"<p>This resource supports the work of:</p>\n<ul>\n{groups}\n</ul>\n"
        f"<p>It contributes to these strategic priorities:</p>\n<ul>\n{priorities}\n</ul>"
    )
