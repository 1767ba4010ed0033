"""Checks that only newsletter issues need: images, one issue per quarter, no gaps.

Every problem names the file and the line an editor has to change. A missing
quarter between two issues is only a warning: the archive stays correct, but
subscribers may wonder where an issue went.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from urllib.parse import unquote
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from tip_site.core.markdown_prose import visible_lines
from tip_site.core.model import Newsletter
from tip_site.core.problems import Problems

ISSUE_FOLDER = "newsletters"  # where issue pages live in the built site

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg")

# Alt text that names the kind of thing instead of saying what it shows.
PLACEHOLDER_ALTS = frozenset(
    {"image", "img", "picture", "photo", "photograph", "cover", "cover image", "graphic", "illustration", "logo", "banner"}
)

_MARKDOWN_IMAGE = re.compile(
    r"!\[(?P<alt>(?:\\.|[^\]\\])*)\]\(\s*(?:<(?P<angled>[^>]*)>|(?P<src>[^)\s>]*))(?:\s+[\"'][^)]*[\"'])?\s*\)"
)
# What a file name may hold to travel safely in web addresses, feeds and emails.
SAFE_NAME = re.compile(r"^[A-Za-z0-9._-]+$")


def safe_name(name: str) -> str:
    """A suggested file name: spaces and other characters become hyphens, letters lower case."""
    stem, dot, suffix = name.rpartition(".") if "." in name else (name, "", "")
    stem = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "file"
    return f"{stem}{dot}{suffix.lower()}"
_HTML_IMAGE = re.compile(r"<img\b(?P<attrs>[^>]*)>", re.I | re.S)
_ATTRIBUTE = re.compile(r"([a-zA-Z-]+)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)")


@dataclass(frozen=True)
class ImageUse:
    """One image an issue shows: where it is written and what it says."""

    line: int
    field: str | None  # "cover.src" for the cover, None in the body
    src: str
    alt: str | None  # None when an <img> has no alt attribute at all
    html: bool = False  # written as an <img> tag
    alt_line: int | None = None  # where the alt text is, if not on `line`


@dataclass(frozen=True)
class ImageFolders:
    """Where an issue's images can come from, as MkDocs will publish them."""

    newsletters: Path  # content/newsletters/, published under newsletters/ beside the issue pages
    docs: Path  # docs/, published as they are
    root: Path  # the project, for the paths shown to editors


@dataclass(frozen=True)
class ImageFile:
    site_path: str  # where it is in the built site, e.g. "newsletters/images/cover.png"
    file: Path


def image_file(site_path: str, folders: ImageFolders) -> Path:
    if site_path.startswith(ISSUE_FOLDER + "/"):
        return folders.newsletters / site_path[len(ISSUE_FOLDER) + 1 :]
    return folders.docs / site_path


def check_image(image: ImageUse, path: str, folders: ImageFolders, problems: Problems) -> ImageFile | None:
    """Where a usable image is; else report why it cannot be used and return None.

    Paths are read as MkDocs reads them: from the issue's page, which lives in
    newsletters/. So `images/x.png` is content/newsletters/images/x.png and
    `../images/x.png` is docs/images/x.png.
    """
    alt_field = image.field.replace(".src", ".alt") if image.field else None
    alt_line = image.alt_line or image.line
    where = f"the image '{image.src}'"
    if image.html:
        # MkDocs only rewrites Markdown images for the page's address; an <img> would break.
        problems.add(
            path, image.line, image.field, "images in a newsletter are written in Markdown, not as <img>",
            f"write ![what the image shows]({image.src or 'images/file.png'})",
        )
        return None
    if re.match(r"^[a-z][a-z0-9+.-]*:|^//", image.src, re.I):
        problems.add(
            path, image.line, image.field, f"{where} is on another website",
            "save the image in content/newsletters/images/ and give its path, like images/photo.jpg: the site loads nothing from other hosts",
        )
        return None
    site_path = posixpath.normpath(posixpath.join(ISSUE_FOLDER, image.src))
    if image.src.startswith("/") or site_path == ".." or site_path.startswith("../"):
        problems.add(path, image.line, image.field, f"{where} is outside the site", "give the path from the newsletter, like images/photo.jpg")
        return None
    file = image_file(site_path, folders)
    if not image.src or not file.is_file():
        shown = file.relative_to(folders.root).as_posix() if file.is_relative_to(folders.root) else str(file)
        problems.add(path, image.line, image.field, f"{where} does not exist (looked for {shown})", _missing_image_fix(file))
        return None
    name = posixpath.basename(image.src)
    if not SAFE_NAME.match(name):
        better = safe_name(name)
        problems.add(
            path, image.line, image.field, f"the name of {where} has spaces or other characters that break web addresses",
            f"rename the file to '{better}' (letters, digits and hyphens) and write {posixpath.join(posixpath.dirname(image.src), better)}",
        )
        return None
    if file.suffix.lower() not in IMAGE_SUFFIXES:
        problems.add(path, image.line, image.field, f"{where} is not a picture", f"use a {', '.join(IMAGE_SUFFIXES)} file")
        return None
    alt = (image.alt or "").strip()
    if not alt:
        problems.add(
            path, alt_line, alt_field, f"{where} has no alt text",
            "describe what the image shows for people who cannot see it"
            + (" in 'alt:'" if image.field else ", between the [ ] of ![ ](…)"),
        )
        return None
    if alt.casefold().strip(".") in PLACEHOLDER_ALTS | {name.casefold(), posixpath.splitext(name)[0].casefold()}:
        problems.add(
            path, alt_line, alt_field, f"the alt text '{alt}' does not say what {where} shows",
            "describe the picture in a sentence, e.g. 'Members of the three groups at the joint event'",
        )
        return None
    return ImageFile(site_path, file)


