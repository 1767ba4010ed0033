"""Reading a Markdown file: bytes to text, then front matter and body apart."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tip_site.core.problems import Problems
from tip_site.core.yaml_source import LineDict, YamlSyntaxError, parse_yaml


@dataclass(frozen=True)
class MarkdownSource:
    path: str  # relative to the project root, for messages
    front_matter: LineDict
    body: str
    body_line: int  # the file line the body starts on


def read_text(file: Path, shown_path: str, problems: Problems) -> str | None:
    """Decode a file as UTF-8, reporting the line of the first bad byte."""
    data = file.read_bytes()
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
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def read_markdown(file: Path, shown_path: str, problems: Problems, require_front_matter: bool = True) -> MarkdownSource | None:
    """Split a Markdown file into its front matter and body; None if unreadable."""
    text = read_text(file, shown_path, problems)
    if text is None:
        return None
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        if require_front_matter:
            problems.add(shown_path, 1, None, "the file does not start with front matter", "put a line '---', the fields, and another '---' at the top")
            return None
        return MarkdownSource(shown_path, _empty(), text, 1)
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
    except StopIteration:
        problems.add(shown_path, 1, None, "the front matter is not closed", "add a line '---' after the last field")
        return None
    yaml_text = "\n".join(lines[1:end])
    try:
        data = parse_yaml(yaml_text)
    except YamlSyntaxError as error:
        problems.add(shown_path, None if error.line is None else error.line + 1, None, error.message)
        return None
    if data is None:
        data = _empty()
    if not isinstance(data, LineDict):
        problems.add(shown_path, 2, None, "the front matter must be 'field: value' lines", "write one 'field: value' per line between the '---' lines")
        return None
    return MarkdownSource(shown_path, data, "\n".join(lines[end + 1 :]), end + 2)


def _empty() -> LineDict:
    empty = LineDict()
    empty.line = 1
    empty.key_lines = {}
    return empty
