"""One inventory of content/: every file is a known kind, or a problem that names it.

A file the site would silently leave out (a resource saved as `.txt`, a Word
document dropped beside the resources, a folder called `resource/`) is worse
than a failed check: the editor sees a green tick and nothing on the site. So
every file under content/ is sorted here into content (Markdown), README,
attachment, image or data file; anything else is reported with what to do.
Extensions are matched case-insensitively: `Toolkit.MD` is a resource.
"""

from __future__ import annotations

import difflib
import posixpath
from dataclasses import dataclass
from pathlib import Path

from tip_site.core.problems import Problems
from tip_site.core.suggest import closest

# MkDocs' own list of Markdown extensions (mkdocs.utils.markdown_extensions).
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg")
DOCUMENT_SUFFIXES = (
    ".pdf", ".doc", ".docx", ".odt", ".rtf", ".txt", ".xls", ".xlsx", ".ods", ".csv", ".ppt", ".pptx", ".odp",
    ".zip", ".html", ".htm", ".pages", ".key", ".numbers", ".epub", ".mp3", ".mp4",
)
CONTENT_FOLDERS = ("newsletters", "resources", "events")
DATA_FOLDER = "data"
ATTACHMENTS_FOLDER = "files"  # content/resources/files/
DATA_FILES = (
    "groups.yml", "priorities.yml", "sectors.yml", "audiences.yml", "resource-types.yml", "governance.yml",
    "support.yml",
)
# Files a computer or a text editor leaves behind; never part of the site.
_KEEP_FILES = (".gitkeep", ".gitignore", ".keep")
_SYSTEM_FILES = ("thumbs.db", "desktop.ini", ".ds_store")

_WHAT = {"newsletters": "newsletter issue", "resources": "resource", "events": "event"}


@dataclass(frozen=True)
class ContentInventory:
    newsletters: tuple[Path, ...] = ()
    resources: tuple[Path, ...] = ()
    events: tuple[Path, ...] = ()
    attachments: tuple[Path, ...] = ()  # content/resources/files/…
    images: tuple[Path, ...] = ()  # content/newsletters/…


def is_markdown(name: str) -> bool:
    return name.lower().endswith(MARKDOWN_SUFFIXES)


def is_readme(name: str) -> bool:
    stem, suffix = posixpath.splitext(name.lower())
    return stem == "readme" and (suffix in MARKDOWN_SUFFIXES or suffix in ("", ".txt"))


def is_image(name: str) -> bool:
    return name.lower().endswith(IMAGE_SUFFIXES)


def is_system_file(name: str) -> bool:
    """A file an operating system or a text editor makes: a lock, a backup, folder settings."""
    lower = name.lower()
    return (
        lower in _SYSTEM_FILES
        or (lower.startswith(".") and lower not in _KEEP_FILES)
        or lower.startswith("~$")
        or lower.endswith(("~", ".swp", ".tmp", ".bak"))
    )


def take_inventory(content_dir: Path, root: Path, problems: Problems) -> ContentInventory:
    """Sort every file under content/ by kind, reporting each one the site would not use."""
    found: dict[str, list[Path]] = {"newsletters": [], "resources": [], "events": [], "attachments": [], "images": []}
    if not content_dir.is_dir():
        return ContentInventory()
    for file in sorted(p for p in content_dir.rglob("*") if p.is_file()):
        parts = file.relative_to(content_dir).parts
        shown = file.relative_to(root).as_posix()
        name = parts[-1]
        if name.lower() in _KEEP_FILES or is_readme(name):
            continue
        if is_system_file(name):
            problems.add(
                shown, None, None, "this file is not part of the site: your computer or editing program made it",
                "delete it from the pull request", severity="warning",
            )
            continue
        kind = _classify(parts, shown, problems)
        if kind is not None:
            found[kind].append(file)
    return ContentInventory(**{kind: tuple(files) for kind, files in found.items()})


def _classify(parts: tuple[str, ...], shown: str, problems: Problems) -> str | None:
    """The kind of a file under content/ ('newsletters', 'images', …), or None after reporting it."""
    name = parts[-1]
    folder = parts[0] if len(parts) > 1 else None
    if folder is None:
        problems.add(
            shown, None, None, "this file is in content/ itself, where the site does not look",
            "move it into the folder for its kind: content/newsletters/, content/resources/ or content/events/",
        )
        return None
    if folder == DATA_FOLDER:
        _check_data_file(parts, shown, problems)
        return None
    if folder not in CONTENT_FOLDERS:
        match = closest(folder, (*CONTENT_FOLDERS, DATA_FOLDER))
        where = f"content/{match}/" if match else "content/newsletters/, content/resources/ or content/events/"
        problems.add(
            shown, None, None, f"the site does not read the folder content/{folder}/",
            f"move the file into {where}" + (" (the folder's name must be spelt exactly so)" if match else ""),
        )
        return None
    if folder == "resources" and len(parts) > 2 and parts[1] == ATTACHMENTS_FOLDER:
        return "attachments"
    if is_markdown(name):
        return folder
    if folder == "newsletters" and is_image(name):
        return "images"
    problems.add(shown, None, None, *_unused_file(folder, name))
    return None


