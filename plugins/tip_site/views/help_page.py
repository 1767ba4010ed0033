"""The "Need help now?" page, from content/data/support.yml, linked from the top of every page."""

from __future__ import annotations

import re

from tip_site.core.link_schemes import refused_scheme
from tip_site.core.model import Site, SupportService
from tip_site.views.generated_page import GeneratedPage
from tip_site.views.markdown_text import front_matter, text

HELP_URI = "help.md"


def tel_link(phone: str) -> str:
    return f"[{text(phone)}](tel:{re.sub(r'[^0-9+]', '', phone)})"


def _service(service: SupportService) -> list[str]:
    lines = [f"## {text(service.name)}\n", text(service.description) + "\n"]
    if service.phone:
        lines.append(f"- Phone: {tel_link(service.phone)}")
    if service.text_message:
        lines.append(f"- Text: {text(service.text_message)}")
    if service.url and refused_scheme(service.url) is None:  # the check refuses any other; never a link that runs
        lines.append(f"- Website: [{text(service.url.split('://', 1)[-1].rstrip('/'))}](<{service.url}>)")  # < >: the address ends there
    if service.hours:
        lines.append(f"- Open: {text(service.hours)}")
    return [*lines, ""]


def help_page(site: Site) -> list[GeneratedPage]:
    support = site.support
    lines = [
        front_matter(
            title="Need help now?",
            description="Who to contact in a crisis or for support, in Leicester, Leicestershire and Rutland and nationally.",
            last_reviewed=support.last_reviewed,
            next_review=support.next_review,
        ),
        "# Need help now?\n",
        "**If you or someone else is in immediate danger, call [999](tel:999).**\n",
        "This website is run by a partnership of organisations and cannot respond to anyone "
        "in crisis. The services below can. They are free to contact.\n",
        "If you are worried someone may see that you visited this site, "
        "[read how to stay safe online](safety.md).\n",
    ]
    for service in support.services:
        lines += _service(service)
    return [GeneratedPage(HELP_URI, "\n".join(lines))]
