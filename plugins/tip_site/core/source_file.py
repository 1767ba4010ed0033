"""Reading a Markdown file: bytes to text, then front matter and body apart."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from tip_site.core.problems import Problems
from tip_site.core.yaml_mistakes import first_slip
from tip_site.core.yaml_source import LineDict, LineList, YamlSyntaxError, parse_yaml, yaml_slips


@dataclass(frozen=True)
class MarkdownSource:
    path: str  # relative to the project root, for messages
    front_matter: LineDict
    body: str
    body_line: int  # the file line the body starts on


# A line meant as '---' but typed otherwise: dashes of other kinds or numbers, with spaces between.
_DASHES = re.compile(r"^[\s\-‐‑‒–—―−_]+$")
_FIELD = re.compile(r"^[A-Za-z_][\w -]*:(\s|$)")


def read_text(file: Path, shown_path: str, problems: Problems) -> str | None:
    """Decode a file as UTF-8, reporting the line of the first bad byte."""
    try:
        data = file.read_bytes()
    except OSError as error:
        problems.add(shown_path, None, None, f"the file cannot be opened ({error.strerror or error})",
                     "check that it is an ordinary file, saved completely")
        return None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.add(shown_path, 1, None, "the file is saved as UTF-16 text, not UTF-8",
                     "save it again choosing the encoding 'UTF-8' (in Notepad: Save As, Encoding: UTF-8)")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        problems.add(
            shown_path,
            line,
            None,
            "the file is not saved as UTF-8 text",
            "save it again choosing the encoding 'UTF-8' (in Word: Save As, Plain Text, Unicode UTF-8)",
        )
        return None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        problems.add(shown_path, line, None, "the file is not plain text (it has a zero byte in it)",
                     "save the text again as plain text (UTF-8), or copy it into a new file")
        return None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def read_markdown(file: Path, shown_path: str, problems: Problems, require_front_matter: bool = True) -> MarkdownSource | None:
    """Split a Markdown file into its front matter and body; None if unreadable."""
    text = read_text(file, shown_path, problems)
    if text is None:
        return None
    lines = text.split("\n")
    if lines[0].strip() != "---":
        if require_front_matter:
            problems.add(shown_path, *_no_opening_line(lines))
            return None
        return MarkdownSource(shown_path, _empty(), text, 1)
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        problems.add(shown_path, *_not_closed(lines))
        return None
    yaml_text = "\n".join(lines[1:end])
    try:
        data = parse_yaml(yaml_text)
    except YamlSyntaxError as error:
        problems.add(shown_path, None if error.line is None else error.line + 1, error.field, error.message, error.fix)
        return None
    for slip in yaml_slips(yaml_text):
        problems.add(shown_path, None if slip.line is None else slip.line + 1, slip.field, slip.message, slip.fix)
    if data is None:
        data = _empty()
    if not isinstance(data, LineDict):
        slip = first_slip(yaml_text)
        if slip is not None and not isinstance(data, LineList):
            problems.add(shown_path, None if slip.line is None else slip.line + 1, slip.field, slip.message, slip.fix)
        elif isinstance(data, LineList):
            problems.add(shown_path, 2, None, "the front matter is a list: its lines start with '- '",
                         "remove the '- ' at the start of each field's line: 'title: …', not '- title: …'")
        else:
            problems.add(shown_path, 2, None, "the front matter must be 'field: value' lines", "write one 'field: value' per line between the '---' lines")
        return None
    return MarkdownSource(shown_path, data, "\n".join(lines[end + 1 :]), end + 2)


def _no_opening_line(lines: list[str]) -> tuple[int, str | None, str, str]:
    """(line, field, message, fix) for a file whose first line is not '---'."""
    first_text = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first_text is None:
        return (1, None, "the file is empty", "start it with a line '---', the fields, and another '---'; the editors' guide has a file to copy")
    first = lines[first_text].strip()
    if first_text > 0 and first == "---":
        blanks = "line 1 is" if first_text == 1 else f"lines 1 to {first_text} are"
        return (1, None, f"the file does not start with front matter: {blanks} blank, above the first '---'",
                "delete the blank lines, so that '---' is the very first line")
    if _DASHES.match(first):
        return (first_text + 1, None, f"the first line is '{first}', not three hyphens",
                "write exactly '---' (three hyphens, nothing else), as the first line; a word processor may have joined them into a dash")
    if first.startswith("+++"):
        return (first_text + 1, None, "the front matter is between '+++' lines (TOML), which the site does not read",
                "write it between '---' lines, as 'field: value' lines")
    if _FIELD.match(first):
        return (first_text + 1, None, "the file does not start with front matter: the line '---' above the fields is missing",
                "add a line '---' above the first field, and another after the last one")
    return (1, None, "the file does not start with front matter", "put a line '---', the fields, and another '---' at the top")


def _not_closed(lines: list[str]) -> tuple[int, str | None, str, str]:
    """(line, field, message, fix) for front matter with no closing '---'."""
    for index in range(1, len(lines)):
        stripped = lines[index].strip()
        if stripped and _DASHES.match(stripped) and stripped != "---":
            return (index + 1, None, f"the front matter is not closed: line {index + 1} is '{stripped}', not three hyphens",
                    "write exactly '---' (three hyphens, nothing else) on that line")
    last_field = 1
    for index in range(1, len(lines)):
        stripped = lines[index].strip()
        if not stripped:
            following = next((l.strip() for l in lines[index + 1:] if l.strip()), "")
            if following and not _FIELD.match(following) and not following.startswith(("- ", "#")):
                break
            continue
        if _FIELD.match(stripped) or stripped.startswith(("- ", "#")) or lines[index].startswith(" "):
            last_field = index + 1
        else:
            break
    return (1, None, "the front matter is not closed", f"add a line '---' after the last field (line {last_field})")


def _empty() -> LineDict:
    empty = LineDict()
    empty.line = 1
    empty.key_lines = {}
    return empty
