"""How the library words things: dates, sizes, file types and a resource's one-line details.

Python owns this wording; the pages and the browser's result list both show it as given.
"""

from __future__ import annotations

import datetime as dt
import posixpath

from tip_site.core.model import Resource, Site

# File types as GOV.UK names them on attachments: (short name, full name for <abbr>, or None).
FILE_TYPES = {
    "pdf": ("PDF", "Portable Document Format"),
    "doc": ("MS Word Document", None),
    "docx": ("MS Word Document", None),
    "odt": ("OpenDocument Text", None),
    "xls": ("MS Excel Spreadsheet", None),
    "xlsx": ("MS Excel Spreadsheet", None),
    "ods": ("OpenDocument Spreadsheet", None),
    "ppt": ("MS PowerPoint Presentation", None),
    "pptx": ("MS PowerPoint Presentation", None),
    "odp": ("OpenDocument Presentation", None),
    "csv": ("CSV", "Comma-separated Values"),
    "txt": ("Plain text", None),
    "rtf": ("Rich Text Format", None),
    "zip": ("ZIP", "Compressed archive"),
    "png": ("PNG image", None),
    "jpg": ("JPEG image", None),
    "jpeg": ("JPEG image", None),
    "mp3": ("MP3 audio", None),
    "mp4": ("MP4 video", None),
}


def extension_of(file_name: str) -> str:
    return posixpath.splitext(file_name)[1].lstrip(".").upper()


def file_type(file_name: str) -> tuple[str, str | None]:
    """The file's type in words, and its expansion when the short name is an abbreviation."""
    extension = extension_of(file_name).lower()
    return FILE_TYPES.get(extension, (extension.upper() + " file" if extension else "File", None))


def file_size(size_bytes: int) -> str:
    """A size as GOV.UK shows it: three significant figures, powers of 1024 (e.g. 46.5 KB, 1.05 MB)."""
    if size_bytes < 1024:
        return "1 byte" if size_bytes == 1 else f"{size_bytes} bytes"
    size = float(size_bytes)
    for unit in ("KB", "MB", "GB"):
        size /= 1024
        if size < 1024 or unit == "GB":
            break
    shown = f"{size:.3g}"
    if "e" in shown:  # 3 significant figures of a number >= 1000 print in exponent form
        shown = f"{size:.0f}"
    return f"{shown} {unit}"


def long_date(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


def resource_meta(site: Site, resource: Resource) -> str:
    """The one line under a resource's title in every list: type, organisation, date."""
    type_name = next(t.name for t in site.resource_types if t.id == resource.type)
    return f"{type_name} · {resource.organisation} · {long_date(resource.published)}"
