"""ToR 5.1: a warning when a group's meetings in a year are not spread across the quarters."""

from __future__ import annotations

import datetime as dt

import pytest

from tip_site.core.meeting_spread import meeting_spread_problems
from tip_site.core.model import Event, Group, Source

COP = Group("cop", "CoP", "Community of Practice Group", "who", "purpose", "join")


def meeting(day: str, kind: str = "meeting", group: str = "cop") -> Event:
    start = dt.datetime.fromisoformat(f"{day} 10:00")
    return Event(f"m-{day}", "Meeting", kind, (group,), start, start + dt.timedelta(hours=2), "Online", "s", "", Source(f"content/events/{day}.md"))


FULL_YEAR = ["2026-02-10", "2026-05-12", "2026-09-15", "2026-11-17"]


@pytest.mark.parametrize(
    "days, kind, today, expected",
    [
        (FULL_YEAR, "meeting", None, []),
        (
            ["2026-02-10", "2026-09-15", "2026-11-17"], "meeting", None,
            ["content/events/2026-02-10.md: start: the CoP meetings of 2026 are not spread across the quarters "
             "(Q1: 1, Q2: 0, Q3: 1, Q4: 1) — add a meeting in Q2: the Terms of Reference (5.1) ask for meetings "
             "evenly spread across the four quarters (warning)"],
        ),
        (
            ["2026-01-10", "2026-02-10", "2026-03-10", "2026-05-12", "2026-09-15", "2026-11-17"], "meeting", None,
            ["content/events/2026-01-10.md: start: the CoP meetings of 2026 are not spread across the quarters "
             "(Q1: 3, Q2: 1, Q3: 1, Q4: 1) — move a meeting to a quieter quarter: the Terms of Reference (5.1) ask "
             "for meetings evenly spread across the four quarters (warning)"],
        ),
        # Past years are history: a gap there cannot be fixed, so it is not reported.
        (["2025-02-10"], "meeting", dt.date(2026, 1, 5), []),
        # A one-off event is not a quarterly meeting.
        (["2026-03-18"], "event", None, []),
    ],
)
def test_meeting_spread(days, kind, today, expected):
    problems = meeting_spread_problems([meeting(d, kind) for d in days], [COP], today)
    assert [str(p) for p in problems] == expected
    assert all(p.severity == "warning" for p in problems)


def test_each_year_is_judged_on_its_own():
    events = [meeting(d) for d in FULL_YEAR] + [meeting("2027-02-09")]
    problems = meeting_spread_problems(events, [COP], dt.date(2026, 11, 26))
    assert len(problems) == 1 and "meetings of 2027" in problems[0].message and "Q2 and Q3 and Q4" in problems[0].fix


TIP = Group("tip", "TIP", "Trauma Informed Partnership Network", "who", "purpose", "join")


def test_the_joint_event_counts_as_a_meeting_of_every_group():
    """ToR 5.2: the yearly joint event brings all groups together, whichever groups its file lists."""
    joint = meeting("2026-07-08", "joint-event", group="cop")
    for group in (COP, TIP):
        events = [meeting(d, group=group.id) for d in ("2026-02-10", "2026-05-12", "2026-11-17")] + [joint]
        assert meeting_spread_problems(events, [group]) == [], group.id
    # Without it, the same three meetings leave the third quarter empty.
    assert "Q3: 0" in meeting_spread_problems([meeting(d) for d in ("2026-02-10", "2026-05-12", "2026-11-17")], [COP])[0].message
