"""Loading newsletters, resources, events and page front matter from Markdown files."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable, Iterable, TypeVar

from tip_site.core.attendance import attendance_of
from tip_site.core.image_size import image_size
from tip_site.core.model import Attachment, Event, Image, Newsletter, Page, Resource, Source
from tip_site.core.newsletter_checks import (
    ISSUE_FOLDER, ImageFolders, ImageUse, body_images, check_image, check_one_per_quarter, check_quarter_gaps,
)
from tip_site.core.problems import Problems
from tip_site.core.markup_check import check_markup
from tip_site.core.schema import Reader, Schema
from tip_site.core.schemas import EVENT, NEWSLETTER, PAGE, RESOURCE
from tip_site.core.source_file import MarkdownSource, read_markdown

T = TypeVar("T")

ATTACHMENTS_DIR = "files"  # content/resources/files/
# library/<id>/ is a resource's address: these would collide with the library's own pages.
RESERVED_RESOURCE_IDS = ("index", ATTACHMENTS_DIR, "cards")
# A web address or a meeting platform's join link written into an event's public text.
MEETING_LINK = re.compile(r"https?://|www\.|\b(?:teams\.microsoft\.com|teams\.live\.com|zoom\.us|meet\.google\.com)\b", re.IGNORECASE)


def markdown_files(folder: Path) -> list[Path]:
    """The Markdown files of a folder and its subfolders, in a stable order."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*.md") if p.is_file() and p.name.lower() != "readme.md")


def _load_all(
    folder: Path, root: Path, schema: Schema, vocabularies: dict, problems: Problems,
    build: Callable[[dict, MarkdownSource, Reader], T | None],
) -> list[T]:
    items: list[T] = []
    for file in markdown_files(folder):
        shown = file.relative_to(root).as_posix()
        source = read_markdown(file, shown, problems)
        if source is None:
            continue
        check_markup(source.body, shown, source.body_line, problems)
        reader = Reader(shown, problems, vocabularies, line_offset=1)
        values = reader.read(source.front_matter, schema)
        if values is None or any(values.get(f.name) in (None, ()) for f in schema.fields if f.required):
            continue
        item = build(values, source, reader)
        if item is not None:
            items.append(item)
    return items


def _field_line(source: MarkdownSource, name: str) -> int:
    return source.front_matter.key_lines.get(name, 0) + 1


def _check_unique(items: Iterable, key: Callable, what: str, field: str, problems: Problems) -> list:
    """Keep the first item of each key; report every later one with the first's file."""
    first: dict = {}
    kept = []
    for item in items:
        k = key(item)
        if k in first:
            problems.add(item.source.path, None, field, f"{what} '{k}' is already used by {first[k].source.path}", f"give this {field} a different value")
            continue
        first[k] = item
        kept.append(item)
    return kept


def load_newsletters(
    content_dir: Path, root: Path, vocabularies: dict, problems: Problems, docs_dir: Path | None = None
) -> tuple[Newsletter, ...]:
    folder = content_dir / "newsletters"
    folders = ImageFolders(folder, docs_dir or root / "docs", root)
    quarter_lines: dict[str, int] = {}

    def build(values: dict, source: MarkdownSource, reader: Reader) -> Newsletter | None:
        quarter_lines[source.path] = _field_line(source, "quarter")
        cover = None
        if values["cover"]:
            cover_values = values["cover"]
            if not cover_values.get("src") or not cover_values.get("alt"):
                return None
            raw_cover = source.front_matter["cover"]
            line = reader.line(raw_cover.key_lines.get("src", raw_cover.line))
            alt_line = reader.line(raw_cover.key_lines.get("alt", raw_cover.line))
            use = ImageUse(line, "cover.src", cover_values["src"], cover_values["alt"], alt_line=alt_line)
            found = check_image(use, source.path, folders, problems)
            if found is None:
                return None
            cover = Image(found.site_path, cover_values["alt"], *(image_size(found.file) or (None, None)))
        images = [check_image(use, source.path, folders, problems) for use in body_images(source.body, source.body_line)]
        quarter_of_date = (values["published"].month - 1) // 3 + 1
        if (values["published"].year, quarter_of_date) != (values["year"], values["quarter"]):
            problems.add(
                source.path, _field_line(source, "published"), "published",
                f"{values['published'].isoformat()} is not in quarter {values['quarter']} of {values['year']}",
                f"change the date, or set year: {values['published'].year} and quarter: {quarter_of_date}",
            )
            return None
        if None in images:
            return None
        shown = ([cover.src] if cover else []) + [i.site_path for i in images if i is not None]
        return Newsletter(
            id=f"{values['year']}-q{values['quarter']}",
            cover=cover,
            images=tuple(dict.fromkeys(p for p in shown if p.startswith(ISSUE_FOLDER + "/"))),
            body=source.body,
            source=Source(source.path, source.body_line),
            **{k: v for k, v in values.items() if k != "cover"},
        )

    items = _load_all(folder, root, NEWSLETTER, vocabularies, problems, build)
    items = check_one_per_quarter(items, quarter_lines, problems)
    check_quarter_gaps(items, quarter_lines, problems)
    return tuple(sorted(items, key=lambda n: (n.year, n.quarter), reverse=True))


