"""Loading content/data/support.yml: the services of the "Need help now?" page."""

from __future__ import annotations

from pathlib import Path

from tip_site.core.data_files import _read_yaml
from tip_site.core.model import Support, SupportService
from tip_site.core.problems import Problems
from tip_site.core.schema import Reader
from tip_site.core.schemas import SUPPORT


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
    if values["last_reviewed"] and values["next_review"] and values["next_review"] < values["last_reviewed"]:
        line = raw.key_lines.get("next_review")
        problems.add(shown, line, "next_review", "the next review is before the last review", "set next_review after last_reviewed")
    return Support(services, values["last_reviewed"], values["next_review"])
