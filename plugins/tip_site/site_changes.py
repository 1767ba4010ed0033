"""`preview-changes`: what a pull request changes on the built site, for its reviewers.

Compares two built sites (the base branch's and the pull request's) and lists
the pages, feed items and calendar entries added, changed or removed, as the
Markdown of a GitHub job summary. A page counts as changed when its content
changes, not when only the navigation around it does (adding one resource
touches every sidebar), so reviewers see what the editor actually changed.

    ./scripts/preview-changes BASE_SITE PR_SITE [--artifact-url URL]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Literal

import lxml.etree as etree
import lxml.html
from icalendar import Calendar

Change = Literal["added", "changed", "removed"]


@dataclass(frozen=True, order=True)
class Entry:
    """One page, feed item or calendar entry of a built site."""

    key: str  # what identifies it across builds: a page's address, an item's guid, an event's UID
    title: str
    file: str  # where to open it in the built site, e.g. "library/toolkit/index.html"
    fingerprint: str = field(compare=False, default="")


@dataclass(frozen=True)
class Changed:
    change: Change
    entry: Entry


@dataclass(frozen=True)
class SiteChanges:
    pages: list[Changed]
    feed_items: list[Changed]
    calendar_entries: list[Changed]

    def __bool__(self) -> bool:
        return bool(self.pages or self.feed_items or self.calendar_entries)


def site_changes(base: Path, head: Path) -> SiteChanges:
    return SiteChanges(
        compare(pages(base), pages(head)),
        compare(feed_items(base), feed_items(head)),
        compare(calendar_entries(base), calendar_entries(head)),
    )


def compare(before: dict[str, Entry], after: dict[str, Entry]) -> list[Changed]:
    changes = [Changed("added", after[key]) for key in after.keys() - before.keys()]
    changes += [Changed("removed", before[key]) for key in before.keys() - after.keys()]
    changes += [
        Changed("changed", after[key])
        for key in after.keys() & before.keys()
        if after[key].fingerprint != before[key].fingerprint
    ]
    order = {"added": 0, "changed": 1, "removed": 2}
    return sorted(changes, key=lambda c: (order[c.change], c.entry.key))


def _digest(*parts: bytes | str) -> str:
    hash = hashlib.sha256()
    for part in parts:
        hash.update(part.encode("utf-8") if isinstance(part, str) else part)
        hash.update(b"\0")
    return hash.hexdigest()


# --- pages -----------------------------------------------------------------------------------

def pages(site: Path) -> dict[str, Entry]:
    """Every HTML page by address; its fingerprint is its content, without the navigation around it."""
    found = {}
    home = site / "index.html"
    site_name = _page_content(home.read_bytes())[0].rpartition(" - ")[2] if home.is_file() else ""
    for file in sorted(site.rglob("*.html")):
        path = file.relative_to(site).as_posix()
        if path == "404.html":
            continue
        address = path.removesuffix("index.html")
        title, content = _page_content(file.read_bytes())
        title = title.removesuffix(f" - {site_name}") if site_name else title  # every page's title ends so
        found[address or "/"] = Entry(address or "/", title or address or "Home", path, _digest(title, content))
    return found


def _page_content(html: bytes) -> tuple[str, bytes]:
    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return "", html
    title = tree.findtext(".//title") or ""
    main = tree.find(".//article") if tree.find(".//article") is not None else tree.find(".//main")
    body = main if main is not None else tree
    return " ".join(title.split()), etree.tostring(body, encoding="utf-8", method="html")


# --- feed items ------------------------------------------------------------------------------

def feed_items(site: Path) -> dict[str, Entry]:
    """Every item of every RSS feed, by guid (an item in several feeds counts once)."""
    found: dict[str, Entry] = {}
    for file in sorted(site.rglob("*.xml")):
        try:
            root = etree.parse(str(file), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
        except etree.XMLSyntaxError:
            continue
        if root.tag != "rss":
            continue
        channel_link = (root.findtext("channel/link") or "").strip()
        for item in root.iterfind("channel/item"):
            guid = (item.findtext("guid") or item.findtext("link") or "").strip()
            if not guid or guid in found:
                continue
            link = (item.findtext("link") or "").strip()
            found[guid] = Entry(
                guid,
                " ".join((item.findtext("title") or guid).split()),
                _site_file(link, channel_link, site),
                _digest(etree.tostring(item, method="c14n")),
            )
    return found


def _site_file(link: str, channel_link: str, site: Path) -> str:
    """The file of the built site an absolute link of a feed leads to, if it is one of the site's."""
    base = _site_root(channel_link)
    if not base or not link.startswith(base):
        return ""
    path = link[len(base):].split("#")[0].split("?")[0]
    if path == "" or path.endswith("/"):
        path += "index.html"
    return path if (site / path).is_file() else ""


