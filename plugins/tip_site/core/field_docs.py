"""Fields explained in words, from the schemas: one source for the scaffolds' comments
and the editors' front-matter reference, so neither drifts from the checks."""

from __future__ import annotations

from typing import Mapping

from tip_site.core.schema import KIND_WORDS, Field, Schema

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


DRAFT_NOTE = "# New files start as drafts: set draft: false when the text is ready to publish."


def commented_front_matter(schema: Schema, values: Mapping[str, str], vocabularies: Mapping[str, tuple[str, ...]], note: str = DRAFT_NOTE) -> str:
    """Every field of the schema, each after its explanation; fields without a value stay commented out."""
    lines = ["---", f"# {schema.doc}".rstrip(), *([note] if note else [])]
    for field in schema.fields:
        lines.append("")
        lines += _comment(explain(field, vocabularies))
        for sub in field.fields:
            lines += _comment("  " + explain(sub, vocabularies), "#   ")
        if field.name in values:
            lines.append(f"{field.name}: {values[field.name]}")
        else:
            lines += [f"# {line}" for line in _example(field)]
    lines.append("---")
    return "\n".join(lines) + "\n"


def _comment(text: str, prefix: str = "# ") -> list[str]:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > 100 - len(prefix):
            lines.append(prefix + line)
            line = ""
        line = f"{line} {word}".strip()
    return lines + [prefix + line]


def _example(field: Field) -> list[str]:
    if field.kind == "object":
        subs = [f"{sub.name}: {sub.example or ''}".rstrip() for sub in field.fields]
        if field.many:
            return [f"{field.name}:", f"  - {subs[0]}", *(f"    {s}" for s in subs[1:])]
        return [f"{field.name}:", *(f"  {s}" for s in subs)]
    return [f"{field.name}: {field.example or ''}".rstrip()]
