"""Pages about the partnership itself: groups, priorities, the matrix, membership, governance.

Everything comes from content/data, so renaming a group or a priority there
renames it on every page.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html

from tip_site.core.model import Governance, Group, Site
from tip_site.views.calendar_links import calendar_links
from tip_site.views.event_pages import EVENTS_URI, event_line, upcoming_events
from tip_site.views.generated_page import GeneratedPage
from tip_site.views.governance_diagram import governance_column_svg, governance_in_words, governance_svg
from tip_site.views.markdown_text import front_matter, text
from tip_site.views.related import related_for_group, related_for_priority
from tip_site.views.urls import group_uri, link, priority_uri

MATRIX_URI = "priorities/matrix.md"
NOT_AGREED = "No activities agreed yet: the group agrees its activities for each priority every year."


def in_words(n: int) -> str:
    """Small counts in words, as the site's style has it: "three consortium groups"."""
    return ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")[n] if 0 <= n < 10 else str(n)


def group_label(group: Group) -> str:
    return f"{group.name} ({group.short_name})"


def group_pages(site: Site, today: dt.date, site_url: str | None = None) -> list[GeneratedPage]:
    pages = [GeneratedPage("groups/index.md", _groups_index(site))]
    for group in site.groups:
        uri = group_uri(group)
        lines = [
            front_matter(title=group_label(group), description=group.who_it_is_for),
            f"# {text(group_label(group))}\n",
            "## Who it is for\n",
            text(group.who_it_is_for) + "\n",
            "## Purpose\n",
            text(group.purpose) + "\n",
            "## Sectors represented\n",
            "Like every consortium group, it has members from across these sectors "
            "(Terms of Reference, section 4):\n",
            *(f"- {text(s.name)}" for s in site.sectors),
            "",
            "## Activities by strategic priority\n",
        ]
        for priority in site.priorities:
            activities = priority.activities.get(group.id, ())
            lines.append(f"### [{priority.number}. {text(priority.title)}]({link(uri, priority_uri(priority))})\n")
            lines.extend(f"- {text(a)}" for a in activities)
            lines.append("" if activities else NOT_AGREED + "\n")
        lines += ["## Chair\n", _chairs(group) + "\n", "## Meetings\n"]
        if group.meets:
            lines.append(text(group.meets) + "\n")
        meetings = [e for e in upcoming_events(site, today) if group.id in e.groups]
        if meetings:
            lines += ["Coming up:\n", *(event_line(site, e, uri) for e in meetings[:4]), ""]
        lines.append(f"See all [meetings and events]({link(uri, EVENTS_URI)}). Add the {text(group.short_name)}'s meetings to your calendar:\n")
        lines += [calendar_links(site, uri, site_url, (group.id,)), ""]
        lines += ["## How to join\n", text(group.how_to_join) + "\n"]
        lines.append(f"Not sure this is the right group? [Which group is right for me?]({link(uri, 'membership.md')}#which-group-is-right-for-me)\n")
        lines.append(related_for_group(site, group, uri))
        pages.append(GeneratedPage(uri, "\n".join(lines)))
    return pages


def _chairs(group: Group) -> str:
    if not group.chair and not group.co_chair:
        return (
            "The chair's name is not published on this site yet. The Violence Reduction Network, "
            "which provides administration for the group, can put you in touch."
        )
    parts = []
    if group.chair:
        parts.append(f"Chair: {text(group.chair)}.")
    if group.co_chair:
        parts.append(f"Co-chair: {text(group.co_chair)}.")
    return " ".join(parts)


def _groups_index(site: Site) -> str:
    lines = [
        front_matter(title="The consortium groups", description="The three consortium groups of the partnership and who each is for."),
        "# The consortium groups\n",
        f"The partnership brings together {in_words(len(site.groups))} consortium groups. "
        "Each works on the same strategic priorities from its own part of the system.\n",
    ]
    for group in site.groups:
        lines.append(f"## [{text(group_label(group))}]({group.id}.md)\n")
        lines.append(text(group.who_it_is_for) + "\n")
    lines.append(f"[How the groups' activities line up with the priorities]({link('groups/index.md', MATRIX_URI)})\n")
    return "\n".join(lines)


def priority_pages(site: Site) -> list[GeneratedPage]:
    index = [
        front_matter(title="Strategic priorities", description="The five strategic priorities of the Trauma Informed Strategy 2023–2026."),
        "# Strategic priorities\n",
        "The consortium groups co-produce activities linked to these priorities of the "
        "Trauma Informed Strategy 2023–2026, agreed by each group every year "
        "(Terms of Reference, section 2.3).\n",
    ]
    pages = []
    for priority in site.priorities:
        uri = priority_uri(priority)
        index.append(f"{priority.number}. [{text(priority.title)}]({priority.id}.md): {text(priority.summary)}")
        lines = [
            front_matter(title=f"{priority.number}. {priority.title}", description=priority.summary),
            f"# {priority.number}. {text(priority.title)}\n",
            "## What it means\n",
            text(priority.summary) + "\n",
            "## What each group does\n",
        ]
        for group in site.groups:
            lines.append(f"### [{text(group_label(group))}]({link(uri, group_uri(group))})\n")
            activities = priority.activities.get(group.id, ())
            lines.extend(f"- {text(a)}" for a in activities)
            lines.append("" if activities else NOT_AGREED + "\n")
        lines.append(f"[All priorities and groups in one table]({link(uri, MATRIX_URI)})\n")
        lines.append(related_for_priority(site, priority, uri))
        pages.append(GeneratedPage(uri, "\n".join(lines)))
    index += ["", "[All priorities and groups in one table](matrix.md)\n"]
    return [GeneratedPage("priorities/index.md", "\n".join(index)), *pages, _matrix(site)]


