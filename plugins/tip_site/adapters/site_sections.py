"""The header menu, footer links and contents lists, from MkDocs' navigation, for the templates.

The choices are made in tip_site.views.site_menu; this only reads MkDocs'
navigation and files and hands the results to Jinja as globals.
"""

from __future__ import annotations

import logging
from typing import Sequence

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from tip_site.views.site_menu import Link, footer_groups, menu_links, page_contents

log = logging.getLogger("mkdocs.plugins.tip_site")


class SiteSections:
    def __init__(self, nav: Navigation, files: Files, menu_paths: Sequence[str]) -> None:
        self._top = [item for item in nav.items if isinstance(item, Page)]
        self._menu_paths = list(menu_paths)
        self._files = files
        self._links: tuple[list[Link], list[tuple[str, list[Link]]]] | None = None
        by_path = {page.file.src_uri for page in self._top}
        missing = [path for path in menu_paths if path not in by_path]
        if missing:  # a site whose nav leaves a section out still builds, without it in the menu
            log.info("tip-content: menu: %s is not a top-level page of the nav: left out of the menu", ", ".join(missing))

    def _made(self) -> tuple[list[Link], list[tuple[str, list[Link]]]]:
        # Made on first use, once every page has been read: a page the nav gives no title to
        # takes its own (front matter or first heading), which MkDocs knows only then.
        if self._links is None:
            nav = [Link(_title(page), page.url) for page in self._top if not page.is_homepage]
            by_path = {page.file.src_uri: Link(_title(page), page.url) for page in self._top}
            chosen = [by_path[path] for path in self._menu_paths if path in by_path]
            menu = chosen if self._menu_paths else list(nav)
            existing = {file.url for file in self._files.documentation_pages()}
            self._links = (menu, footer_groups(nav, menu, existing))
        return self._links

    def menu(self, page: Page | None) -> list[Link]:
        return menu_links(self._made()[0], page.url if page is not None else None)

    def footer(self, page: Page | None = None) -> list[tuple[str, list[Link]]]:
        return self._made()[1]

    @staticmethod
    def contents(page: Page | None) -> list:
        return page_contents(page.toc) if page is not None and page.toc else []


def _title(page: Page) -> str:
    return str(page.title or "")
