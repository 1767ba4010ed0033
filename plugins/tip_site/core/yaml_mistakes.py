"""YAML mistakes explained in plain English: the line where the mistake is, its field, and a fix.

PyYAML reports where it gave up, in parser terms ("expected <block end>, but
found '?'"), often a line after the mistake. Editors need the line they got
wrong and what to type instead. So the lines are read here as an editor wrote
them, looking for the slips people make (no space after a colon, a colon or
'#' inside a value, a tab, a quote left open, a field out of line with its
neighbours), and PyYAML's error only says roughly where to look. Its own words
never reach the editor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml


@dataclass(frozen=True)
class YamlMistake:
    line: int | None  # 1-based, in the YAML text
    field: str | None
    message: str
    fix: str


@dataclass(frozen=True)
class _Line:
    number: int  # 1-based
    text: str
    indent: int  # leading spaces
    dash: bool  # a list item ("- …")
    key: str | None  # "title" in "title: …" or "- title: …"
    value: str  # what follows "key:" (or the item), stripped
    content_indent: int  # where the key (or the item's text) starts

    @property
    def blank(self) -> bool:
        stripped = self.text.strip()
        return not stripped or stripped.startswith("#")


_KEY = re.compile(r"^(?P<key>[^\s:#\"'\[\]{}&*!|>%@`,-][^:#]*?|[\"'][^\"']+[\"'])\s*:(?:\s+(?P<value>.*)|$)")
_NO_SPACE_KEY = re.compile(r"^(?P<key>[A-Za-z_][A-Za-z0-9_ -]*?):(?!//)(?P<value>[^\s:].*)$")
_WORD_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_INDICATORS = "@`%*&!|>"
_ODD_SPACES = "\u00a0\u2007\u202f\u2002\u2003\u2009\u200b\ufeff\u3000"
_CURLY = "\u201c\u201d\u2018\u2019"


def _parse_line(number: int, text: str) -> _Line:
    stripped = text.lstrip(" \t" + _ODD_SPACES)  # a tab or a non-breaking space still indents, as the editor sees it
    indent = len(text) - len(stripped)
    dash = stripped == "-" or stripped.startswith("- ")
    rest = stripped[1:].lstrip(" ") if dash else stripped
    content_indent = len(text) - len(rest) if dash else indent
    match = _KEY.match(rest)
    if match:
        key = match["key"].strip().strip("\"'")
        return _Line(number, text, indent, dash, key, (match["value"] or "").strip(), content_indent)
    return _Line(number, text, indent, dash, None, rest.strip(), content_indent)


def _lines(text: str) -> list[_Line]:
    return [_parse_line(number, line) for number, line in enumerate(text.split("\n"), start=1)]


def _block_scalar_lines(lines: list[_Line]) -> set[int]:
    """Lines inside `key: |` or `key: >` text blocks, which hold text, not fields."""
    inside: set[int] = set()
    owner_indent: int | None = None
    for line in lines:
        if owner_indent is not None:
            if line.text.strip() == "" or line.indent > owner_indent:
                inside.add(line.number)
                continue
            owner_indent = None
        if line.key is not None and re.match(r"^[|>][-+0-9]*\s*(#.*)?$", line.value):
            owner_indent = line.content_indent
    return inside


def field_at(lines: list[_Line], number: int) -> str | None:
    """The field a line belongs to, like 'cover.alt', 'groups' or '[1].name' (entries of a list file)."""
    if not 1 <= number <= len(lines):
        return None
    line = lines[number - 1]
    parts: list[str] = []
    limit = line.content_indent
    if line.key is not None:
        parts.append(line.key)
    if line.dash:
        limit = line.indent
        parts.insert(0, f"[{_item_index(lines, line)}]")
    for above in reversed(lines[: number - 1]):
        if above.blank:
            continue
        if above.dash and above.indent < limit:
            parts.insert(0, f"[{_item_index(lines, above)}]")  # its own key ('- id: …') is a sibling, not a parent
            limit = above.indent
        elif above.key is not None and not above.value and above.content_indent < limit:
            parts.insert(0, above.key)  # a field with no value on its line holds the lines below it
            limit = above.content_indent
        if limit == 0:
            break
    # A list item of a field is reported as the field ("groups"), not by its position.
    while parts and parts[-1].startswith("[") and len(parts) > 1:
        parts.pop()
    path = ""
    for part in parts:
        path += part if part.startswith("[") or not path else f".{part}"
    return path or None


def _item_index(lines: list[_Line], item: _Line) -> int:
    index = 0
    for above in reversed(lines[: item.number - 1]):
        if above.blank:
            continue
        if above.indent < item.indent or (above.indent == item.indent and not above.dash):
            break
        if above.dash and above.indent == item.indent:
            index += 1
    return index


def _quoted(value: str) -> str:
    """The value as it would be written in double quotes."""
    inner = value.strip()
    if len(inner) >= 2 and inner[0] == inner[-1] and inner[0] in "\"'" + "\u201c\u201d":
        inner = inner[1:-1]
    inner = inner.strip(_CURLY) if inner[:1] in _CURLY else inner
    return '"' + inner.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _written(line: _Line, value: str) -> str:
    """The line rewritten with `value`, as an example in a fix."""
    lead = line.text[: line.content_indent]
    return f"{lead.strip()} {line.key}: {value}".strip() if lead.strip() else f"{line.key}: {value}"


# --- Slips read from the lines themselves ---------------------------------------------------------


def _odd_character(lines: list[_Line], skip: set[int]) -> YamlMistake | None:
    for line in lines:
        if line.number in skip:
            continue
        bad = next((ch for ch in line.text if ord(ch) < 32 and ch not in "\t\n"), None)
        if bad is not None:
            return YamlMistake(line.number, field_at(lines, line.number),
                               f"this line has an invisible control character (code {ord(bad)})",
                               "delete the line and type it again")
    return None


def _line_slip(lines: list[_Line], line: _Line) -> YamlMistake | None:
    """A slip visible on one line alone, whatever the parser made of it."""
    text = line.text
    field = field_at(lines, line.number)
    leading = text[: len(text) - len(text.lstrip(" \t" + _ODD_SPACES))]
    if "\t" in leading:
        return YamlMistake(line.number, field, "this line is indented with a tab",
                           "delete the tab and use spaces instead (two spaces for each level)")
    if any(ch in _ODD_SPACES for ch in leading):
        return YamlMistake(line.number, field,
                           "this line starts with a special space (a non-breaking space, often copied from a document or a web page)",
                           "delete the spaces at the start of the line and type them again with the space bar")
    stripped = text.strip()
    if stripped.startswith("#") or not stripped:
        return None
    rest = stripped[2:].lstrip() if line.dash else stripped
    no_space = _NO_SPACE_KEY.match(rest)
    if line.key is None and no_space and not rest.lower().startswith(("http:", "https:", "mailto:", "tel:")):
        key, value = no_space["key"].strip(), no_space["value"]
        return YamlMistake(line.number, key, f"there is no space after the colon of '{key}:'",
                           f"add a space after the colon: {key}: {value}")
    if line.key is not None:
        return _value_slip(lines, line, field)
    return None


def _value_slip(lines: list[_Line], line: _Line, field: str | None) -> YamlMistake | None:
    value = line.value
    if not value or value.startswith("#"):
        return None
    first = value[0]
    if first in "\"'":
        return _quote_slip(lines, line, field)
    if first in _CURLY and (":" in value or "#" in value):
        return YamlMistake(line.number, field, "the value is in curly quotes (“ ”), which the site does not read as quotes",
                           f"use straight double quotes: {_written(line, _quoted(value))}")
    if first in "[{":
        closing = "]" if first == "[" else "}"
        end = value.find(closing)
        if end != -1 and value[end + 1:].strip() and not value[end + 1:].strip().startswith("#"):
            what = "a list" if first == "[" else "a group of fields"
            return YamlMistake(line.number, field, f"a value that starts with '{first}' is read as {what}, but more text follows it",
                               f"to write text, put it all in double quotes: {_written(line, _quoted(value))}")
        return None
    if first in _INDICATORS and not re.match(r"^[|>][-+0-9]*\s*(#.*)?$", value):
        if first in "|>":
            return YamlMistake(line.number, field, f"text cannot follow '{first}' on the same line",
                               f"put the text in double quotes ({_written(line, _quoted(value[1:].strip()))}), "
                               "or move it to the next line, indented by two spaces")
        return YamlMistake(line.number, field, f"a value cannot start with '{first}' here",
                           f"put the whole value in double quotes: {_written(line, _quoted(value))}")
    if value.startswith("- ") or value == "-":
        return YamlMistake(line.number, field, "a list cannot start on the same line as its field",
                           f"write {line.key}: [{value[1:].strip()}], or put each item on its own line below, starting with '- '")
    comment = re.search(r"\s#", value)
    head = value[: comment.start()] if comment else value
    colon = re.search(r":(\s|$)", head)
    if colon:
        return YamlMistake(line.number, field, "the value has a colon (:) in it, which starts a new field",
                           f"put the value in double quotes: {_written(line, _quoted(value))}")
    return None


def _quote_slip(lines: list[_Line], line: _Line, field: str | None) -> YamlMistake | None:
    value = line.value
    quote = value[0]
    if quote == '"':
        end = _closing_double_quote(value)
        if end is None:
            return YamlMistake(line.number, field, 'the double quote (") that opens this value is not closed',
                               'add a " at the end of the value')
    else:
        end = _closing_single_quote(value)
        if end is None:
            return YamlMistake(line.number, field, "the single quote (') that opens this value is not closed",
                               f"put the value in double quotes instead: {_written(line, _quoted(value))}")
    after = value[end + 1:].strip()
    if after and not after.startswith("#"):
        if quote == "'" and re.match(r"^\w", after):
            return YamlMistake(line.number, field,
                               "the apostrophe inside the value ends its single quotes early",
                               f"put the value in double quotes instead: {_written(line, _quoted(value))}")
        return YamlMistake(line.number, field, "more text follows the closing quote of the value",
                           f"put the whole value inside one pair of quotes: {_written(line, _quoted(value.replace(quote, '')))}")
    return None


def _closing_double_quote(value: str) -> int | None:
    index = 1
    while index < len(value):
        if value[index] == "\\":
            index += 2
            continue
        if value[index] == '"':
            return index
        index += 1
    return None


def _closing_single_quote(value: str) -> int | None:
    index = 1
    while index < len(value):
        if value[index] == "'":
            if value[index + 1: index + 2] == "'":
                index += 2
                continue
            return index
        index += 1
    return None


# --- Slips read from where the parser stopped ------------------------------------------------------


def _structure_slip(lines: list[_Line], number: int, problem: str, context_line: int | None) -> YamlMistake | None:
    """Indentation and missing colons, read around the line where the parser stopped."""
    if not 1 <= number <= len(lines):
        number = len(lines)
    line = lines[number - 1]
    previous = _previous(lines, number)
    if "could not find expected ':'" in problem and context_line:
        return _missing_colon(lines, lines[context_line - 1])
    if "found another document" in problem:
        return YamlMistake(number, None, "a line '---' is in the middle of the fields",
                           "remove it: '---' only marks the start and the end of the front matter")
    if "<document start>" in problem:
        first = next((l for l in lines if not l.blank), line)
        if first.indent > 0:
            return YamlMistake(first.number, field_at(lines, first.number), "the first field is indented",
                               f"start '{first.key or first.value}' at the beginning of the line, like the fields below it")
        return YamlMistake(number, field_at(lines, number), f"'{line.key or line.value}' is not lined up with the fields above it",
                           "start it at the beginning of the line, like the other fields")
    if line.blank:
        return None
    if line.dash and previous is not None:
        sibling = _previous_sibling_item(lines, line)
        if sibling is not None and sibling.indent != line.indent:
            return YamlMistake(number, field_at(lines, number), "this list item is not lined up with the one above it",
                               f"start its '-' under the '-' above ({sibling.indent} spaces from the start of the line)")
    if line.key is not None and previous is not None:
        if previous.key is not None and previous.value and line.content_indent > previous.content_indent:
            return YamlMistake(number, field_at(lines, number),
                               f"'{line.key}:' is indented, so it reads as part of '{previous.key}' above, which already has a value",
                               f"start '{line.key}:' at the same place as '{previous.key}:'" + (
                                   " (the beginning of the line)" if previous.content_indent == 0 else ""))
        sibling = _sibling_above(lines, line)
        if sibling is not None and sibling.content_indent != line.content_indent:
            return YamlMistake(number, field_at(lines, number), f"'{line.key}:' is not lined up with '{sibling.key}:' above it",
                               f"indent '{line.key}:' by the same number of spaces as '{sibling.key}:' ({sibling.content_indent})")
    if line.key is None and not line.dash and previous is not None:
        return _missing_colon(lines, line)
    return None


def _missing_colon(lines: list[_Line], line: _Line) -> YamlMistake:
    previous = _previous(lines, line.number)
    text = line.text.strip()
    if "=" in text and re.match(r"^[A-Za-z_][\w ]*=", text):
        key, _, value = text.partition("=")
        return YamlMistake(line.number, key.strip(), "a field is written with '=' instead of a colon",
                           f"write it with a colon and a space: {key.strip()}: {value.strip()}")
    if re.match(r"^-\S", text):
        return YamlMistake(line.number, field_at(lines, line.number), "a list item has no space after its '-'",
                           f"write '- {text[1:]}'")
    if previous is not None and previous.key is not None and previous.value and line.indent <= previous.content_indent:
        return YamlMistake(line.number, previous.key if previous.content_indent == 0 else field_at(lines, previous.number),
                           f"this line has no field name, so it cannot continue the text of '{previous.key}' above",
                           f"put the text on the line of '{previous.key}:', or write '{previous.key}: >' and indent the "
                           "lines of text below it by two spaces")
    return YamlMistake(line.number, field_at(lines, line.number), "this line has no field name before a colon",
                       "write it as 'field: value', or remove it; text of the page goes below the second '---' line")


def _previous(lines: list[_Line], number: int) -> _Line | None:
    return next((l for l in reversed(lines[: number - 1]) if not l.blank), None)


def _sibling_above(lines: list[_Line], line: _Line) -> _Line | None:
    """The nearest key above at about the same level: what this key should line up with."""
    for above in reversed(lines[: line.number - 1]):
        if above.blank:
            continue
        if above.key is not None and not above.value and above.content_indent < line.content_indent and not _children_between(lines, above, line):
            return None  # this line is the first child of `above`
        if above.key is not None and above.value and above.content_indent != line.content_indent:
            parent = _parent_of(lines, above)
            if parent is not None and parent.content_indent < line.content_indent:
                return above
        if above.key is not None and above.content_indent == line.content_indent:
            return None
        if above.content_indent < line.content_indent and above.key is not None and not above.value:
            return None
    return None


def _children_between(lines: list[_Line], parent: _Line, line: _Line) -> bool:
    return any(not l.blank for l in lines[parent.number: line.number - 1])


def _parent_of(lines: list[_Line], line: _Line) -> _Line | None:
    for above in reversed(lines[: line.number - 1]):
        if not above.blank and above.key is not None and not above.value and above.content_indent < line.content_indent:
            return above
    return None


def _previous_sibling_item(lines: list[_Line], line: _Line) -> _Line | None:
    for above in reversed(lines[: line.number - 1]):
        if above.blank:
            continue
        if above.dash:
            return above
        if above.key is not None and not above.dash and above.indent < line.indent:
            return None
        if above.key is not None and not above.value:
            return None
    return None


# --- Entry points -------------------------------------------------------------------------------------


def explain(text: str, error: yaml.YAMLError) -> YamlMistake:
    """Where the editor's mistake is and how to fix it, for YAML the parser refused."""
    lines = _lines(text)
    skip = _block_scalar_lines(lines)
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    problem = str(getattr(error, "problem", "") or getattr(error, "context", "") or error)
    if isinstance(error, yaml.reader.ReaderError):
        odd = _odd_character(lines, skip)
        if odd:
            return odd
        line = text.count("\n", 0, error.position) + 1 if error.position is not None else None
        return YamlMistake(line, None, "this line has a character the site cannot read",
                           "delete the line and type it again")
    number = mark.line + 1 if mark is not None else len(lines)
    context = getattr(error, "context_mark", None)
    context_line = context.line + 1 if context is not None else None
    if "appears twice" in problem:
        key = re.search(r"'(.*)'", problem)
        name = key[1] if key else None
        first = next((l.number for l in lines if l.key == name and l.number < number and l.content_indent == lines[number - 1].content_indent), None)
        where = f" (first on line {first})" if first else ""
        return YamlMistake(number, field_at(lines, number), f"the key '{name}' appears twice{where}",
                           f"keep only one '{name}:' line")
    if "a key must be" in problem:
        return YamlMistake(number, field_at(lines, number), "this line does not start with a field name",
                           "write it as 'field: value', with the field name in lower-case letters")
    if "flow" in str(getattr(error, "context", "") or "") and context_line:
        opening = lines[context_line - 1]
        return YamlMistake(context_line, field_at(lines, context_line), "a list in [ ] or { } is not closed",
                           "add the closing bracket at the end of the line, or put each item on its own line starting with '- '")
    if "scanning a quoted scalar" in str(getattr(error, "context", "") or "") and context_line:
        slip = _line_slip(lines, lines[context_line - 1])
        if slip:
            return slip
    # The first slip on a line up to where the parser stopped is, almost always, the mistake.
    odd = _odd_character(lines, skip)
    if odd:
        return odd
    for line in lines[: max(number, context_line or 0)]:
        if line.number in skip:
            continue
        slip = _line_slip(lines, line)
        if slip:
            return slip
    structure = _structure_slip(lines, number, problem, context_line)
    if structure:
        return structure
    return YamlMistake(number, field_at(lines, number), "this line cannot be read as 'field: value'",
                       "compare it with the lines around it: each is 'field: value', lined up with its neighbours; put a "
                       "value that has : # [ ] { } or quotes in it in double quotes")


def after_parsing(text: str) -> list[YamlMistake]:
    """Slips YAML accepts but that lose what the editor wrote: '#' starting a comment inside a value."""
    mistakes = []
    lines = _lines(text)
    skip = _block_scalar_lines(lines)
    for line in lines:
        if line.number in skip or line.key is None or not line.value or line.value[0] in "\"'[{|>#":
            continue
        comment = re.search(r"\s#(\S)", line.value)
        if comment:
            kept = line.value[: comment.start()].strip()
            mistakes.append(YamlMistake(
                line.number, field_at(lines, line.number),
                f"the '#' starts a comment, so the site reads only '{kept}'" if kept else "the value starts a comment with '#', so it is empty",
                f"put the whole value in double quotes: {_written(line, _quoted(line.value))}",
            ))
    return mistakes


def first_slip(text: str) -> YamlMistake | None:
    """The first slip on any line (for YAML that parsed, but not into 'field: value' lines)."""
    lines = _lines(text)
    skip = _block_scalar_lines(lines)
    for line in lines:
        if line.number not in skip:
            slip = _line_slip(lines, line)
            if slip is not None:
                return slip
            if line.key is None and not line.dash and not line.blank:
                return _missing_colon(lines, line)
    return None
