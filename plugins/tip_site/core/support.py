"""Loading content/data/support.yml: the services of the "Need help now?" page."""

from __future__ import annotations

from pathlib import Path

from tip_site.core.data_files import _read_yaml
from tip_site.core.model import Support, SupportService
from tip_site.core.problems import Problems
from tip_site.core.schema import Reader
from tip_site.core.schemas import SUPPORT
from tip_site.core.sense_checks import review_problems
from tip_site.core.yaml_source import LineDict, LineList


def load_support(content_dir: Path, root: Path, problems: Problems) -> Support:
    file = content_dir / "data" / "support.yml"
    shown = file.relative_to(root).as_posix()
    raw = _read_yaml(file, shown, problems)
    if raw is None:
        return Support()
    values = Reader(shown, problems).read(raw, SUPPORT)
    if values is None:
        return Support()
    services = tuple(
        SupportService(**{**entry, "urgency": entry.get("urgency") or "support"})
        for entry in values["services"] or ()
        if entry and all(entry.get(k) for k in ("id", "name", "description"))
    )
    entries = raw.get("services") if isinstance(raw.get("services"), LineList) else []
    first: dict[str, int] = {}
    for index, entry in enumerate(entries):
        service_id = entry.get("id") if isinstance(entry, LineDict) else None
        if not isinstance(service_id, str):
            continue
        line = entry.key_lines["id"]
        if service_id in first:
            problems.add(shown, line, f"services[{index}].id", f"the id '{service_id}' is used twice (first on line {first[service_id]})",
                         "give each service its own id")
        first.setdefault(service_id, line)
    problems.extend(review_problems(shown, raw.key_lines.get, "list of services", None, values["last_reviewed"], values["next_review"]))
    return Support(services, values["last_reviewed"], values["next_review"])
