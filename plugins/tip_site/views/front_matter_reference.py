"""The editors' front-matter reference, generated from the schemas the check uses.

Because the page is built from `core/schemas.py` and the partnership's data,
it can never disagree with what the check accepts.
"""

from __future__ import annotations

import json

from tip_site.core.field_docs import DRAFT_NOTE, commented_front_matter, requirement, what_to_write
from tip_site.core.model import Site, Term
from tip_site.core.placeholders import PLACEHOLDER_URL, PROMPT, prompt
from tip_site.core.schema import Field, Schema
from tip_site.core.schemas import EVENT, NEWSLETTER, PAGE, RESOURCE
from tip_site.views.generated_page import GeneratedPage
from tip_site.views.markdown_text import front_matter, text

URI = "editors/front-matter.md"

# (heading, schema, the folder the files go in, a file name)
KINDS = (
    ("Newsletter issues", NEWSLETTER, "content/newsletters/", "2025-q1.md"),
    ("Resources", RESOURCE, "content/resources/", "trauma-toolkit.md"),
    ("Meetings and events", EVENT, "content/events/", "cop-meeting-2025-03-14.md"),
    ("Pages", PAGE, "docs/", "about.md"),
)


def front_matter_reference(site: Site) -> list[GeneratedPage]:
    vocabularies = _vocabularies(site)
    lines = [
        front_matter(title="Front-matter reference", description="Every field of newsletter issues, resources, events and pages, and what to write in it."),
        "# Front-matter reference\n",
        "Every newsletter issue, resource, event and page starts with *front matter*: the lines between two "
        "`---` lines at the top of the file, one `field: value` per line. This page lists every field the "
        "site understands. It is generated from the same rules the check uses, so it is always up to date.\n",
        "Put text that contains a colon (`:`) or starts with a quote in double quotes, like "
        '`title: "Spring 2025: the conference"`. Lists go in square brackets: `groups: [tip, cop]`.\n',
    ]
    for heading, schema, folder, example_name in KINDS:
        lines += [f"## {heading}\n", f"{text(schema.doc)} One file per item, for example `{folder}{example_name}`.\n"]
        lines += _table(schema, vocabularies)
        if schema is not PAGE:
            lines += [
                "??? example \"A file to copy and start from\"\n",
                f"    It starts as a draft (`draft: true`). Replace every value marked *{PROMPT}*, and the "
                "text under the front matter, then set `draft: false` to publish: until then the check "
                "refuses to publish it.\n",
                "    ```text",  # not highlighted: the theme's comment colour is too faint for WCAG AA
                *(f"    {line}".rstrip() for line in starting_file(schema, vocabularies).splitlines()),
                "    ```\n",
            ]
    lines += ["## Ids you can use\n", "Fields that refer to the partnership's data take these ids.\n"]
    for heading, terms in (
        ("Groups (`groups`)", [(g.id, f"{g.name} ({g.short_name})") for g in site.groups]),
        ("Strategic priorities (`priorities`)", [(p.id, f"{p.number}. {p.title}") for p in site.priorities]),
        ("Audiences (`audiences`)", _terms(site.audiences)),
        ("Resource types (`type`)", _terms(site.resource_types)),
    ):
        lines += [f"### {heading}\n", "| Id | Meaning |", "|---|---|", *(f"| `{i}` | {_cell(name)} |" for i, name in terms), ""]
    return [GeneratedPage(URI, "\n".join(lines) + "\n")]


def _table(schema: Schema, vocabularies: dict) -> list[str]:
    rows = ["| Field | Required? | What it is | What to write |", "|---|---|---|---|"]
    for field in schema.fields:
        rows.append(_row(field.name, field, vocabularies))
        rows += [_row(f"{field.name}.{sub.name}", sub, vocabularies) for sub in field.fields]
    return [*rows, ""]


def _row(name: str, field: Field, vocabularies: dict) -> str:
    write = what_to_write(field, vocabularies)
    if field.example and field.example not in write:
        write += f", for example `{field.example}`"
    return f"| `{name}` | {requirement(field)} | {_cell(field.doc)} | {_cell(write)} |"


def _cell(value: str) -> str:
    return text(value).replace("|", "\\|")


def _terms(terms: tuple[Term, ...]) -> list[tuple[str, str]]:
    return [(t.id, t.name) for t in terms]


def _vocabularies(site: Site) -> dict[str, tuple[str, ...]]:
    return {
        "group": tuple(g.id for g in site.groups),
        "priority": tuple(p.id for p in site.priorities),
        "audience": tuple(a.id for a in site.audiences),
        "resource_type": tuple(t.id for t in site.resource_types),
        "sector": tuple(s.id for s in site.sectors),
    }


# Valid stand-ins for fields whose schema gives no example.
PLACEHOLDERS = {"date": "2025-03-14", "datetime": "2025-03-14 10:00", "url": PLACEHOLDER_URL, "slug": "a-short-id"}
TEMPLATE_NOTE = f"{DRAFT_NOTE}\n# Replace every value marked '{PROMPT}' first: the check refuses to publish them."


def starting_file(schema: Schema, vocabularies: dict) -> str:
    """A draft whose every value is a marked placeholder: valid as a draft, refused once published."""
    body = prompt("the text, in Markdown.")
    return commented_front_matter(schema, _example_values(schema), vocabularies, note=TEMPLATE_NOTE) + f"\n{body}\n"


def _example_values(schema: Schema) -> dict[str, str]:
    """Required fields filled with marked stand-ins; optional ones stay commented out, except a
    resource's url (a resource needs a url or an attachment), an event's location (needed unless
    it is online) and `draft: true`."""
    values = {}
    for field in schema.fields:
        needed = (schema is RESOURCE and field.name == "url") or (schema is EVENT and field.name == "location")
        if (field.required or needed) and not field.fields:
            what = _what(field)
            if field.kind == "text" and not field.choices:
                values[field.name] = json.dumps(prompt(what), ensure_ascii=False)
            elif field.kind == "url":
                values[field.name] = PLACEHOLDERS["url"]
            elif field.kind == "slug":  # never a real id (the schema's example is a group's)
                values[field.name] = f"{PLACEHOLDERS['slug']}  # {prompt('an id of your own, like the file name without .md')}"
            else:
                values[field.name] = f"{field.example or PLACEHOLDERS.get(field.kind, '')}  # {prompt(what)}"
    values["draft"] = "true"
    return values


def _what(field: Field) -> str:
    """"The issue's title." -> "the issue's title"."""
    first = field.doc.split(". ")[0].split(":")[0].rstrip(".")
    acronym = len(first.split()[0]) > 1 and first.split()[0].isupper()
    return first if acronym else first[:1].lower() + first[1:]
