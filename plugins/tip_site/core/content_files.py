"""Loading newsletters, resources, events and page front matter from Markdown files."""

from __future__ import annotations

import difflib
import re
import sys
from pathlib import Path
from typing import Callable, Iterable, TypeVar

from tip_site.core.attendance import attendance_of
from tip_site.core.content_inventory import docs_pages, is_markdown, is_readme
from tip_site.core.duplicates import GitHistory, new_id_for, original_first
from tip_site.core.image_size import image_size
from tip_site.core.model import Attachment, Event, Image, Newsletter, Page, Resource, Source
from tip_site.core.newsletter_checks import (
    ISSUE_FOLDER, SAFE_NAME, ImageFolders, ImageUse, body_images, check_image, check_quarter_gaps, report_second_issue,
    safe_name,
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
    """The Markdown files of a folder and its subfolders (any case of any Markdown extension), in a stable order."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file() and is_markdown(p.name) and not is_readme(p.name))


def in_site_order(items: Iterable[T], kind: type) -> tuple[T, ...]:
    """Items of one kind in the order the Site holds them: newsletters newest first, resources
    by title, events by start time."""
    if kind is Newsletter:
        return tuple(sorted(items, key=lambda n: (n.year, n.quarter), reverse=True))
    if kind is Resource:
        return tuple(sorted(items, key=lambda r: (r.title.casefold(), r.id)))
    return tuple(sorted(items, key=lambda e: (e.start, e.id)))


def _load_all(
    files: Iterable[Path], root: Path, schema: Schema, vocabularies: dict, problems: Problems,
    build: Callable[[dict, MarkdownSource, Reader], T | None],
) -> list[T]:
    items: list[T] = []
    for file in files:
        shown = file.relative_to(root).as_posix()
        try:
            item = _load_one(file, shown, schema, vocabularies, problems, build)
        except Exception as error:  # a fault of ours must still name the file, never print a traceback
            problems.add(shown, None, None, f"the site could not read this file ({type(error).__name__}: {error})",
                         UNEXPECTED_FIX)
            continue
        if item is not None:
            items.append(item)
    return items


# The last resort when the site's own code fails on a file: the message still names the file.
UNEXPECTED_FIX = ("compare the file with the editors' guide; if it looks right, ask the site's maintainers, "
                  "as this is a fault in the site's code")


def _load_one(
    file: Path, shown: str, schema: Schema, vocabularies: dict, problems: Problems,
    build: Callable[[dict, MarkdownSource, Reader], T | None],
) -> T | None:
    source = read_markdown(file, shown, problems)
    if source is None:
        return None
    check_markup(source.body, shown, source.body_line, problems)
    reader = Reader(shown, problems, vocabularies, line_offset=1)
    values = reader.read(source.front_matter, schema)
    if values is None or any(values.get(f.name) in (None, ()) for f in schema.fields if f.required):
        return None
    return build(values, source, reader)


def _field_line(source: MarkdownSource, name: str) -> int:
    return source.front_matter.key_lines.get(name, 0) + 1


def _source(source: MarkdownSource) -> Source:
    """Where an item comes from, with the file line of each of its front-matter fields."""
    # Field names interned: thousands of items share one "title", not one copy each.
    lines = tuple((sys.intern(key), line + 1) for key, line in source.front_matter.key_lines.items())
    return Source(source.path, source.body_line, lines)


def _keep_originals(
    items: Iterable[T], root: Path, key: Callable[[T], str], history: GitHistory,
    report: Callable[[str, T, T, bool], None],
) -> list[T]:
    """Keep one item per key: the original (see core/duplicates.py); `report(key, original, copy, published)` each copy."""
    by_key: dict[str, list[T]] = {}
    for item in items:
        by_key.setdefault(key(item), []).append(item)
    kept = []
    for value, group in by_key.items():
        if len(group) == 1:
            kept.append(group[0])
            continue
        original, copies, published = original_first(group, lambda i: root / i.source.path, lambda i: value, history)
        kept.append(original)
        for copy in copies:
            report(value, original, copy, published)
    return kept


def _report_copied_id(what: str, root: Path, ids: set[str], problems: Problems) -> Callable:
    def report(item_id: str, original, copy, published: bool) -> None:
        suggestion = new_id_for(root / copy.source.path, ids, item_id)
        where = f"{original.source.path} (line {original.source.line_of('id')})"
        why = (
            "the other file is already published, and changing its id would change its web address" if published
            else "this file is the newer of the two, and changing the id of the older one would change the web address of a page that may be published"
        )
        problems.add(
            copy.source.path, copy.source.line_of("id"), "id",
            f"the id '{item_id}' is already used by {where}" + (", which is on the live site" if published else ""),
            f"give this {what} its own id, for example 'id: {suggestion}': {why}",
        )
    return report


def _missing_attachment_fix(written: str, files_dir: Path) -> str:
    """What to do about an attachment not found: its name alone, its capitals, a close name."""
    name = Path(written).name
    if name != written and (files_dir / name).is_file():
        return f"write just the file's name: {name}"
    names = sorted(p.name for p in files_dir.iterdir() if p.is_file()) if files_dir.is_dir() else []
    by_case = next((n for n in names if n.lower() == name.lower()), None)
    if by_case:
        return f"capital letters matter: the file is called '{by_case}'"
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.7)
    if close:
        return f"did you mean '{close[0]}'? Otherwise check the spelling, or add the file to that folder"
    return "check the spelling, or add the file to that folder"


def load_newsletters(
    content_dir: Path, root: Path, vocabularies: dict, problems: Problems, docs_dir: Path | None = None,
    files: Iterable[Path] | None = None, history: GitHistory | None = None,
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
            source=_source(source),
            **{k: v for k, v in values.items() if k != "cover"},
        )

    items = _load_all(markdown_files(folder) if files is None else files, root, NEWSLETTER, vocabularies, problems, build)
    items = _keep_originals(items, root, lambda n: n.id, history or GitHistory(root), report_second_issue(problems))
    check_quarter_gaps(items, quarter_lines, problems)
    return in_site_order(items, Newsletter)


def load_resources(
    content_dir: Path, root: Path, vocabularies: dict, problems: Problems, files: Iterable[Path] | None = None,
    history: GitHistory | None = None,
) -> tuple[Resource, ...]:
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
                problems.add(source.path, line, f"attachments[{index}].file", f"the file '{entry['file']}' does not exist in content/resources/files/", _missing_attachment_fix(entry["file"], files_dir))
                return None
            if not all(SAFE_NAME.match(part) for part in entry["file"].split("/")):  # subfolders are fine
                better = "/".join(safe_name(part) for part in entry["file"].split("/"))
                problems.add(
                    source.path, line, f"attachments[{index}].file",
                    f"the file name '{entry['file']}' has spaces or other characters that break web addresses",
                    f"rename the file in content/resources/files/ to '{better}' (letters, digits and hyphens) and write that name here",
                )
                return None
            if entry["file"] in (a.file for a in attachments):
                problems.add(source.path, line, f"attachments[{index}].file", f"the file '{entry['file']}' is listed twice", "remove the repeat")
                return None
            attachments.append(Attachment(entry["file"], entry["title"], file.stat().st_size, file.relative_to(root).as_posix()))
        if values["id"] in RESERVED_RESOURCE_IDS:
            problems.add(source.path, _field_line(source, "id"), "id", f"the id '{values['id']}' is reserved for the library's own pages", f"choose another id, like '{values['id']}-resource'")
            return None
        if not values["url"] and not attachments and not problems.has_error(source.path, "attachments") \
                and not problems.has_error(source.path, "url"):
            problems.add(source.path, 2, "url", "the resource has neither a web address nor an attached file", "add 'url:' with its address, or 'attachments:' with its file")
            return None
        values["attachments"] = tuple(attachments)
        return Resource(body=source.body, source=_source(source), **values)

    if files is None:
        files = [f for f in markdown_files(content_dir / "resources") if not f.is_relative_to(files_dir)]
    items = _load_all(files, root, RESOURCE, vocabularies, problems, build)
    report = _report_copied_id("resource", root, {r.id for r in items}, problems)
    items = _keep_originals(items, root, lambda r: r.id, history or GitHistory(root), report)
    return in_site_order(items, Resource)


def load_events(
    content_dir: Path, root: Path, vocabularies: dict, problems: Problems, files: Iterable[Path] | None = None,
    history: GitHistory | None = None,
) -> tuple[Event, ...]:
    def build(values: dict, source: MarkdownSource, reader: Reader) -> Event | None:
        if values["end"] <= values["start"]:
            same = values["end"] == values["start"]
            problems.add(
                source.path, _field_line(source, "end"), "end",
                "the event ends at the moment it starts" if same else "the event ends before it starts",
                f"set end to a time after start ({values['start']:%Y-%m-%d %H:%M})",
            )
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
        return Event(body=source.body, source=_source(source), **values)

    items = _load_all(markdown_files(content_dir / "events") if files is None else files, root, EVENT, vocabularies, problems, build)
    report = _report_copied_id("event", root, {e.id for e in items}, problems)
    items = _keep_originals(items, root, lambda e: e.id, history or GitHistory(root), report)
    return in_site_order(items, Event)


def load_pages(docs_dir: Path, root: Path, problems: Problems) -> tuple[Page, ...]:
    pages = []
    for file in docs_pages(docs_dir, root, problems):
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
                source=_source(source),
            )
        )
    return tuple(pages)