def _site_root(channel_link: str) -> str:
    # A feed's channel links to a page of the site; its address starts with the site's own.
    scheme, _, rest = channel_link.partition("://")
    host = rest.split("/")[0]
    return f"{scheme}://{host}/" if host else ""


# --- calendar entries ------------------------------------------------------------------------

def calendar_entries(site: Path) -> dict[str, Entry]:
    """Every event of every calendar, by UID; DTSTAMP (when the file was made) does not count."""
    found: dict[str, Entry] = {}
    for file in sorted(site.rglob("*.ics")):
        try:
            calendar = Calendar.from_ical(file.read_bytes())
        except ValueError:
            continue
        for event in calendar.walk("VEVENT"):
            uid = str(event.get("UID", ""))
            if not uid or uid in found:
                continue
            lines = [line for line in event.to_ical().splitlines() if not line.startswith(b"DTSTAMP")]
            found[uid] = Entry(uid, str(event.get("SUMMARY", uid)), _event_page(event, site), _digest(*lines))
    return found


def _event_page(event, site: Path) -> str:
    url = str(event.get("URL", ""))
    scheme, _, rest = url.partition("://")
    host = rest.split("/")[0]
    return _site_file(url, f"{scheme}://{host}/", site) if host else ""


# --- the job summary ---------------------------------------------------------------------------

WORDS = {"added": "Added", "changed": "Changed", "removed": "Removed"}


def summary(changes: SiteChanges, artifact_url: str = "", artifact_name: str = "site-preview") -> str:
    lines = ["## What this pull request changes on the site", ""]
    if artifact_url:
        lines += [
            f"The whole site as this pull request builds it is attached to this run: "
            f"[download **{artifact_name}**]({artifact_url}), unzip it, and open the files listed below "
            "in a web browser (double-click them). Removed items are not in it.",
            "",
        ]
    if not changes:
        lines += ["No page, feed item or calendar entry is added, changed or removed.", ""]
        return "\n".join(lines)
    for heading, items, what in (
        ("Pages", changes.pages, "page"),
        ("Feed items", changes.feed_items, "feed item"),
        ("Calendar entries", changes.calendar_entries, "calendar entry"),
    ):
        counts = ", ".join(f"{sum(c.change == kind for c in items)} {kind}" for kind in WORDS)
        lines += [f"### {heading} ({counts})", ""]
        if not items:
            lines += [f"No {what} is added, changed or removed.", ""]
            continue
        lines += ["| Change | Title | Open in the preview |", "|---|---|---|"]
        for item in items:
            lines.append(f"| {WORDS[item.change]} | {_cell(item.entry.title)} | {_open(item, artifact_url)} |")
        lines.append("")
    return "\n".join(lines)


def _open(item: Changed, artifact_url: str) -> str:
    file = item.entry.file
    if item.change == "removed" or not file:
        return "—"
    return f"[`{file}`]({artifact_url})" if artifact_url else f"`{file}`"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="preview-changes", description=__doc__.splitlines()[0])
    parser.add_argument("base", type=Path, help="the base branch's built site folder")
    parser.add_argument("head", type=Path, help="the pull request's built site folder")
    parser.add_argument("--artifact-url", default="", help="where reviewers download the pull request's site")
    parser.add_argument("--artifact-name", default="site-preview")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if not args.head.is_dir():
        print(f"{args.head}: no built site to describe", file=sys.stderr)
        return 2
    if not args.base.is_dir():
        print("## What this pull request changes on the site\n")
        print("The base branch could not be built, so there is nothing to compare with.")
        return 0
    print(summary(site_changes(args.base, args.head), args.artifact_url, args.artifact_name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
