"""Dates and times as editors write them, read strictly, with the exact fix when they are not.

The site takes dates as YYYY-MM-DD and times as YYYY-MM-DD HH:MM (seconds and
a 'T' between date and time are fine too: `2026-07-15T10:00:00`). Anything
else is refused, but the fix says what to write: `14/03/2025` becomes "write
2025-03-14" (UK order, day first), `2pm` becomes 14:00.
"""

from __future__ import annotations

import datetime as dt
import re

DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
DATETIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$")
_ZONE = re.compile(r"(?:\s*(?:Z|UTC|GMT|BST|[+-]\d{2}:?\d{2}))$", re.I)

MONTHS = {
    name: number
    for number, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
         ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")),
        start=1,
    )
    for name in names
}


def parse_date(text: str) -> dt.date | None:
    match = DATE.match(text)
    if not match:
        return None
    try:
        return dt.date(*map(int, match.groups()))
    except ValueError:
        return None


def parse_datetime(text: str) -> dt.datetime | None:
    match = DATETIME.match(text)
    if not match:
        return None
    year, month, day, hour, minute, second = match.groups()
    try:
        return dt.datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
    except ValueError:
        return None


def _real(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year(text: str) -> int | None:
    if len(text) == 4:
        return int(text)
    if len(text) == 2:
        return 2000 + int(text)
    return None


def guess_date(text: str) -> dt.date | None:
    """The date an editor most likely meant by `text`, if only one reading makes sense (UK order)."""
    text = text.strip().strip(".").lower()
    text = re.sub(r"^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*,?\s+", "", text)
    text = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text)
    numbers = re.fullmatch(r"(\d{1,4})\s*[-/.\s]\s*(\d{1,2})\s*[-/.\s]\s*(\d{1,4})", text)
    if numbers:
        a, b, c = numbers.groups()
        if len(a) == 4:  # 2025/03/14, 2025-3-14
            return _real(int(a), int(b), int(c))
        year = _year(c)
        return _real(year, int(b), int(a)) if year else None  # 14/03/2025: day first, as in the UK
    words = re.fullmatch(r"(\d{1,2})\s+([a-z]+),?\s+(\d{4})", text)  # 14 March 2025
    if words and words[2] in MONTHS:
        return _real(int(words[3]), MONTHS[words[2]], int(words[1]))
    words = re.fullmatch(r"([a-z]+)\s+(\d{1,2}),?\s+(\d{4})", text)  # March 14, 2025
    if words and words[1] in MONTHS:
        return _real(int(words[3]), MONTHS[words[1]], int(words[2]))
    return None


def guess_time(text: str) -> tuple[int, int] | None:
    """(hour, minute) from 10:00, 10.30, 1030, 10am, 2:30 pm, 14h00."""
    text = text.strip().lower().replace(" ", "")
    match = re.fullmatch(r"(\d{1,2})(?:[:.h](\d{2}))?(am|pm)?", text) or re.fullmatch(r"(\d{2})(\d{2})()", text)
    if not match or (match[2] is None and not match[3]):
        return None
    hour, minute = int(match[1]), int(match[2] or 0)
    if match[3]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match[3] == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return hour, minute


def date_fix(text: str) -> str:
    """How to write a date the site cannot read, as exactly as can be told."""
    text = text.strip()
    example = "write it as YYYY-MM-DD, like 2025-03-14"
    as_datetime = parse_datetime(text) or _datetime_with_zone(text)
    if as_datetime is not None:
        return f"write only the date: {as_datetime:%Y-%m-%d}"
    match = DATE.match(text)
    if match:
        year, month, day = map(int, match.groups())
        swapped = _real(year, day, month)
        if month > 12 and swapped:
            return f"the month comes second: write {swapped.isoformat()}"
        if 1 <= month <= 12:
            return f"{dt.date(year, month, 1):%B %Y} has no day {day}: check the day of the month"
        return "check the month (01 to 12) and the day of the month"
    if re.fullmatch(r"\d{4}-\d{1,2}", text):
        return f"add the day of the month: {text[:4]}-{int(text[5:]):02d}-DD, like {text[:4]}-{int(text[5:]):02d}-01"
    guessed = guess_date(text)
    if guessed is not None:
        meant = f" (if you meant {guessed.day} {guessed:%B %Y})" if re.search(r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]", text) else ""
        return f"write it as YYYY-MM-DD: {guessed.isoformat()}{meant}"
    if re.fullmatch(r"\d{4}", text):
        return f"write the full date, YYYY-MM-DD, like {text}-03-14"
    return example


def _datetime_with_zone(text: str) -> dt.datetime | None:
    if not _ZONE.search(text):
        return None
    return parse_datetime(_ZONE.sub("", text).strip())


def datetime_fix(text: str, day_of: dt.date | None = None) -> str:
    """How to write a date and time the site cannot read; `day_of` is the start's date, for an end given as a time only."""
    text = text.strip()
    zoned = _datetime_with_zone(text)
    if zoned is not None:
        return f"leave out the time zone, and give UK time: {zoned:%Y-%m-%d %H:%M}"
    date_only = parse_date(text) or guess_date(text)
    if date_only is not None:
        return f"add the time, in 24 hours: {date_only.isoformat()} 10:00 (say)"
    time_only = guess_time(text)
    if time_only is not None:
        day = day_of.isoformat() if day_of else "YYYY-MM-DD"
        return f"write the date too: {day} {time_only[0]:02d}:{time_only[1]:02d}"
    for split in _splits(text):
        day, time = split
        guessed_day = parse_date(day) or guess_date(day)
        guessed_time = guess_time(time)
        if guessed_day and guessed_time:
            return f"write {guessed_day.isoformat()} {guessed_time[0]:02d}:{guessed_time[1]:02d}"
    match = DATETIME.match(text)
    if match:
        year, month, day, hour, minute, _ = match.groups()
        if int(hour) == 24 and int(minute) == 0:
            return "there is no 24:00: write 23:59, or 00:00 of the next day"
        if not _real(int(year), int(month), int(day)):
            return date_fix(f"{year}-{month}-{day}")
        return "check the time: hours 00 to 23, minutes 00 to 59"
    return "write it as YYYY-MM-DD HH:MM in 24 hours, like 2025-03-14 14:00 (UK time)"


def _splits(text: str):
    """(date part, time part) readings of 'date time' text: '14/03/2025 2pm', '2025-03-14 at 10.30'."""
    text = re.sub(r"\s+at\s+|,\s*|\s*T(?=\d)", " ", text.strip(), flags=re.I)
    words = text.split()
    for cut in range(1, len(words)):
        yield " ".join(words[:cut]), " ".join(words[cut:])