def _unused_file(folder: str, name: str) -> tuple[str, str]:
    """What is wrong with a file that is not Markdown in a content folder, and what to do."""
    what = _WHAT[folder]
    lower = name.lower()
    stem, suffix = posixpath.splitext(lower)
    markdown_inside = posixpath.splitext(stem)[1] in MARKDOWN_SUFFIXES
    if markdown_inside:  # "toolkit.md.txt": Windows added an extension it was hiding
        return (f"the file name ends in '{suffix}' after '.md', so the site does not read it as a {what}",
                f"rename it to end in .md only: '{name[: -len(suffix)]}'")
    if not suffix:
        return (f"the file name has no '.md' at its end, so the site does not read it as a {what}",
                f"rename it to '{name}.md'")
    if suffix == ".txt":
        return (f"a '.txt' file is not read as a {what}: {what}s are Markdown files ending in .md",
                f"rename it to '{name[: -len(suffix)]}.md'")
    if folder == "resources":
        if suffix in IMAGE_SUFFIXES:
            return ("images in content/resources/ are not published",
                    "to offer it for download, move it into content/resources/files/ and list it under 'attachments:' of a "
                    "resource; to show it on a page, move it into docs/images/ and write ![what it shows](../images/"
                    f"{name})")
        return (f"a '{suffix}' file here is not read as a resource, and is not published",
                "move it into content/resources/files/, then list it under 'attachments:' in the resource's .md file "
                "(the editors' guide shows how)")
    if folder == "newsletters":
        return (f"a '{suffix}' file here is not read as a newsletter issue",
                "write the issue in a Markdown file named like 2025-q3.md (copy its text from the document); "
                "pictures go in content/newsletters/images/")
    if suffix in IMAGE_SUFFIXES:
        return ("images in content/events/ are not published",
                f"move it into docs/images/ and show it on the event's page with ![what it shows](../images/{name})")
    return (f"a '{suffix}' file here is not read as an event",
            "write the event in a Markdown file ending in .md; to offer a document, add it to a resource "
            "(content/resources/files/) and link to that resource")


def _check_data_file(parts: tuple[str, ...], shown: str, problems: Problems) -> None:
    name = parts[-1]
    if len(parts) == 2 and name in DATA_FILES:
        return
    lower = name.lower()
    stem = posixpath.splitext(lower)[0]
    meant = next((known for known in DATA_FILES if posixpath.splitext(known)[0] == stem.replace("_", "-")), None)
    if meant is None:
        close = difflib.get_close_matches(stem, [posixpath.splitext(known)[0] for known in DATA_FILES], n=1, cutoff=0.8)
        meant = f"{close[0]}.yml" if close else None
    if len(parts) == 2 and meant:
        problems.add(
            shown, None, None, f"the site does not read '{name}': its data file is called '{meant}'",
            f"rename it to '{meant}' (lower case, ending in .yml), or copy its content into that file",
        )
        return
    problems.add(
        shown, None, None, "the site does not read this file in content/data/",
        "the data files are " + ", ".join(DATA_FILES) + ": put the data in one of them, or remove this file",
    )


def docs_pages(docs_dir: Path, root: Path, problems: Problems) -> list[Path]:
    """The hand-written pages of docs/, as MkDocs finds them (its extensions, in lower case).

    MkDocs publishes `About.MD` as a download rather than a page: such a name is reported.
    """
    if not docs_dir.is_dir():
        return []
    pages = []
    for file in sorted(p for p in docs_dir.rglob("*") if p.is_file()):
        name = file.name
        if name.endswith(MARKDOWN_SUFFIXES):
            if not is_readme(name):
                pages.append(file)
        elif is_markdown(name):
            suffix = posixpath.splitext(name)[1]
            problems.add(
                file.relative_to(root).as_posix(), None, None,
                f"the name ends in '{suffix}' in capitals, so the site would offer the file as a download, not show it as a page",
                f"rename it to end in lower case: '{name[: -len(suffix)]}{suffix.lower()}'",
            )
    return pages