def load_resources(content_dir: Path, root: Path, vocabularies: dict, problems: Problems) -> tuple[Resource, ...]:
    files_dir = content_dir / "resources" / ATTACHMENTS_DIR
    files_root = files_dir.resolve()  # once, not once per attachment

    def build(values: dict, source: MarkdownSource, reader: Reader) -> Resource | None:
        attachments = []
        raw_list = source.front_matter.get("attachments") or []
        for index, entry in enumerate(values["attachments"] or ()):
            if not entry or not entry.get("file") or not entry.get("title"):
                return None
            file = files_dir / entry["file"]
            line = raw_list.item_lines[index] + 1 if hasattr(raw_list, "item_lines") else None
            if not file.resolve().is_relative_to(files_root):
                problems.add(source.path, line, f"attachments[{index}].file", f"'{entry['file']}' points outside content/resources/files/", "put the file in that folder and write just its name")
                return None
            if not file.is_file():
                problems.add(source.path, line, f"attachments[{index}].file", f"the file '{entry['file']}' does not exist in content/resources/files/", "check the spelling, or add the file to that folder")
                return None
            attachments.append(Attachment(entry["file"], entry["title"], file.stat().st_size, file.relative_to(root).as_posix()))
        if values["id"] in RESERVED_RESOURCE_IDS:
            problems.add(source.path, _field_line(source, "id"), "id", f"the id '{values['id']}' is reserved for the library's own pages", f"choose another id, like '{values['id']}-resource'")
            return None
        if not values["url"] and not attachments:
            problems.add(source.path, 2, "url", "the resource has neither a web address nor an attached file", "add 'url:' with its address, or 'attachments:' with its file")
            return None
        if values["next_review"] and values["last_reviewed"] and values["next_review"] < values["last_reviewed"]:
            problems.add(source.path, _field_line(source, "next_review"), "next_review", "the next review is before the last review", "set next_review after last_reviewed")
            return None
        values["attachments"] = tuple(attachments)
        return Resource(body=source.body, source=Source(source.path, source.body_line), **values)

    folder = content_dir / "resources"
    items = [r for r in _load_all(folder, root, RESOURCE, vocabularies, problems, build)]
    items = _check_unique(items, lambda r: r.id, "the id", "id", problems)
    return tuple(sorted(items, key=lambda r: (r.title.casefold(), r.id)))


def load_events(content_dir: Path, root: Path, vocabularies: dict, problems: Problems) -> tuple[Event, ...]:
    def build(values: dict, source: MarkdownSource, reader: Reader) -> Event | None:
        if values["end"] <= values["start"]:
            problems.add(source.path, _field_line(source, "end"), "end", "the event ends before it starts", "set end to a time after start")
            return None
        if "attendance" not in source.front_matter:  # "location: Online (Microsoft Teams)" says so already
            values["attendance"] = attendance_of(None, values["location"])
        if not values["location"] and values["attendance"] != "online":
            where = "where people meet" if values["attendance"] == "in_person" else "the room people join in person"
            named = next((n for n in ("location", "attendance") if n in source.front_matter), None)
            problems.add(source.path, _field_line(source, named) if named else 2, "location",
                         f"this required field is missing: {where}", "add 'location:' with the building and town, or set 'attendance: online'")
            return None
        for name in ("location", "joining"):
            if values[name] and MEETING_LINK.search(values[name]):
                problems.add(source.path, _field_line(source, name), name, "this puts a meeting link on the public site: anyone could join",
                             "send joining links to members instead; for an event open to everyone, put the link in 'joining_link'")
                return None
        return Event(body=source.body, source=Source(source.path, source.body_line), **values)

    items = _load_all(content_dir / "events", root, EVENT, vocabularies, problems, build)
    items = _check_unique(items, lambda e: e.id, "the id", "id", problems)
    return tuple(sorted(items, key=lambda e: (e.start, e.id)))


def load_pages(docs_dir: Path, root: Path, problems: Problems) -> tuple[Page, ...]:
    pages = []
    for file in markdown_files(docs_dir):
        shown = file.relative_to(root).as_posix()
        source = read_markdown(file, shown, problems, require_front_matter=False)
        if source is None:
            continue
        check_markup(source.body, shown, source.body_line, problems)
        values = Reader(shown, problems, line_offset=1).read(source.front_matter, PAGE)
        if values is None:
            continue
        pages.append(
            Page(
                path=file.relative_to(docs_dir).as_posix(),
                title=values["title"],
                description=values["description"],
                content_note=values["content_note"],
                last_reviewed=values["last_reviewed"],
                next_review=values["next_review"],
                draft=bool(values["draft"]),
                source=Source(shown, source.body_line),
            )
        )
    return tuple(pages)
