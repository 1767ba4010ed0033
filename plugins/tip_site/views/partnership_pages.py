"""Pages about the partnership itself: groups, priorities, membership, governance."""

from __future__ import annotations

from tip_site.core.model import Site
from tip_site.views.generated_page import GeneratedPage
from tip_site.views.markdown_text import front_matter, text
from tip_site.views.related import related_for_group, related_for_priority
from tip_site.views.urls import group_uri, link, priority_uri


def group_pages(site: Site) -> list[GeneratedPage]:
    pages = [GeneratedPage("groups/index.md", _groups_index(site))]
    for group in site.groups:
        lines = [
            front_matter(title=f"{group.name} ({group.short_name})", description=group.who_it_is_for),
            f"# {text(group.name)} ({text(group.short_name)})\n",
            "## Who it is for\n",
            text(group.who_it_is_for) + "\n",
            "## Purpose\n",
            text(group.purpose) + "\n",
            "## Activities by strategic priority\n",
        ]
        for priority in site.priorities:
            activities = priority.activities.get(group.id, ())
            lines.append(f"### [{priority.number}. {text(priority.title)}](../priorities/{priority.id}.md)\n")
            if activities:
                lines.extend(f"- {text(a)}" for a in activities)
                lines.append("")
            else:
                lines.append("The group agrees its activities for this priority each year; none are published yet.\n")
        lines += ["## How to join\n", text(group.how_to_join) + "\n"]
        lines.append(related_for_group(site, group, group_uri(group)))
        pages.append(GeneratedPage(group_uri(group), "\n".join(lines)))
    return pages


def _groups_index(site: Site) -> str:
    lines = [front_matter(title="The consortium groups"), "# The consortium groups\n"]
    for group in site.groups:
        lines.append(f"## [{text(group.name)} ({text(group.short_name)})]({group.id}.md)\n")
        lines.append(text(group.who_it_is_for) + "\n")
    return "\n".join(lines)


def priority_pages(site: Site) -> list[GeneratedPage]:
    index = [front_matter(title="Strategic priorities"), "# Strategic priorities\n"]
    pages = []
    for priority in site.priorities:
        index.append(f"{priority.number}. [{text(priority.title)}]({priority.id}.md)")
        lines = [
            front_matter(title=f"{priority.number}. {priority.title}", description=priority.summary),
            f"# {priority.number}. {text(priority.title)}\n",
            text(priority.summary) + "\n",
            "## What each group does\n",
        ]
        for group in site.groups:
            lines.append(f"### [{text(group.name)} ({text(group.short_name)})](../groups/{group.id}.md)\n")
            activities = priority.activities.get(group.id, ())
            lines.extend(f"- {text(a)}" for a in activities)
            lines.append("" if activities else "No activities are published yet for this group.\n")
        lines.append(related_for_priority(site, priority, priority_uri(priority)))
        pages.append(GeneratedPage(priority_uri(priority), "\n".join(lines)))
    return [GeneratedPage("priorities/index.md", "\n".join(index) + "\n"), *pages]


def membership_page(site: Site) -> list[GeneratedPage]:
    lines = [
        front_matter(title="Membership"),
        "# Membership\n",
        "Each consortium group has members from across these sectors:\n",
        *(f"- {text(s.name)}" for s in site.sectors),
        "",
    ]
    return [GeneratedPage("membership.md", "\n".join(lines))]


def governance_page(site: Site) -> list[GeneratedPage]:
    lines = [front_matter(title="Governance"), "# Governance\n"]
    for body in site.governance.bodies:
        lines.append(f"## {text(body.name)} ({text(body.short_name)})\n")
        lines.append(text(body.role) + "\n")
        if body.reports_to:
            lines.append(f"Reports to: {text(site.governance.body(body.reports_to).name)}.\n")
        if body.reporting:
            lines.append(text(body.reporting) + "\n")
    lines.append("## Standing arrangements\n")
    lines.extend(f"- {text(a)}" for a in site.governance.arrangements)
    lines += ["", "## Review\n", text(site.governance.review) + "\n"]
    return [GeneratedPage("governance.md", "\n".join(lines))]
