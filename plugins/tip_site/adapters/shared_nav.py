"""Material's site navigation, rendered once for all the pages that share it.

Every page carries the whole navigation. Thousands of pages — resources,
library lists, newsletter issues, events — are not in it, so nothing in it is
marked current on them and theirs differs from page to page only in its
relative links. Profiled at 1,000 resources, rendering it was two fifths of
all template time; this keeps one rendering per distinct set of links.

Pages in the navigation, and any page a plugin placed under a section (whose
ancestors are then marked current), are rendered as Material renders them.
rendering_proof.py proves the shared renderings on a sample of their pages.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import material
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader
from markupsafe import Markup
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url

from tip_site.adapters.rendering_proof import PageReads, RenderingProof

# overrides/partials/nav.html reaches Material's own partial under this prefix.
MATERIAL_PREFIX = "material"
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"


def reach_material_templates(env: Environment) -> None:
    """Let an override include the Material template it replaces, as `material/<path>`."""
    env.loader = ChoiceLoader([env.loader, PrefixLoader({MATERIAL_PREFIX: FileSystemLoader(str(MATERIAL_TEMPLATES))})])


class NavLinks:
    """The relative links from a page to every page of the navigation, as the theme writes them."""

    def __init__(self, nav: Navigation) -> None:
        self.urls = [page.url for page in nav.pages]
        self._known: dict[tuple[str, str, bool], tuple[str, ...]] = {}

    def __call__(self, page: Page, base_url: str) -> tuple[str, ...]:
        # They depend only on the page's folder, unless a navigation page lies below the page itself.
        folder = page.url.rstrip("/").rpartition("/")[0]
        key = (base_url, folder, any(url.startswith(page.url) for url in self.urls))
        links = self._known.get(key)
        if links is None or key[2]:
            links = self._known[key] = (base_url, *(normalize_url(url, page=page, base=base_url) for url in self.urls))
        return links


_EACH_PAGE: Any = object()  # a key whose navigation reads something of each page's own


class SharedNav:
    """Called by overrides/partials/nav.html as `tip_shared_nav(page, base_url, render)`."""

    def __init__(self, nav: Navigation, nav_links: NavLinks, proof: RenderingProof | None = None) -> None:
        self._in_nav = {id(page) for page in nav.pages}
        self._nav_links = nav_links
        self._proof = proof  # None: the navigation is rendered for every page
        self._rendered: dict[tuple, Markup] = {}
        self.shared = 0  # pages given a navigation rendered for another page

    @property
    def renderings(self) -> int:
        return sum(1 for rendered in self._rendered.values() if rendered is not _EACH_PAGE)

    def __call__(self, page: Page | None, base_url: str, render: Callable[[], Markup]) -> Markup:
        proof = self._proof
        if proof is None or proof.plain or page is None or id(page) in self._in_nav or page.parent is not None:
            return render()
        # What the navigation shows differs between such pages only by these relative links
        # (and by anything a hook or plugin gave the page: see rendering_proof.py).
        key = ("nav", self._nav_links(page, base_url), proof.extras)
        if proof.failed(key):
            return render()
        rendered = self._rendered.get(key)
        if rendered is _EACH_PAGE:
            return render()
        if rendered is None:
            # The template's reads of the page show whether it writes anything of the page's own.
            with PageReads(proof.env, page) as reads:
                rendered = Markup(render())
            if reads.per_page:
                proof.per_page_reads.update(reads.per_page)
                self._rendered[key] = _EACH_PAGE
            else:
                self._rendered[key] = rendered
        else:
            self.shared += 1
            proof.used(key, f"the navigation shared by pages like {page.url}")
        return rendered
