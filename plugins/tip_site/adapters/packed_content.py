"""Each page's converted HTML held compressed from conversion until the theme renders it.

MkDocs converts every page before it renders any, so the whole site's HTML is
in memory at once: 77 MB at 5,000 resources, most of it two bytes a character
(a single "’" makes a Python string use two). Packed, each page's `content` is
its UTF-8 bytes compressed (a fifth of the size), behind the same attribute:
whoever reads `page.content`, whenever, gets the very same string. While the
page is rendered it is held unpacked, so templates and shells read it at no cost.

It leans on MkDocs' `Page` keeping `content` as an ordinary attribute: a page
is given a subclass whose `content` is a property. `PackedContent.adopt` proves
on the first page that the string comes back unchanged and turns itself off
(the build carries on unpacked) if it does not, or if the class cannot be changed.
"""

from __future__ import annotations

import zlib

from mkdocs.structure.pages import Page

PACKED = "_tip_packed_content"  # the compressed UTF-8, or the value itself if it is not a plain str
OPEN = "_tip_open_content"  # the string, while the page is rendered
INSTANCE_KEYS = frozenset({PACKED, OPEN})  # what packing puts in a page's __dict__

_packed_classes: dict[type, type] = {}


def _read(page: Page) -> object:
    state = page.__dict__
    if OPEN in state:
        return state[OPEN]
    packed = state.get(PACKED)
    return zlib.decompress(packed).decode("utf-8") if isinstance(packed, bytes) else packed


def _write(page: Page, value: object) -> None:
    state = page.__dict__
    # Only plain strings are packed: a str subclass (markupsafe's Markup) must come back as itself.
    state[PACKED] = zlib.compress(value.encode("utf-8"), 1) if type(value) is str else value
    if OPEN in state:
        state[OPEN] = value


def packed_class(cls: type) -> type:
    """`cls` with `content` held packed (made once per page class)."""
    if cls not in _packed_classes:
        _packed_classes[cls] = type(cls.__name__, (cls,), {
            "__module__": cls.__module__,
            "__doc__": cls.__doc__,
            "content": property(_read, _write, doc="The page's HTML; held compressed until the page is rendered."),
        })
    return _packed_classes[cls]


class PackedContent:
    """Wired to the content plugin: `adopt` last in on_page_content, `open` and `close` around rendering."""

    def __init__(self, on: bool) -> None:
        self.on = on
        self.pages = 0
        self.failure: str | None = None  # why packing turned itself off

    def adopt(self, page: Page, html: str) -> None:
        """From now on `page.content` (which MkDocs sets to `html` next) is held packed."""
        if not self.on or type(page) in _packed_classes.values():
            return
        unpacked = page.__dict__.get("content")
        try:
            page.__class__ = packed_class(type(page))
        except TypeError as error:  # a Page with slots, or another layout
            self._turn_off(f"a page's class could not be given packed content ({error})")
            return
        page.__dict__.pop("content", None)
        if self.pages == 0 and not self._proved(page, html):
            page.__class__ = type(page).__mro__[1]
            page.__dict__.pop(PACKED, None)
            page.content = unpacked
            self._turn_off("the first page's content did not come back unchanged")
            return
        self.pages += 1

    def open(self, page: Page) -> None:
        """The page is about to be rendered: unpack it once."""
        if PACKED in page.__dict__:
            page.__dict__[OPEN] = _read(page)

    def close(self, page: Page) -> None:
        """The page is written: only its packed form stays."""
        page.__dict__.pop(OPEN, None)

    def _proved(self, page: Page, html: str) -> bool:
        page.content = html
        return "content" not in page.__dict__ and isinstance(page.__dict__.get(PACKED), bytes) and page.content == html

    def _turn_off(self, why: str) -> None:
        self.on = False
        self.failure = f"Packed page contents: {why}."
