"""Field-by-field schemas for data and front matter, and the reader that applies them.

A schema is data: the same definitions check content and generate the editors'
front-matter reference, so the guide can never drift from the code.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from tip_site.core.link_schemes import malformed, refused_scheme
from tip_site.core.plain_text import markup_in_text
from tip_site.core.problems import Problems
from tip_site.core.suggest import did_you_mean
from tip_site.core.yaml_source import LineDict, LineList

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
DATETIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$")
URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)

# What each kind of value looks like, in words an editor understands.
KIND_WORDS = {
    "text": "text",
    "slug": "an id in lower case letters, digits and hyphens, like 'trauma-toolkit'",
    "date": "a date written YYYY-MM-DD, like 2025-03-14",
    "datetime": "a date and time written YYYY-MM-DD HH:MM, like 2025-03-14 10:00",
    "int": "a whole number",
    "bool": "true or false",
    "url": "a full web address starting with https://",
    "ref": "an id from the site's data",
    "object": "a group of fields",
    "per_group": "one list of text per group id",
}


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # a key of KIND_WORDS
    doc: str
    required: bool = True
    many: bool = False  # a list of values of `kind`
    ref: str | None = None  # vocabulary name, for kind "ref"
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()
    fields: tuple["Field", ...] = ()  # for kind "object"
    example: str | None = None
    default: Any = None


@dataclass(frozen=True)
class Schema:
    name: str  # what an editor calls this kind of file: "newsletter issue", "resource"
    fields: tuple[Field, ...]
    doc: str = ""

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


@dataclass
class Reader:
    """Reads mappings against schemas, adding every problem to `problems`.

    `line_offset` turns a line within a YAML block into a line of the file
    (front matter starts on the file's second line). `vocabularies` maps a
    vocabulary name to its valid ids, for "ref" fields.
    """

    path: str
    problems: Problems
    vocabularies: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    line_offset: int = 0

    def line(self, yaml_line: int | None) -> int | None:
        return None if yaml_line is None else yaml_line + self.line_offset

    def error(self, line: int | None, name: str | None, message: str, fix: str | None = None) -> None:
        self.problems.add(self.path, self.line(line), name, message, fix)

    def read(self, data: Any, schema: Schema, prefix: str = "", line: int | None = 1) -> dict[str, Any] | None:
        """Return the checked values by field name, or None if `data` is not a mapping."""
        if not isinstance(data, LineDict):
            self.error(
                getattr(data, "line", line),
                prefix.rstrip(".") or None,
                f"expected the fields of a {schema.name}, found {_describe(data)}",
                "write one 'field: value' per line",
            )
            return None
        values: dict[str, Any] = {}
        names = schema.names  # a tuple made afresh on each use: once per mapping, not once per key
        for key in data:
            if key not in names:
                self.error(
                    data.key_lines[key],
                    prefix + key,
                    f"unknown field '{key}' in a {schema.name}",
                    did_you_mean(key, names),
                )
        for spec in schema.fields:
            name = prefix + spec.name
            if spec.name not in data or data[spec.name] is None or data[spec.name] == "":
                if spec.required:
                    where = data.key_lines.get(spec.name, data.line)
                    self.error(
                        where,
                        name,
                        "this required field is missing" if spec.name not in data else "this required field is empty",
                        f"add '{spec.name}:' with {_kind_words(spec)}",
                    )
                values[spec.name] = () if spec.many else spec.default
                continue
            raw = data[spec.name]
            key_line = data.key_lines[spec.name]
            if spec.many:
                values[spec.name] = self._read_many(raw, spec, name, key_line)
            else:
                values[spec.name] = self._read_one(raw, spec, name, key_line)
        return values

    def _read_many(self, raw: Any, spec: Field, name: str, key_line: int) -> tuple:
        if not isinstance(raw, LineList):
            raw_list = LineList([raw])
            raw_list.item_lines = [key_line]
        else:
            raw_list = raw
        items = []
        seen: set = set()
        for index, (item, item_line) in enumerate(zip(raw_list, raw_list.item_lines)):
            value = self._read_one(item, spec, f"{name}[{index}]", item_line)
            if value is None:
                continue
            if isinstance(value, str) and value in seen:
                self.error(item_line, f"{name}[{index}]", f"'{value}' is listed twice", "remove the repeat")
                continue
            if isinstance(value, str):
                seen.add(value)
            items.append(value)
        if spec.required and not items and not self._has_error_for(name):
            self.error(key_line, name, "this list is empty", f"add at least one: {_kind_words(spec)}")
        return tuple(items)

    def _has_error_for(self, name: str) -> bool:
        return any(p.path == self.path and (p.field or "").startswith(name) for p in self.problems.errors)

    def _read_one(self, raw: Any, spec: Field, name: str, line: int) -> Any:
        converter = _CONVERTERS[spec.kind]
        return converter(self, raw, spec, name, line)


def _describe(value: Any) -> str:
    if isinstance(value, LineList):
        return "a list"
    if isinstance(value, LineDict):
        return "a group of fields"
    if value is None:
        return "nothing"
    return f"'{value}'"


def _kind_words(spec: Field) -> str:
    if spec.kind == "ref" and spec.ref:
        return f"an id from the {spec.ref.replace('_', ' ')} list"
    if spec.choices:
        return "one of: " + ", ".join(spec.choices)
    words = KIND_WORDS[spec.kind]
    return f"a list of {words}" if spec.many else words


def _text(reader: Reader, raw: Any, spec: Field, name: str, line: int) -> str | None:
    text = _words(reader, raw, spec, name, line)
    markup = markup_in_text(text) if text is not None else None
    if markup is not None:
        reader.error(line, name, *markup)
        return None
    return text


def _words(reader: Reader, raw: Any, spec: Field, name: str, line: int) -> str | None:
    """The value as text, without deciding what it may hold (plain text, an address)."""
    if isinstance(raw, bool) or isinstance(raw, (LineDict, LineList)):
        reader.error(line, name, f"expected text, found {_describe(raw)}", "write plain text; put it in double quotes if it is a word like true or false")
        return None
    text = str(raw).strip()
    if not text:
        reader.error(line, name, "this text is empty", "write the text or remove the field")
        return None
    if spec.choices and text not in spec.choices:
        reader.error(line, name, f"'{text}' is not allowed here", did_you_mean(text, spec.choices))
        return None
    return text


def _slug(reader: Reader, raw: Any, spec: Field, name: str, line: int) -> str | None:
    text = _text(reader, raw, spec, name, line)
    if text is not None and not SLUG.match(text):
        suggestion = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
        reader.error(line, name, f"'{text}' is not a valid id", f"use lower case letters, digits and hyphens, like '{suggestion}'")
        return None
    return text


def _ref(reader: Reader, raw: Any, spec: Field, name: str, line: int) -> str | None:
    text = _text(reader, raw, spec, name, line)
    if text is None:
        return None
    valid = reader.vocabularies.get(spec.ref or "", ())
    if text not in valid:
        if text.lower() in valid:
            reader.error(line, name, f"'{text}' should be written in lower case", f"write '{text.lower()}'")
            return None
        noun = (spec.ref or "").replace("_", " ")
        reader.error(line, name, f"unknown {noun} '{text}'", did_you_mean(text, valid))
        return None
    return text


def _date(reader: Reader, raw: Any, spec: Field, name: str, line: int) -> dt.date | None:
    text = str(raw).strip()
    match = DATE.match(text)
    if not match or isinstance(raw, (bool, LineDict, LineList)):
        reader.error(line, name, f"'{text}' is not a date", "write it as YYYY-MM-DD, like 2025-03-14")
        return None
    try:
        return dt.date(*map(int, match.groups()))
    except ValueError:
        reader.error(line, name, f"{text} is not a real date", "check the month (01–12) and the day of the month")
        return None


def _datetime(reader: Reader, raw: Any, spec: Field, name: str, line: int) -> dt.datetime | None:
    text = str(raw).strip()
    match = DATETIME.match(text)
    if not match or isinstance(raw, (bool, LineDict, LineList)):
        reader.error(line, name, f"'{text}' is not a date and time", "write it as YYYY-MM-DD HH:MM, like 2025-03-14 10:00 (UK time)")
        return None
    try:
        return dt.datetime(*map(int, match.groups()))
    except ValueError:
        reader.error(line, name, f"{text} is not a real date and time", "check the month, the day and the 24-hour time")
        return None


def _int(reader: Reader, raw: Any, spec: Field, name: str, line: int) -> int | None:
    if isinstance(raw, bool) or not isinstance(raw, int):
        reader.error(line, name, f"expected a whole number, found {_describe(raw)}", f"write a number{_range_words(spec)}")
        return None
    if (spec.minimum is not None and raw < spec.minimum) or (spec.maximum is not None and raw > spec.maximum):
        reader.error(line, name, f"{raw} is out of range", f"write a number{_range_words(spec)}")
        return None
    return raw


def _range_words(spec: Field) -> str:
    if spec.minimum is not None and spec.maximum is not None:
        return f" from {spec.minimum} to {spec.maximum}"
    return ""


def _bool(reader: Reader, raw: Any, spec: Field, name: str, line: int) -> bool | None:
    if not isinstance(raw, bool):
        reader.error(line, name, f"expected true or false, found {_describe(raw)}", "write true or false")
        return None
    return raw


def _url(reader: Reader, raw: Any, spec: Field, name: str, line: int) -> str | None:
    text = _words(reader, raw, spec, name, line)
    if text is not None and refused_scheme(text):
        reader.error(line, name, f"'{text}' uses '{refused_scheme(text)}:', which the site does not allow", "write the full web address, starting with https://")
        return None
    if text is not None and (not URL.match(text) or malformed(text) or not text.isprintable()):
        reader.error(line, name, f"'{text}' is not a web address", "write the full address, starting with https://")
        return None
    return text


def _object(reader: Reader, raw: Any, spec: Field, name: str, line: int) -> dict | None:
    sub = Schema(spec.name, spec.fields)
    return reader.read(raw, sub, prefix=f"{name}.", line=line)


def _per_group(reader: Reader, raw: Any, spec: Field, name: str, line: int) -> dict | None:
    """A mapping from group id to a list of text (a priority's activities per group)."""
    if not isinstance(raw, LineDict):
        reader.error(line, name, f"expected one list per group, found {_describe(raw)}", "write each group id followed by a list of activities")
        return None
    groups = reader.vocabularies.get("group", ())
    result: dict[str, tuple[str, ...]] = {}
    for key, value in raw.items():
        key_line = raw.key_lines[key]
        if key not in groups:
            reader.error(key_line, f"{name}.{key}", f"unknown group '{key}'", did_you_mean(key, groups))
            continue
        item_spec = Field(key, "text", "", many=True, required=False)
        result[key] = reader._read_many(value, item_spec, f"{name}.{key}", key_line) if value else ()
    return result


_CONVERTERS: dict[str, Callable[..., Any]] = {
    "text": _text,
    "slug": _slug,
    "ref": _ref,
    "date": _date,
    "datetime": _datetime,
    "int": _int,
    "bool": _bool,
    "url": _url,
    "object": _object,
    "per_group": _per_group,
}
