"""Loading the partnership's data (content/data/*.yml) into model objects."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from tip_site.core.model import Body, Governance, Group, Priority, Term
from tip_site.core.problems import Problems
from tip_site.core.schema import Reader, Schema
from tip_site.core.schemas import GOVERNANCE, GROUP, PRIORITY, TERM
from tip_site.core.source_file import read_text
from tip_site.core.yaml_source import LineDict, LineList, YamlSyntaxError, parse_yaml, yaml_slips


@dataclass(frozen=True)
class PartnershipData:
    groups: tuple[Group, ...]
    priorities: tuple[Priority, ...]
    sectors: tuple[Term, ...]
    audiences: tuple[Term, ...]
    resource_types: tuple[Term, ...]
    governance: Governance

    @property
    def vocabularies(self) -> dict[str, tuple[str, ...]]:
        """Valid ids by vocabulary name, for checking cross-references."""
        return {
            "group": tuple(g.id for g in self.groups),
            "priority": tuple(p.id for p in self.priorities),
            "sector": tuple(s.id for s in self.sectors),
            "audience": tuple(a.id for a in self.audiences),
            "resource_type": tuple(t.id for t in self.resource_types),
        }


def _read_yaml(file: Path, shown: str, problems: Problems) -> Any:
    if not file.is_file():
        problems.add(shown, None, None, "this data file is missing", "restore it from the repository's history")
        return None
    text = read_text(file, shown, problems)
    if text is None:
        return None
    try:
        data = parse_yaml(text)
    except YamlSyntaxError as error:
        problems.add(shown, error.line, error.field, error.message, error.fix)
        return None
    for slip in yaml_slips(text):
        problems.add(shown, slip.line, slip.field, slip.message, slip.fix)
    return data


def _read_list(
    data_dir: Path, root: Path, name: str, schema: Schema, build: Callable[[dict], Any], problems: Problems,
    vocabularies: dict[str, tuple[str, ...]] | None = None, unique: tuple[str, ...] = (),
) -> tuple:
    """Read a data file that is a list of entries, checking ids (and the `unique` fields) are unique."""
    file = data_dir / name
    shown = file.relative_to(root).as_posix()
    raw = _read_yaml(file, shown, problems)
    if raw is None:
        return ()
    if not isinstance(raw, LineList):
        problems.add(shown, 1, None, f"expected a list of {schema.name} entries, each starting with '- id:'", "start each entry with '- '")
        return ()
    reader = Reader(shown, problems, vocabularies or {})
    items: list = []
    first_line: dict = {}
    for index, (entry, line) in enumerate(zip(raw, raw.item_lines)):
        values = reader.read(entry, schema, prefix=f"[{index}].", line=line)
        if values is None or any(values.get(f.name) is None for f in schema.fields if f.required):
            continue
        entry_id = values["id"]
        if entry_id in first_line:
            problems.add(shown, entry.key_lines["id"], f"[{index}].id", f"the id '{entry_id}' is used twice (first on line {first_line[entry_id]})", "give each entry its own id")
            continue
        first_line[entry_id] = entry.key_lines["id"]
        clash = next((name for name in unique if (name, values[name]) in first_line), None)
        if clash is not None:
            problems.add(shown, entry.key_lines[clash], f"[{index}].{clash}",
                         f"the {clash} {values[clash]} is used twice (first on line {first_line[(clash, values[clash])]})",
                         f"give each entry its own {clash}")
            continue
        first_line.update(((name, values[name]), entry.key_lines[name]) for name in unique)
        items.append(build(values))
    return tuple(items)


def _governance(data_dir: Path, root: Path, problems: Problems) -> Governance:
    file = data_dir / "governance.yml"
    shown = file.relative_to(root).as_posix()
    raw = _read_yaml(file, shown, problems)
    empty = Governance((), (), "")
    if raw is None:
        return empty
    reader = Reader(shown, problems)
    if isinstance(raw, LineDict) and isinstance(raw.get("bodies"), LineList):
        ids = tuple(b.get("id") for b in raw["bodies"] if isinstance(b, LineDict) and isinstance(b.get("id"), str))
        reader.vocabularies = {"governance_body": ids}
    values = reader.read(raw, GOVERNANCE)
    if values is None:
        return empty
    bodies = tuple(Body(**b) for b in values["bodies"] or () if b and all(b.get(k) for k in ("id", "name", "short_name", "role")))
    return Governance(bodies, values["arrangements"] or (), values["review"] or "", values["last_reviewed"])


def load_data(content_dir: Path, root: Path, problems: Problems) -> PartnershipData:
    data_dir = content_dir / "data"
    groups = _read_list(data_dir, root, "groups.yml", GROUP, lambda v: Group(**v), problems)
    group_ids = {"group": tuple(g.id for g in groups)}

    def priority(values: dict) -> Priority:
        activities = values.pop("activities") or {}
        full = {g.id: tuple(activities.get(g.id, ())) for g in groups}
        return Priority(activities=full, **values)

    priorities = _read_list(data_dir, root, "priorities.yml", PRIORITY, priority, problems, group_ids, unique=("number",))
    priorities = tuple(sorted(priorities, key=lambda p: p.number))
    term = lambda v: Term(**v)  # noqa: E731
    return PartnershipData(
        groups=groups,
        priorities=priorities,
        sectors=_read_list(data_dir, root, "sectors.yml", TERM, term, problems),
        audiences=_read_list(data_dir, root, "audiences.yml", TERM, term, problems),
        resource_types=_read_list(data_dir, root, "resource-types.yml", TERM, term, problems),
        governance=_governance(data_dir, root, problems),
    )
