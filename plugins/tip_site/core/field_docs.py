"""Fields explained in words, from the schemas: one source for the scaffolds' comments
and the editors' front-matter reference, so neither drifts from the checks."""

from __future__ import annotations

from typing import Mapping

from tip_site.core.schema import KIND_WORDS, Field

# The vocabularies' names as an editor reads them.
VOCABULARY_WORDS = {
    "group": "group",
    "priority": "strategic priority",
    "audience": "audience",
    "resource_type": "resource type",
    "sector": "sector",
    "governance_body": "governance body",
}


def requirement(field: Field) -> str:
    return "required" if field.required else "optional"


def what_to_write(field: Field, vocabularies: Mapping[str, tuple[str, ...]] | None = None) -> str:
    """What a valid value looks like, e.g. "one or more of: tip, cop, tis"."""
    if field.kind == "ref":
        ids = (vocabularies or {}).get(field.ref or "", ())
        noun = VOCABULARY_WORDS.get(field.ref or "", (field.ref or "").replace("_", " "))
        if ids:
            return ("one or more of: " if field.many else "one of: ") + ", ".join(ids)
        return f"{'a list of ' if field.many else 'an '}{noun} id{'s' if field.many else ''}"
    if field.choices:
        return "one of: " + ", ".join(field.choices)
    words = KIND_WORDS[field.kind]
    if field.kind == "int" and field.minimum is not None and field.maximum is not None:
        words += f" from {field.minimum} to {field.maximum}"
    if field.kind == "object":
        return "a list, each item with the fields below" if field.many else "the fields below, indented under it"
    return f"a list of {words}" if field.many else words


def explain(field: Field, vocabularies: Mapping[str, tuple[str, ...]] | None = None) -> str:
    """One line about a field: "title (required): The issue's title. Write text." """
    default = f" Leave it out for {str(field.default).lower()}." if field.default is not None else ""
    return f"{field.name} ({requirement(field)}): {field.doc} Value: {what_to_write(field, vocabularies)}.{default}"
