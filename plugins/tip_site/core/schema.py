"""Field-by-field schemas for data and front matter, and the reader that applies them.

A schema is data: the same definitions check content and generate the editors'
front-matter reference, so the guide can never drift from the code.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from tip_site.core.date_forms import DATE, DATETIME, date_fix, datetime_fix
from tip_site.core.link_schemes import malformed, refused_scheme
from tip_site.core.plain_text import markup_in_text
from tip_site.core.problems import Problems
from tip_site.core.suggest import did_you_mean
from tip_site.core.yaml_source import LineDict, LineList

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
_DOMAIN = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:uk|org|com|net|gov|nhs|ac|co|info|io|edu|scot|wales|eu)(?:[/?#].*)?$", re.I)
_SEPARATORS = re.compile(r"\s*(?:,|;|\band\b|&|\s-\s|/)\s*|\s+")

# Names editors reach for, and the field each one means (suggested only if the schema has that field).
SYNONYMS = {
    "date": ("published", "start"), "publish_date": ("published",), "published_on": ("published",),
    "publication_date": ("published",), "pub_date": ("published",), "description": ("summary",),
    "abstract": ("summary",), "excerpt": ("summary",), "intro": ("summary",), "link": ("url",), "website": ("url",),
    "web": ("url",), "href": ("url",), "address": ("location", "url"), "venue": ("location",), "place": ("location",),
    "where": ("location",), "time": ("start",), "starts": ("start",), "start_time": ("start",), "begins": ("start",),
    "ends": ("end",), "end_time": ("end",), "finish": ("end",), "finishes": ("end",), "type": ("kind",),
    "category": ("type",), "group": ("groups",), "priority": ("priorities",), "audience": ("audiences",),
    "author": ("organisation",), "organization": ("organisation",), "publisher": ("organisation",),
    "org": ("organisation",), "attachment": ("attachments",), "files": ("attachments",), "file": ("attachments",),
    "image": ("cover",), "cover_image": ("cover",), "picture": ("cover",), "reviewed": ("last_reviewed",),
    "last_review": ("last_reviewed",), "review_date": ("next_review",), "review": ("next_review",),
    "next_review_date": ("next_review",), "slug": ("id",), "name": ("title",), "heading": ("title",),
    "hidden": ("draft",), "unpublished": ("draft",), "term": ("quarter",), "q": ("quarter",),
}

# What each kind of value looks like, in words an editor understands.
KIND_WORDS = {
    "text": "text",
    "slug": "an id in lower case letters, digits and hyphens, like 'trauma-toolkit'",
    "date": "a date written YYYY-MM-DD, like 2025-03-14",
    "datetime": "a date and time written YYYY-MM-DD HH:MM, like 2025-03-14 10:00 (UK time, 24 hours)",
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
    noun: str | None = None  # what one value is called, for an object field: "attachment"


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
    values: dict[str, Any] = field(default_factory=dict)

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
        outer, self.values = self.values, values  # read so far: an event's end, given as a time, takes the start's date
        names = schema.names  # a tuple made afresh on each use: once per mapping, not once per key
        for key in data:
            if key not in names:
                self.error(
                    data.key_lines[key],
                    prefix + key,
                    f"unknown field '{key}' in {_a(schema.name)}",
                    _unknown_field_fix(key, schema, data),
                )
        for spec in schema.fields:
            name = prefix + spec.name
            if spec.name not in data or data[spec.name] is None or data[spec.name] == "":
                if spec.required:
                    where = data.key_lines.get(spec.name, data.line)
                    written = _written_as(spec.name, data, names) if spec.name not in data else None
                    self.error(
                        data.key_lines[written] if written else where,
                        name,
                        "this required field is missing" if spec.name not in data else "this required field is empty",
                        f"rename '{written}:' to '{spec.name}:'" if written else f"add '{spec.name}:' with {_kind_words(spec)}",
                    )
                values[spec.name] = () if spec.many else spec.default
                continue
            raw = data[spec.name]
            key_line = data.key_lines[spec.name]
            if spec.many:
                values[spec.name] = self._read_many(raw, spec, name, key_line)
            else:
                values[spec.name] = self._read_one(raw, spec, name, key_line)
        self.values = outer
        return values

    def _read_many(self, raw: Any, spec: Field, name: str, key_line: int) -> tuple:
        if isinstance(raw, str) and spec.kind in ("ref", "slug"):
            parts = [part.strip("-").strip() for part in _SEPARATORS.split(raw.strip()) if part.strip("-").strip()]
            if len(parts) > 1:
                self.error(key_line, name, f"'{raw}' is several values written as one",
                           f"write a list in square brackets: {spec.name}: [{', '.join(parts)}]")
                return ()
        if isinstance(raw, LineDict) and spec.kind != "object":
            self.error(key_line, name, f"expected a list, found {_describe(raw)}",
                       f"write the values in square brackets, like {spec.name}: {spec.example or '[a, b]'}")
            return ()
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
        return self.problems.has_error(self.path, name)

    def _read_one(self, raw: Any, spec: Field, name: str, line: int) -> Any:
        converter = _CONVERTERS[spec.kind]
        return converter(self, raw, spec, name, line)


def _a(noun: str) -> str:
    return f"an {noun}" if noun[:1].lower() in "aeiou" else f"a {noun}"


def _normalised(key: str) -> str:
    return re.sub(r"[\s-]+", "_", key.strip().lower())


def _unknown_field_fix(key: str, schema: "Schema", data: LineDict) -> str:
    """How to fix a field name the schema does not have: case, a word for another field, a misplaced sub-field."""
    names = schema.names
    normal = _normalised(key)
    if normal in names:
        return f"field names are written in lower case, with '_' between words: write '{normal}:'"
    for spec in schema.fields:
        if spec.kind == "object" and any(sub.name == normal for sub in spec.fields):
            return f"'{normal}' belongs under '{spec.name}:': indent it by two spaces on a line below '{spec.name}:'"
    meant = [name for name in SYNONYMS.get(normal, ()) if name in names]
    if meant:
        taken = meant[0] in data
        return f"write '{meant[0]}:'" + (" (this file has it already: remove this line)" if taken else "")
    return did_you_mean(key, names)


def _written_as(name: str, data: LineDict, names: tuple[str, ...]) -> str | None:
    """The key an editor wrote for field `name` under another spelling or word ('Title', 'date')."""
    for key in data:
        normal = _normalised(key)
        meant = [n for n in SYNONYMS.get(normal, ()) if n in names]
        if key != name and (normal == name or meant[:1] == [name]):
            return key
    return None


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
        reader.error(line, name, f"expected text, found {_describe(raw)}",
                     "write plain text on the same line; put it in double quotes if it starts with [ or { or is a word like true or false")
        return None
    text = str(raw).strip()
    if not text:
        reader.error(line, name, "this text is empty", "write the text or remove the field")
        return None
    if spec.choices and text not in spec.choices:
        if text.lower() in spec.choices:
            reader.error(line, name, f"'{text}' should be written in lower case", f"write '{text.lower()}'")
        else:
            reader.error(line, name, f"'{text}' is not allowed here", did_you_mean(text, spec.choices))
        return None
    return text


def _slug(reader: Reader, raw: Any, spec: Field, name: str, line: int) -> str | None:
    text = _text(reader, raw, spec, name, line)
    if text is not None and not SLUG.match(text):
        suggestion = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "my-resource"
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
        parts = [part.strip("-").strip() for part in _SEPARATORS.split(text) if part.strip("-").strip()]
        if len(parts) > 1 and not spec.many:
            fix = f"give one {noun} only: " + ", ".join(sorted(valid))
        elif len(parts) > 1 or text.startswith("-"):
            fix = "put each value on its own line, starting with '- ' and a space, or write them in square brackets: [" + ", ".join(parts) + "]"
        else:
            fix = did_you_mean(text, valid)
        reader.error(line, name, f"unknown {noun} '{text}'", fix)
        return None
    return text


def _date(reader: Reader, raw: Any, spec: Field, name: str, line: int) -> dt.date | None:
    if isinstance(raw, bool):
        reader.error(line, name, f"'{str(raw).lower()}' is not a date",
                     "write the date as YYYY-MM-DD; to keep the item off the live site, write 'draft: true' instead")
        return None
    if isinstance(raw, (LineDict, LineList)):
        reader.error(line, name, f"expected a date, found {_describe(raw)}", "write it as YYYY-MM-DD, like 2025-03-14")
        return None
    text = str(raw).strip()
    match = DATE.match(text)
    if not match:
        reader.error(line, name, f"'{text}' is not a date", date_fix(text))
        return None
    try:
        return dt.date(*map(int, match.groups()))
    except ValueError:
        reader.error(line, name, f"{text} is not a real date", date_fix(text))
        return None


def _datetime(reader: Reader, raw: Any, spec: Field, name: str, line: int) -> dt.datetime | None:
    if isinstance(raw, (bool, LineDict, LineList)):
        reader.error(line, name, f"expected a date and time, found {_describe(raw)}",
                     "write it as YYYY-MM-DD HH:MM, like 2025-03-14 10:00 (UK time)")
        return None
    text = str(raw).strip()
    match = DATETIME.match(text)
    start = reader.values.get("start") if spec.name == "end" else None
    if not match:
        if re.search(r"\d[:.]\d\d\s*(?:-|–|to)\s*\d{1,2}[:.]\d\d", text):
            fix = f"give only when it {'starts' if spec.name == 'start' else 'ends'} here, like {text.split()[0]} 10:00; the other time goes in '{'end' if spec.name == 'start' else 'start'}:'"
        else:
            fix = datetime_fix(text, start.date() if isinstance(start, dt.datetime) else None)
        reader.error(line, name, f"'{text}' is not a date and time", fix)
        return None
    year, month, day, hour, minute, second = match.groups()
    try:
        return dt.datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
    except ValueError:
        reader.error(line, name, f"{text} is not a real date and time", datetime_fix(text))
        return None


def _int(reader: Reader, raw: Any, spec: Field, name: str, line: int) -> int | None:
    if isinstance(raw, str) and raw.strip().isdigit() and raw.strip().isascii():
        raw = int(raw.strip())  # "2025" in quotes, or 01 with a leading zero
    if isinstance(raw, bool) or not isinstance(raw, int):
        fix = f"write a number{_range_words(spec)}"
        quarter = re.fullmatch(r"q([1-4])", str(raw).strip().lower()) if spec.name == "quarter" else None
        if quarter:
            fix = f"write just the number: {spec.name}: {quarter[1]}"
        reader.error(line, name, f"expected a whole number, found {_describe(raw)}", fix)
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
        word = str(raw).strip().lower()
        if word in ("true", "false"):
            fix = f"write {word} without quotes"
        elif word in ("yes", "y", "on", "1"):
            fix = "write true"
        elif word in ("no", "n", "off", "0"):
            fix = "write false"
        else:
            fix = "write true or false"
        reader.error(line, name, f"expected true or false, found {_describe(raw)}", fix)
        return None
    return raw


def _readable_url(text: str) -> bool:
    """A web address Python's own parser reads, with a host name and a sensible port."""
    try:
        parts = urlsplit(text)
        return bool(parts.hostname) and re.fullmatch(r"[\w.-]+", parts.hostname) is not None and (parts.port or 0) >= 0
    except ValueError:
        return False


