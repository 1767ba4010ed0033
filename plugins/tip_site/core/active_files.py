"""Files in docs/ and content/ that a browser would run: refused, so nothing from content executes.

MkDocs publishes every file of docs/ as it is, and the site publishes
newsletter images and resource attachments from content/. A web page, a
script or an XML document among them would run on the site's own address,
outside every page's Content-Security-Policy; so would an SVG picture opened
on its own. Those kinds of file are refused, and an SVG only if it holds
something that runs (a script, an event handler, a script address,
embedded HTML).
"""

from __future__ import annotations

from pathlib import Path

import lxml.etree

from tip_site.core.link_schemes import refused_scheme
from tip_site.core.problems import Problems

# What browsers open as a page or run as a script, whatever the server says.
ACTIVE_SUFFIXES = frozenset(
    {".html", ".htm", ".xhtml", ".xht", ".shtml", ".mht", ".mhtml", ".js", ".mjs", ".cjs", ".xml", ".xsl", ".xslt", ".svgz", ".swf"}
)
# Folders whose files reach the site, besides docs/ (Markdown and data are read, not published).
PUBLISHED_CONTENT = ("newsletters", "resources/files")
_TEXT_SUFFIXES = (".md", ".yml", ".yaml")
# SVG elements that run script or show a page of their own.
_SVG_ACTIVE = frozenset({"script", "foreignObject", "handler", "listener", "iframe", "embed", "object"})
_SVG_ADDRESSES = ("href", "{http://www.w3.org/1999/xlink}href", "to", "from", "values")
_PARSER = lxml.etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)

FIX = "remove it: share what it says as a Markdown page, a PDF or a picture (.png, .jpg)"


def check_active_files(root: Path, docs_dir: Path, content_dir: Path, problems: Problems) -> None:
    folders = [docs_dir, *(content_dir / sub for sub in PUBLISHED_CONTENT)]
    for folder in folders:
        if not folder.is_dir():
            continue
        for file in sorted(folder.rglob("*")):
            if not file.is_file() or file.suffix.lower() in _TEXT_SUFFIXES:
                continue
            shown = file.relative_to(root).as_posix() if file.is_relative_to(root) else str(file)
            suffix = file.suffix.lower()
            if suffix in ACTIVE_SUFFIXES:
                problems.add(shown, None, None, f"a {suffix} file would run in visitors' browsers as a page or a script, and is not allowed", FIX)
            elif suffix == ".svg":
                _check_svg(file, shown, problems)


def _check_svg(file: Path, shown: str, problems: Problems) -> None:
    try:
        tree = lxml.etree.fromstring(file.read_bytes(), _PARSER)
    except lxml.etree.XMLSyntaxError as error:
        problems.add(shown, error.lineno, None, "the SVG picture cannot be read", "save it again from a drawing program, or as .png")
        return
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        name = lxml.etree.QName(element).localname
        found = None
        if name in _SVG_ACTIVE:
            found = f"a <{name}> element"
        else:
            for attribute, value in element.attrib.items():
                local = lxml.etree.QName(attribute).localname
                if local.lower().startswith("on"):
                    found = f"an event handler ('{local}')"
                elif attribute in _SVG_ADDRESSES and refused_scheme(value.split(";")[0]):
                    found = f"a '{refused_scheme(value.split(';')[0])}:' address"
                elif local == "attributeName" and (value.lower().startswith("on") or value.endswith("href")):
                    found = f"an animation of '{value}'"
                if found:
                    break
        if found:
            problems.add(shown, element.sourceline, None, f"the SVG picture holds {found}, which would run when the picture is opened on its own",
                         "save the picture again without scripts or links (or as .png)")
            return
