"""The "Need help now?" page, from content/data/support.yml, linked from the top of every page.

Services are grouped by how urgent the help is (their `urgency`), in the file's
order within each group. Each phone number is a large tap-to-call button
(`tel:`), the way people in distress use a phone: one tap, no copying.
"""

from __future__ import annotations

import re
from html import escape

from tip_site.core.link_schemes import refused_scheme
from tip_site.core.model import Site, SupportService
from tip_site.views.generated_page import GeneratedPage
from tip_site.views.markdown_text import front_matter, text

HELP_URI = "help.md"
# Words someone in distress may type into the site's search that this page does not
# itself use: search finds this page first for each of them.
DISTRESS_WORDS = (
    "suicide", "suicidal", "self-harm", "self harm", "hurting myself", "kill myself", "end my life",
    "abused", "assault", "rape", "unsafe", "scared", "afraid", "frightened", "threatened", "hurt",
    "depressed", "depression", "anxiety", "panic", "overwhelmed", "desperate", "hopeless", "alone",
    "feeling low", "struggling", "lonely", "sad", "crying", "urgent", "helpline", "hotline", "support line",
    "someone to talk to", "talk to someone",
)

# Each group of services: its heading (and heading id) and a line saying when to use it.
URGENCY_GROUPS = (
    ("emergency", "In an emergency", "in-an-emergency", "If a life is at risk, or someone is in immediate danger."),
    ("urgent", "Urgent help, day or night", "urgent-help-day-or-night",
     "If you need to talk to someone now, or you are worried about your mental health or someone else's."),
    ("support", "Support and advice", "support-and-advice", "For support that is not urgent, and to report something that is not an emergency."),
)


def tel_href(phone: str) -> str:
    return "tel:" + re.sub(r"[^0-9+]", "", phone)


def tel_link(phone: str) -> str:
    return f"[{text(phone)}]({tel_href(phone)})"


def call_button(phone: str, urgent: bool = False) -> str:
    """A tap-to-call button; its words are what it does, with the number people will see dialled."""
    kind = " tip-call--urgent" if urgent else ""
    return f'<a class="md-button tip-call{kind}" href="{escape(tel_href(phone))}">Call {escape(phone)}</a>'


def _service(service: SupportService) -> list[str]:
    lines = [f"### {text(service.name)}\n", text(service.description) + "\n"]
    actions = []
    if service.phone:
        actions.append(call_button(service.phone, urgent=service.urgency == "emergency"))
    if service.text_message:
        actions.append(f'<span class="tip-call tip-call--text">{escape(service.text_message)}</span>')
    if actions:
        lines.append(f'<p class="tip-help__actions">{" ".join(actions)}</p>\n')
    details = []
    if service.url and refused_scheme(service.url) is None:  # the check refuses any other; never a link that runs
        details.append(f"- Website: [{text(service.url.split('://', 1)[-1].rstrip('/'))}](<{service.url}>)")  # < >: the address ends there
    if service.hours:
        details.append(f"- Open: {text(service.hours)}")
    return [*lines, *details, ""]


def help_page(site: Site) -> list[GeneratedPage]:
    support = site.support
    lines = [
        front_matter(
            title="Need help now?",
            description="Who to contact in a crisis or for support, in Leicester, Leicestershire and Rutland and nationally.",
            last_reviewed=support.last_reviewed,
            next_review=support.next_review,
            search={"keywords": list(DISTRESS_WORDS)},
        ),
        "# Need help now?\n",
        '<div class="tip-help__danger" markdown>\n',
        "**If you or someone else is in immediate danger, call 999.**\n",
        f'<p class="tip-help__actions">{call_button("999", urgent=True)}</p>\n',
        "</div>\n",
        "This website is run by a partnership of organisations and cannot respond to anyone "
        "in crisis. The services below can. They are free to contact.\n",
        "If you are worried someone may see that you visited this site, "
        "[read how to stay safe online](safety.md).\n",
    ]
    for urgency, heading, anchor, when in URGENCY_GROUPS:
        services = [s for s in support.services if (s.urgency or "support") == urgency]
        if not services:
            continue
        lines += [f"## {heading} {{ #{anchor} }}\n", when + "\n"]
        for service in services:
            lines += _service(service)
    return [GeneratedPage(HELP_URI, "\n".join(lines))]