def _url(reader: Reader, raw: Any, spec: Field, name: str, line: int) -> str | None:
    text = _words(reader, raw, spec, name, line)
    if text is not None and refused_scheme(text):
        reader.error(line, name, f"'{text}' uses '{refused_scheme(text)}:', which the site does not allow", "write the full web address, starting with https://")
        return None
    if text is not None and (not URL.match(text) or malformed(text) or not text.isprintable() or not _readable_url(text)):
        reader.error(line, name, f"'{text}' is not a web address", url_fix(text))
        return None
    return text


def url_fix(text: str) -> str:
    """How to turn what an editor wrote into a full web address."""
    bare = text.strip().strip("<>").strip()
    if re.match(r"^https?//", bare, re.I):
        return f"add the colon: {bare.replace('//', '://', 1)}"
    if re.match(r"^https?:/[^/]", bare, re.I):
        return f"write two slashes: {bare.replace(':/', '://', 1)}"
    if re.match(r"^[^@\s/]+@[^@\s/]+\.[a-z]+$", bare, re.I):
        return "this is an email address: give it in the text below the front matter, like [write to us](mailto:" + bare + ")"
    if " " in bare and URL.match(bare.replace(" ", "%20")):
        return "a web address has no spaces: copy it again from the browser's address bar"
    if bare != text.strip() and URL.match(bare):
        return f"write the address without < >: {bare}"
    if _DOMAIN.match(bare):
        return f"write the full address, starting with https://: https://{bare}"
    return "write the full address, starting with https://, as the browser's address bar shows it"


def _object(reader: Reader, raw: Any, spec: Field, name: str, line: int) -> dict | None:
    sub = Schema(spec.noun or spec.name, spec.fields)
    if not isinstance(raw, LineDict):
        fields = " and ".join(f"'{f.name}:'" for f in spec.fields if f.required)
        first = spec.fields[0].name if spec.fields else "field"
        shown = f"'{raw}'" if isinstance(raw, (str, int)) else _describe(raw)
        if spec.many:
            fix = f"write each {spec.noun or spec.name} as '- {first}: …' with its other fields on the lines below, lined up with '{first}:'"
        else:
            fix = f"write {fields} on their own lines below '{spec.name}:', indented by two spaces"
        reader.error(getattr(raw, "line", line), name, f"expected the fields of {_a(spec.noun or spec.name)}, found {shown}", fix)
        return None
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