def _matrix(site: Site) -> GeneratedPage:
    """The Terms of Reference's table as a real table: priorities in rows, groups in columns."""
    uri = MATRIX_URI

    def cell(group: Group, activities: tuple[str, ...]) -> str:
        # data-label: on a phone the table reads one priority at a time, each cell under its group's name.
        start = f'<td data-label="{html.escape(group_label(group))}">'
        if not activities:
            return start + "None agreed yet</td>"
        return start + "<ul>" + "".join(f"<li>{html.escape(a)}</li>" for a in activities) + "</ul></td>"

    head = "".join(f'<th scope="col"><a href="../../groups/{g.id}/">{html.escape(group_label(g))}</a></th>' for g in site.groups)
    rows = "".join(
        f'<tr><th scope="row"><a href="../{p.id}/">{p.number}. {html.escape(p.title)}</a></th>'
        + "".join(cell(g, p.activities.get(g.id, ())) for g in site.groups)
        + "</tr>"
        for p in site.priorities
    )
    table = (
        '<div class="tip-table-scroll">'
        '<table class="tip-matrix"><caption id="tip-matrix-caption">Activities agreed by each group, by strategic priority</caption>'
        f'<thead><tr><th scope="col">Strategic priority</th>{head}</tr></thead><tbody>{rows}</tbody></table></div>'
    )
    lines = [
        # No table of contents: the table needs the width.
        front_matter(title="Priorities and groups", description="The activities each consortium group has agreed for each strategic priority.", hide=["toc"]),
        "# Priorities and groups\n",
        "The activities each group has agreed for each strategic priority, as in the "
        "table of the Terms of Reference. Groups agree their activities every year, "
        "so an empty cell means none are agreed yet.\n",
        table,
        "",
    ]
    return GeneratedPage(uri, "\n".join(lines))


def membership_page(site: Site) -> list[GeneratedPage]:
    lines = [
        front_matter(title="Membership", description="Who can join the consortium groups, the sectors they draw on, and which group is right for you."),
        "# Membership\n",
        "## Sectors\n",
        "Each consortium group has members from across these sectors:\n",
        *(f"- {text(s.name)}" for s in site.sectors),
        "",
        "Membership first drew on the three platforms that came together in 2023: the "
        "Leadership Group, the Champions Network and the Schools Forum. Members should be "
        "able to commit to regular attendance at meetings (Terms of Reference, 4.1 and 4.2).\n",
        "## Which group is right for me?\n",
        "Read who each group is for and choose the one closest to your role. You are welcome "
        "to join more than one group, and new members are helped to find the group that best "
        "meets their own and their organisation's needs (Terms of Reference, 4.3).\n",
    ]
    for group in site.groups:
        lines += [
            f"### {text(group_label(group))}\n",
            f"**Right for you if you are:** {text(_lower_first(group.who_it_is_for))}\n",
            f"**How to join:** {text(group.how_to_join)}\n",
            f"[More about the {text(group.short_name)}]({link('membership.md', group_uri(group))})\n",
        ]
    return [GeneratedPage("membership.md", "\n".join(lines))]


def _lower_first(who: str) -> str:
    """'A platform for those involved in …' reads better as 'one of those involved in …'."""
    prefix = "A platform for "
    return ("one of " + who[len(prefix):]) if who.startswith(prefix) else who


def governance_with_group_names(site: Site) -> Governance:
    """The bodies that are consortium groups take their names from groups.yml, so a rename reaches the diagram."""
    groups = {g.id: g for g in site.groups}
    bodies = tuple(
        dataclasses.replace(b, name=groups[b.id].name, short_name=groups[b.id].short_name) if b.id in groups else b
        for b in site.governance.bodies
    )
    return dataclasses.replace(site.governance, bodies=bodies)


def governance_page(site: Site) -> list[GeneratedPage]:
    governance = governance_with_group_names(site)
    lines = [
        front_matter(title="Governance", description="How the partnership is governed and who reports to whom."),
        "# Governance\n",
        '<figure class="tip-diagram-figure">',
        governance_svg(governance),
        governance_column_svg(governance),
        "<figcaption>How the partnership reports. Each arrow points to the body a body reports to.</figcaption>",
        "</figure>",
        "",
        "## The structure in words\n",
        governance_in_words(governance),
        "",
        "## The bodies\n",
    ]
    for body in governance.bodies:
        lines.append(f"### {text(body.name)} ({text(body.short_name)})\n")
        lines.append(text(body.role) + "\n")
        if body.reports_to:
            lines.append(f"Reports to: {text(governance.body(body.reports_to).name)}.\n")
        if body.reporting:
            lines.append(text(body.reporting) + "\n")
    lines.append("## Standing arrangements\n")
    lines.extend(f"- {text(a)}" for a in governance.arrangements)
    lines += ["", "## Review\n", text(governance.review) + "\n"]
    return [GeneratedPage("governance.md", "\n".join(lines))]
