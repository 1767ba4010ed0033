"""Which of the build's speed-ups run, and the one line the build log says about them.

The speed-ups lean on MkDocs' and Material's internals: pages filled in from
shells (page_shells.py), assembled pages and one shared Markdown parser
(assembled_pages.py, shared_parser.py), shared navigation (shared_nav.py),
page contents packed until rendered (packed_content.py) and `gc.freeze`. All
of them go off together with `speedups: false` under `tip-content` in
mkdocs.yml, or TIP_SPEEDUPS=0 in the environment (which wins),
and the site is then rendered by MkDocs and Material alone: the reference the
tests and the run-time proofs compare against. Each part also turns itself off,
with an INFO line saying why, where the installed engine or the site's settings
are not ones the tests cover.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

ENVIRONMENT_VARIABLE = "TIP_SPEEDUPS"
_ON = {"1", "true", "yes", "on"}
_OFF = {"0", "false", "no", "off"}


def wanted(configured: bool) -> bool:
    """The plugin's `speedups` option, unless TIP_SPEEDUPS says otherwise."""
    value = os.environ.get(ENVIRONMENT_VARIABLE, "").strip().lower()
    if value in _ON:
        return True
    if value in _OFF:
        return False
    if value:
        raise ValueError(f"{ENVIRONMENT_VARIABLE}={os.environ[ENVIRONMENT_VARIABLE]!r}: use 1 or 0 (true or false)")
    return configured


@dataclass
class SpeedUps:
    """The parts in use for this build, and why any is not."""

    shells: bool
    parser: bool
    nav: bool
    assembly: bool
    gc_freeze: bool
    packing: bool = False  # page contents held compressed until rendered (packed_content.py)
    not_used: list[str] = field(default_factory=list)  # "why" sentences for the build log
    switched_on: bool = True  # false: `speedups: false` or TIP_SPEEDUPS=0

    @classmethod
    def all(cls, on: bool) -> "SpeedUps":
        # Assembled pages are not switched: their editor's text is sanitised apart from our parts,
        # and the off switch must not change what a page shows (the heading probe guards them).
        return cls(on, on, on, True, on, packing=on, switched_on=on)

    def turn_off(self, part: str, why: str) -> None:
        if getattr(self, part):
            setattr(self, part, False)
            self.not_used.append(why)

    @property
    def any(self) -> bool:
        return self.shells or self.parser or self.nav or self.gc_freeze or self.packing

    def report(self, shells, nav, proof, parser_pages: int, packed_pages: int = 0) -> str:
        """One INFO line: what was used, how much, and why any part was not."""
        if not self.switched_on:
            text = f"Speed-ups off (speedups: false or {ENVIRONMENT_VARIABLE}=0): every page rendered by MkDocs and the theme"
            if self.not_used:
                text += ". Not used: " + " ".join(self.not_used)
            return text
        used = []
        if self.shells:
            used.append(f"{shells.filled:,} of {proof.pages:,} pages from {shells.shells} shells")
            if shells.unproved:
                used.append(f"{shells.unproved} page shapes rendered in full (their pages differ beyond the shells' slots)")
        if self.nav:
            used.append(f"{nav.shared:,} pages given one of {nav.renderings} shared navigations")
        if self.parser:
            used.append(f"{parser_pages:,} pages through one Markdown parser")
        if self.assembly:
            used.append("assembled pages")
        if self.gc_freeze:
            used.append("gc.freeze")
        if self.packing:
            used.append(f"{packed_pages:,} pages' contents packed until rendered")
        text = "Speed-ups: " + ("; ".join(used) if used else "none")
        if proof.proved:
            text += f"; {proof.proved:,} pages proved against the theme's rendering"
        if proof.per_page_reads:
            text += (f"; templates read page.{', page.'.join(sorted(proof.per_page_reads))} (a value of each page's own),"
                     " so the pages concerned are rendered in full")
        if proof.failures:
            text += f"; failed and rendered in full: {', '.join(proof.failures)}"
        if self.not_used:
            text += ". Not used: " + " ".join(self.not_used)
        return text


# The engines and versions the test suite covers (tests/test_speedups.py, and CI's ProperDocs job).
TESTED_ENGINES = {("mkdocs", "1.6.1"), ("properdocs", "1.6.7")}
# Markdown extensions whose state the shared parser's reset is tested to clear (MkDocs adds the first three).
TESTED_EXTENSIONS = frozenset({
    "toc", "tables", "fenced_code", "attr_list", "md_in_html", "admonition", "def_list", "footnotes", "abbr",
    "pymdownx.details", "pymdownx.superfences",
})
# `toc` settings the assembled pages' heading probe is tested with (tests/test_assembled_pages.py).
TESTED_TOC_SETTINGS = frozenset({"permalink", "permalink_title", "permalink_class", "baselevel", "separator", "slugify", "toc_depth", "title"})


def engine() -> tuple[str, str]:
    import mkdocs  # under ProperDocs, this is ProperDocs (it stands in for `mkdocs`)

    return mkdocs.__name__.split(".")[0], getattr(mkdocs, "__version__", "?")


def extension_names(config) -> list[str]:
    names = [name if isinstance(name, str) else f"{type(name).__module__}.{type(name).__name__}" for name in config.markdown_extensions]
    return [name.removeprefix("markdown.extensions.") for name in names]


def guard(speedups: SpeedUps, config, serving: bool) -> SpeedUps:
    """Turn off the parts the installed engine or the site's settings would take off tested ground."""
    if serving:
        speedups.turn_off("gc_freeze", "gc.freeze is for `build` only (in `serve` it would hold every rebuild's objects).")
    name, version = engine()
    if (name, version) not in TESTED_ENGINES:
        tested = ", ".join(f"{n} {v}" for n, v in sorted(TESTED_ENGINES))
        speedups.turn_off("parser", f"The shared Markdown parser is tested with {tested}, not {name} {version}.")
    untested = [n for n in extension_names(config) if n not in TESTED_EXTENSIONS]
    if untested:
        speedups.turn_off("parser", f"The shared Markdown parser is not tested with {', '.join(untested)}.")
    toc = (config.mdx_configs or {}).get("toc", {}) or {}
    untested_toc = sorted(set(toc) - TESTED_TOC_SETTINGS)
    if untested_toc:
        speedups.turn_off("assembly", f"Assembled pages are not tested with the toc settings {', '.join(untested_toc)}.")
    return speedups
