"""Terms of Reference 5.1: each group's meetings are spread evenly across the quarters.

The yearly joint event (5.2) brings every group together, so it counts as a
meeting of each group, whichever groups its file lists.

A warning, not an error: the schedule is the Lead's to fix, and a build must not
stop because next year's dates are only partly set. Years before the build date
are history and are not judged.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Iterable

from tip_site.core.model import Event, Group
from tip_site.core.problems import Problem

FIX = "the Terms of Reference (5.1) ask for meetings evenly spread across the four quarters"


def quarter(day: dt.date | dt.datetime) -> int:
    return (day.month - 1) // 3 + 1


def meeting_spread_problems(
    events: Iterable[Event], groups: Iterable[Group], today: dt.date | None = None
) -> list[Problem]:
    """One warning per group and year whose meetings miss a quarter or bunch up in one."""
    groups = tuple(groups)
    meetings: dict[tuple[str, int], list[Event]] = defaultdict(list)
    for event in events:
        if event.kind not in ("meeting", "joint-event") or (today is not None and event.start.year < today.year):
            continue
        for group_id in (g.id for g in groups) if event.kind == "joint-event" else event.groups:
            meetings[(group_id, event.start.year)].append(event)
    problems = []
    for group in groups:
        for year in sorted(y for g, y in meetings if g == group.id):
            held = meetings[(group.id, year)]
            counts = {q: sum(1 for e in held if quarter(e.start) == q) for q in (1, 2, 3, 4)}
            if min(counts.values()) > 0 and max(counts.values()) - min(counts.values()) <= 1:
                continue
            missing = [f"Q{q}" for q, n in counts.items() if n == 0]
            spread = ", ".join(f"Q{q}: {n}" for q, n in counts.items())
            message = f"the {group.short_name} meetings of {year} are not spread across the quarters ({spread})"
            fix = f"add a meeting in {' and '.join(missing)}" if missing else "move a meeting to a quieter quarter"
            problems.append(Problem(held[0].source.path, None, "start", message, f"{fix}: {FIX}", "warning"))
    return problems
