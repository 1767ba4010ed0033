"""Material's site navigation, rendered once for all the pages that share it.

Every page carries the whole navigation. Thousands of pages — resources,
library lists, newsletter issues, events — are not in it, so nothing in it is
marked current on them and theirs differs from page to page only in its
relative links. Profiled at 1,000 resources, rendering it was two fifths of
all template time; this keeps one rendering per distinct set of links.

Pages in the navigation, and any page a plugin placed under a section (whose
ancestors are then marked current), are rendered as Material renders them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import material
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader
from markupsafe import Markup
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url

# overrides/partials/nav.html reaches Material's own partial under this prefix.
MATERIAL_PREFIX = "material"
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"


def reach_material_templates(env: Environment) -> None:
    """Let an override include the Material template it replaces, as `material/<path>`."""
    env.loader = ChoiceLoader([env.loader, PrefixLoader({MATERIAL_PREFIX: FileSystemLoader(str(MATERIAL_TEMPLATES))})])


class SharedNav:
    """Called by overrides/partials/nav.html as `tip_shared_nav(page, base_url, render)`."""

    def __init__(self, nav: Navigation) -> None:
        self._in_nav = {id(page) for page in nav.pages}
        self._urls = [page.url for page in nav.pages]
        self._rendered: dict[tuple[str, ...], Markup] = {}

    def __call__(self, page: Page | None, base_url: str, render: Callable[[], Markup]) -> Markup:
        if page is None or id(page) in self._in_nav or page.parent is not None:
            return render()
        # What the navigation shows differs between such pages only by these relative links.
        key = (base_url, *(normalize_url(url, page=page, base=base_url) for url in self._urls))
        rendered = self._rendered.get(key)
        if rendered is None:
            rendered = self._rendered[key] = Markup(render())
        return rendered