def _missing_image_fix(file: Path) -> str:
    folder = file.parent
    if folder.is_dir():
        names = [p.name for p in folder.iterdir() if p.is_file()]
        by_case = next((n for n in names if n.lower() == file.name.lower()), None)
        if by_case:
            return f"capital letters matter: the file is called '{by_case}'"
        close = difflib.get_close_matches(file.name, names, n=1, cutoff=0.7)
        if close:
            return f"did you mean '{close[0]}'? Check the file name, or add the image to content/newsletters/images/"
    return "check the file name, or add the image to content/newsletters/images/"


def body_images(body: str, first_line: int) -> Iterable[ImageUse]:
    """Every image written in the Markdown body, skipping code, with its file line."""
    for line_number, visible in visible_lines(body, first_line):
        for match in _MARKDOWN_IMAGE.finditer(visible):
            src = match["angled"] if match["angled"] is not None else match["src"]
            yield ImageUse(line_number, None, unquote(src.strip()), match["alt"].replace("\\", ""))
        for match in _HTML_IMAGE.finditer(visible):
            attributes = {k.lower(): v.strip("\"'") for k, v in _ATTRIBUTE.findall(match["attrs"])}
            yield ImageUse(line_number, None, attributes.get("src", ""), attributes.get("alt"), html=True)


def report_second_issue(problems: Problems) -> Callable[[str, Newsletter, Newsletter, bool], None]:
    """Reports an issue for a quarter that already has one, at its quarter line (the original is never blamed)."""
    def report(issue_id: str, original: Newsletter, copy: Newsletter, published: bool) -> None:
        line = original.source.line_of("quarter")
        problems.add(
            copy.source.path, copy.source.line_of("quarter"), "quarter",
            f"quarter {copy.quarter} of {copy.year} already has an issue: {original.source.path}"
            + (f" (line {line})" if line else "") + (", which is on the live site" if published else ""),
            "each quarter has one issue; correct year and quarter in this file, or merge the two files",
        )
    return report


def check_quarter_gaps(issues: Iterable[Newsletter], quarter_lines: dict[str, int], problems: Problems) -> None:
    """Warn, at the later issue, about each quarter without an issue between two issues."""
    ordered = sorted(issues, key=lambda n: (n.year, n.quarter))
    for earlier, later in zip(ordered, ordered[1:]):
        missing = _quarters_between((earlier.year, earlier.quarter), (later.year, later.quarter))
        if not missing:
            continue
        names = ", ".join(f"quarter {q} of {y}" for y, q in missing)
        problems.add(
            later.source.path, quarter_lines.get(later.source.path), "quarter",
            f"no issue for {names}, between {earlier.id} and {later.id}",
            "add the missing issue, or check this issue's year and quarter",
            severity="warning",
        )


def _quarters_between(start: tuple[int, int], end: tuple[int, int]) -> list[tuple[int, int]]:
    year, quarter = start
    missing = []
    while True:
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
        if (year, quarter) >= end:
            return missing
        missing.append((year, quarter))
