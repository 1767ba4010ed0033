"""The `tip-content` MkDocs plugin: loads and checks content, adds generated pages.

It stays thin: the work is done by `tip_site.core` (loading, checking) and
`tip_site.views` (pages). Other plugins of ours read `plugin.site`.
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
import os
from pathlib import Path
from typing import Iterable

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from tip_site.adapters.assembled_pages import AssembledPages
from tip_site.adapters.material_markup import valid_material_html
from tip_site.adapters.packed_content import PackedContent
from tip_site.adapters.page_shells import SHELL_TEMPLATE, PageShells
from tip_site.adapters.quick_preview import OFF_SWITCH, QuickPreview, Superseded
from tip_site.adapters.render_cache import RenderCache, scope_of
from tip_site.adapters.serve_errors import show_errors_in_browser, show_first_build_errors_in_browser
from tip_site.adapters.serve_livereload import allow_live_reload
from tip_site.adapters.shared_nav import NavLinks, SharedNav, reach_material_templates
from tip_site.adapters.rendering_proof import RenderingProof
from tip_site.adapters.shared_parser import SharedParser, SharedParserPage
from tip_site.adapters.site_sections import SiteSections
from tip_site.adapters.speedups import SpeedUps, guard, wanted
from tip_site.adapters.staged_site import StagedSite
from tip_site.alongside import Alongside, HelperFailed, alongside
from tip_site.core import Problem, Site
from tip_site.core.build_date import build_date as scheduling_date
from tip_site.core.link_check import rewrite_source_links
from tip_site.views.content_note import with_content_note
from tip_site.views.content_security import with_policy
from tip_site.views.drafts import preview_banners
from tip_site.views.home_page import HomeData, HomePage
from tip_site.views.page_meta import escape_text_values
from tip_site.views.raw_html import put_back, set_aside
from tip_site.views.sanitiser import clean_content, clean_draft_preview
from tip_site.views.site_files import generated_files
from tip_site.views.site_links import page_sources, source_uris
from tip_site.views.site_pages import generated_pages
from tip_site.validation import build_report, nav_pages, validate

log = logging.getLogger("mkdocs.plugins.tip_site")
# The name under which the helper process keeps the site and its converted pages (views/site_outputs.py).
OUTPUTS = "outputs"
# What the helper process is sent work from: imported as it starts (and never by the build itself).
HELPER_MODULES = ("tip_site.views.site_outputs", "tip_site.search.indexer")
SITE_OUTPUTS = "tip_site.views.site_outputs:SiteOutputs"


def dirty_notice_as_info(record: logging.LogRecord) -> bool:
    """MkDocs warns on every `--dirty` build, which `strict: true` turns into an abort: make it INFO."""
    if record.levelno == logging.WARNING and record.getMessage().startswith("A 'dirty' build is being performed"):
        record.levelno, record.levelname = logging.INFO, "INFO"
    return True


class ContentConfig(Config):
    content_dir = c.Type(str, default="content")
    # Build into a staging folder that replaces site/ only when the build succeeds (adapters/staged_site.py).
    staged_build = c.Type(bool, default=True)
    # The speed-ups that lean on MkDocs' and Material's internals (adapters/speedups.py); the
    # environment variable TIP_SPEEDUPS=0 or 1 overrides this.
    speedups = c.Type(bool, default=True)
    # The sections the header menu lists on large screens (top-level pages of the nav, as file paths);
    # the others are listed in the footer. Empty: every top-level page.
    menu = c.Type(list, default=[])


def build_date() -> dt.date:
    """The date scheduled content is published against (TIP_BUILD_DATE or today)."""
    try:
        return scheduling_date()
    except ValueError as error:
        raise PluginError(str(error)) from None


class ContentPlugin(BasePlugin[ContentConfig]):
    site: Site | None = None
    root: Path | None = None
    is_serve: bool = False
    # HTML MkDocs rendered for each page, by source uri: feeds and emails reuse it. Only the
    # pages another plugin asked for (keep_rendered) keep theirs; the others map to "".
    rendered: dict[str, str]
    kept_rendered: set[str]
    home: HomeData | None = None  # what the home page's template shows
    # Pages shown with a "Draft" or "Scheduled for …" banner (only ever in `mkdocs serve`), by uri.
    banners: dict[str, str]
    generated_uris: frozenset[str] = frozenset()
    # The live site's pages, made by the validation's link check: on_files need not make them again.
    made_pages: list | None = None
    # Source files (from the project root) -> their uris on the site, and each page's source file.
    source_uris: dict[str, str] = {}
    page_sources: dict[str, str] = {}
    docs_prefix: str = "docs/"
    # Ready-made HTML blocks of a page between on_page_markdown and on_page_content, by source uri.
    set_aside: dict[str, list[str]]

    # The content problems that stopped the current build, for `mkdocs serve`'s error page.
    content_problems: list[Problem] = []
    # `mkdocs serve` only: pages whose Markdown is unchanged are not converted again on a rebuild.
    render_cache: RenderCache | None = None
    # Work no page needs (search index, feeds, emails), done on the other core while pages render.
    alongside: Alongside | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Remembers how MkDocs was started: previews show drafts.
        self.is_serve = command == "serve"
        self.is_dirty = dirty
        self.staged = StagedSite()
        if self.is_serve and not os.environ.get(OFF_SWITCH):  # the off switch
            self.render_cache = RenderCache()
        # A saved item's page shows first, the whole site after (quick_preview.py).
        self.quick = QuickPreview(on=self.is_serve and not dirty and not os.environ.get(OFF_SWITCH) and _speedups_wanted(self.config.speedups))
        if self.is_serve:  # a content error in the first build shows in the browser too
            show_first_build_errors_in_browser(lambda: self.content_problems)
        if dirty:
            # `--dirty` is asked for on purpose: MkDocs' notice about it must not abort a strict build.
            logging.getLogger("mkdocs.commands.build").addFilter(dirty_notice_as_info)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Objects a previous build kept out of the collector's way may go now.
        gc.unfreeze()
        root = self.root = Path(config.config_file_path).resolve().parent  # `-f` may give a relative path
        self._quick().build_starts(config, root)
        if self.is_serve:  # the previous rebuild's pages go before this one loads: memory stays flat
            gc.collect()
        try:
            self.speedups = guard(SpeedUps.all(wanted(self.config.speedups)), config, serving=self.is_serve)
        except ValueError as error:
            raise PluginError(str(error)) from None
        self.shared_pages = 0
        # Load afresh on every (re)build so `mkdocs serve` never keeps stale content.
        self.site = None
        self.content_problems = []
        self.rendered = {}
        self.kept_rendered = set()
        self.banners = {}
        self.generated_uris = frozenset()
        self.set_aside = {}
        self.made_pages = None
        self.home = None
        self.packed = PackedContent(self.speedups.packing)
        self.assembled = AssembledPages(config, assemble=self.speedups.assembly)
        if self.assembled.probe_failed:
            self.speedups.turn_off("assembly", "Assembled pages: the toc extension's headings could not be matched exactly.")
        self.today = build_date()
        # The helper process starts now and imports what it needs while the content is checked; with
        # the speed-ups off, or where no process can be started, its work is done here.
        if self.alongside is not None:  # one a stopped build left
            self.alongside.abandon()
        self.alongside = alongside(helper=self.speedups.switched_on, preload=HELPER_MODULES)
        docs_dir = Path(config.docs_dir).relative_to(root).as_posix()
        # Exactly the check's validation, before MkDocs writes anything: on any error the
        # build stops with the check's messages (the content file and line, never a generated page).
        result = validate(
            root, self.today, self.config.content_dir, docs_dir, other_pages=nav_pages(config.nav),
            site_url=None if self.is_serve else config.site_url,
        )
        for warning in result.warnings:
            # INFO, not WARNING: MkDocs' strict mode aborts on any logged warning, and
            # a content warning (say, a quarter without a meeting) must not stop a build.
            log.info(str(warning))
        if result.errors:
            self.content_problems = [*result.errors, *result.warnings]
            raise PluginError(build_report(result.errors))
        assert result.content is not None and result.site is not None
        if self.is_serve:  # previews show drafts and scheduled items too, each under its banner
            self.site = result.content.view(include_drafts=True)
        else:
            self.site, self.made_pages = result.site, result.live_pages
        self.banners = preview_banners(self.site, self.today)
        # In `serve`, pages shown first stay in view while the whole site is rebuilt: staged there too.
        if self.config.staged_build and (not self.is_serve or self._quick().on) and not getattr(self, "is_dirty", False):
            self._staged().begin(config)
        if self.speedups.gc_freeze:
            gc.freeze()  # the content lives until the build ends (see on_env)
        return config

    def _staged(self) -> StagedSite:
        if not hasattr(self, "staged"):  # on_startup is not called when MkDocs is driven as a library
            self.staged = StagedSite()
        return self.staged

    def _quick(self) -> QuickPreview:
        if not hasattr(self, "quick"):  # on_startup is not called when MkDocs is driven as a library
            self.quick = QuickPreview(on=False)
        return self.quick

    def _check_superseded(self) -> None:
        if self._quick().superseded():
            raise Superseded()

    @event_priority(-95)  # once every plugin has finished, before the site is published
    def _remember_build(self, *, config: MkDocsConfig) -> None:
        self._quick().build_ends(config, self._files, self._nav, self.proof.env, self)

    @event_priority(-100)  # after every other plugin has written its files
    def _publish_site(self, *, config: MkDocsConfig) -> None:
        self._staged().publish(config)

    def on_build_error(self, *, error: Exception) -> None:
        self._quick().build_failed(error)
        if self.alongside is not None:
            self.alongside.abandon()
            self.alongside = None
        self._staged().abandon()

    @event_priority(-90)  # after the other plugins' post_build, before the site is published
    def _finish_alongside(self, *, config: MkDocsConfig) -> None:
        helper, self.alongside = self.alongside, None
        if helper is None:
            return
        try:
            helper.finish()
        except HelperFailed as failed:
            raise PluginError(
                f"The site could not be finished: {failed}. Build again; if it fails again, build with "
                "TIP_SPEEDUPS=0 (no helper process) to see the full error, and tell the site's maintainers."
            ) from None

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.site is not None
        self._withhold_draft_docs(files)
        # `mkdocs serve` sets site_url to its own address: calendar subscription (webcal:) links
        # would point at the preview, so previews offer the calendar files only.
        pages = self.made_pages or generated_pages(self.site, self.today, None if self.is_serve else config.site_url)
        self.made_pages = None  # made for this build only
        self.home = next((page.data for page in pages if isinstance(page, HomePage)), None)
        self.generated_uris = frozenset(page.uri for page in pages)
        parser = None
        for page in pages:
            if files.get_file_from_path(page.uri) is not None:
                raise PluginError(
                    f"{config.docs_dir}/{page.uri}: this page would replace a page the site generates "
                    "from content/ — rename or remove the file in docs/"
                )
            # Drafts and scheduled items (previews only) are read whole as Markdown, under their banner.
            content = page.markdown if page.uri in self.banners else self.assembled.source_of(page)
            file = File.generated(config, page.uri, content=content)
            files.append(file)
            if self.speedups.parser and page.uri in self.assembled.sharing_shells:  # made by the hundred: one parser for all
                parser = parser or SharedParser(config)
                SharedParserPage(file, config, parser)
                self.shared_pages += 1
        self._add_generated_files(files, config)
        # Links written to a source file (../resources/x.md, as GitHub's preview expects) lead to its page.
        self.source_uris = source_uris(self.site)
        self.page_sources = page_sources(self.site)
        self.docs_prefix = Path(config.docs_dir).resolve().relative_to(self.root).as_posix() + "/"
        self._files = files
        return files

    def on_shutdown(self) -> None:
        self._quick().shutdown()  # a whole rebuild under way stops and removes its staging folder

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        # A failed rebuild shows its problems in the browser instead of leaving it waiting.
        server.builder = show_errors_in_browser(server.builder, server.root, lambda: self.content_problems)
        server.builder = self._quick().wrap(server, server.builder)  # a saved item's page first, then the whole site
        allow_live_reload(server)  # its injected script, under the pages' Content-Security-Policy
        return server

    def keep_rendered(self, uris: Iterable[str]) -> None:
        """Ask for these pages' rendered HTML to be kept in `rendered` (call from on_files)."""
        self.kept_rendered.update(uris)

    def _add_generated_files(self, files: Files, config: MkDocsConfig) -> None:
        """Files that are not pages: data for the browser, and attachments copied from content/."""
        assert self.site is not None and self.root is not None
        for extra in generated_files(self.site):
            if extra.source is not None:
                files.append(File.generated(config, extra.uri, abs_src_path=str(self.root / extra.source)))
            else:
                files.append(File.generated(config, extra.uri, content=extra.content))

    def _withhold_draft_docs(self, files: Files) -> None:
        # The core left draft docs/ pages out of site.pages: MkDocs builds them only in `serve`.
        published = {page.path for page in self.site.pages}
        for file in files.documentation_pages():
            if file.generated_by is None and file.src_uri not in published and file.name.lower() != "readme":
                file.inclusion = InclusionLevel.DRAFT

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self._check_superseded()
        source = self.page_sources.get(page.file.src_uri)
        if source is not None:
            markdown = rewrite_source_links(
                markdown, source, page.file.src_uri, self.source_uris,
                lambda uri: files.get_file_from_path(uri) is not None, self.docs_prefix,
            )
        if page.file.src_uri in self.generated_uris:
            # The page has read its Markdown: the file's copy would only hold memory (thousands of pages).
            page.file.content_string = ""
            if page.file.src_uri not in self.assembled:
                # Our views' ready-made HTML skips Markdown's parser (put back in on_page_content).
                markdown, self.set_aside[page.file.src_uri] = set_aside(markdown)
            if self.speedups.shells and page.file.src_uri in self.assembled.sharing_shells:
                page.meta["template"] = SHELL_TEMPLATE
        # Previews say plainly which pages the live site will not show yet.
        markdown = self.banners.get(page.file.src_uri, "") + markdown
        if self.render_cache is not None and self.render_cache.unchanged(page.file.src_uri, markdown):
            return ""  # converted on the previous rebuild: on_page_content puts that HTML back
        return markdown

    @event_priority(50)  # first: every other plugin sees the finished HTML
    def _complete_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.render_cache is not None:
            html = self.render_cache.converted(page, html)
        uri = page.file.src_uri
        # What editors wrote is sanitised before the site's own parts go around it.
        if uri not in self.generated_uris or uri in self.assembled:
            html = clean_content(html)
        elif uri in self.banners or uri in self.assembled.whole:  # read whole: editor's text and ours
            html = clean_draft_preview(html)
        html = put_back(html, self.set_aside.pop(page.file.src_uri, []))
        html = self.assembled.complete(page, html)
        html = with_content_note(html, page.meta.get("content_note"))
        # Kept so feeds and email editions use exactly the HTML the site shows.
        self.rendered[page.file.src_uri] = html if page.file.src_uri in self.kept_rendered else ""
        return html

    @event_priority(-50)  # last: once every plugin has seen the page's Markdown
    def _release_markdown(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # MkDocs renders every page before it writes any; their Markdown is not needed after
        # rendering, and letting it go keeps peak memory near plain MkDocs' at 5,000 resources.
        # An empty string, not None: a page's title (from its front matter or first heading)
        # is None once its Markdown is None, and the navigation and <title> would say so.
        page.markdown = ""
        return html

    @event_priority(-50)  # last: other plugins read the front matter as it was written
    def _escape_front_matter(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Templates (Material's among them) print page.meta values as they are: they get them
        # as escaped text, before any page is rendered (one page's title shows in another's nav).
        escape_text_values(page.meta)
        return html

    @event_priority(-100)  # after every other plugin has the page's HTML as a string
    def _pack_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # MkDocs holds every page's HTML until it renders them all: held packed, it takes a fifth.
        self.packed.adopt(page, html)
        return html

    on_page_content = CombinedEvent(_complete_content, _release_markdown, _escape_front_matter, _pack_content)

    @event_priority(100)  # first: the page as its template rendered it, proved (rendering_proof.py)
    def _prove_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return self.proof.on_post_page(output, page)

    @event_priority(-100)  # after every other plugin has changed the page
    def _add_policy(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        self._check_superseded()
        return with_policy(valid_material_html(output))

    @event_priority(-100)
    def _repack_content(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        self.packed.close(page)  # written: the page's HTML is held packed again
        return output

    on_post_page = CombinedEvent(_prove_page, _add_policy, _repack_content)

    @event_priority(-100)
    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        # The theme's pages that are not pages of the site: the 404 page (sitemap.xml is not HTML).
        if not template_name.endswith(".html"):
            return output_content
        return with_policy(valid_material_html(output_content))

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self.render_cache is not None:  # links in converted pages resolve against these
            config_text = Path(config.config_file_path).read_text(encoding="utf-8")
            self.render_cache.begin(scope_of([f.src_uri for f in files.documentation_pages()], config_text))
        self._nav = nav
        nav_links = NavLinks(nav)
        self.proof = RenderingProof(config)
        self.shared_nav = SharedNav(nav, nav_links, self.proof if self.speedups.nav else None)
        self.page_shells = PageShells(nav_links, self.proof if self.speedups.shells else None)
        self.sections = SiteSections(nav, files, self.config.menu)
        return nav

    @event_priority(100)  # first: the page's HTML is read unpacked while it is rendered
    def _unpack_content(self, context, *, page: Page, config: MkDocsConfig, nav: Navigation):
        self.packed.open(page)
        return context

    @event_priority(-100)  # last: the context is complete, as the template will get it
    def _prove_context(self, context, *, page: Page, config: MkDocsConfig, nav: Navigation):
        return self.proof.on_page_context(context, page)

    on_page_context = CombinedEvent(_unpack_content, _prove_context)

    @event_priority(100)  # first: pages rendered again are written before other plugins look at the site
    def _prove_and_report(self, *, config: MkDocsConfig) -> None:
        self.proof.on_post_build()
        if self.packed.failure:
            self.speedups.turn_off("packing", self.packed.failure)
        log.info(self.speedups.report(self.page_shells, self.shared_nav, self.proof, self.shared_pages, self.packed.pages))
        log.debug(self.page_shells.report())
        if self.render_cache is not None:
            log.debug("%d pages reused from the previous rebuild's conversion", len(self.render_cache.reused))

    on_post_build = CombinedEvent(_prove_and_report, _finish_alongside, _remember_build, _publish_site)

    @property
    def outputs(self) -> Alongside:
        """Where feeds, calendars and emails are made: call(OUTPUTS, method of SiteOutputs, …) from on_env."""
        assert self.alongside is not None, "tip-content hands the outputs over first, in on_env"
        return self.alongside

    @event_priority(100)  # first: other plugins' on_env send the helper work on what it gets here
    def _hand_over_outputs(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        # MkDocs has converted every page: the site and the HTML kept for feeds and emails go to the helper.
        assert self.site is not None and self.alongside is not None  # both made in on_config
        self.alongside.start(OUTPUTS, SITE_OUTPUTS, self.site.without_bodies(), _utf8(self.rendered))
        return env

    def _env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        # The content, files and navigation live until the build ends: the garbage collector
        # need not look at them again while thousands of pages are rendered.
        if self.speedups.gc_freeze:
            gc.freeze()
        self.proof.env = env
        # Templates compiled once, not on every build: Jinja keeps their bytecode in a private
        # folder of the user's temporary directory, checked against each template's source.
        try:
            env.bytecode_cache = FileSystemBytecodeCache()
        except (OSError, RuntimeError):  # no safe temporary folder: compile as MkDocs does
            log.debug("no folder for Jinja's bytecode cache: templates are compiled on every build")
        reach_material_templates(env)
        env.globals["tip_shared_nav"] = self.shared_nav
        env.globals["tip_page_from_shell"] = self.page_shells
        env.globals["tip_site_menu"] = self.sections.menu
        env.globals["tip_site_footer"] = self.sections.footer
        env.globals["tip_page_contents"] = self.sections.contents
        env.globals["tip_home"] = self.home  # what the home page's template shows (views/home_page.py)
        return env

    on_env = CombinedEvent(_hand_over_outputs, _env)


def _speedups_wanted(configured: bool) -> bool:
    try:
        return wanted(configured)
    except ValueError:  # on_config stops the build with the message
        return False


def _utf8(rendered: dict[str, str]) -> dict[str, bytes]:
    """The pages' HTML as SiteOutputs takes it (views/site_outputs.py), without importing it here."""
    return {uri: html.encode("utf-8") for uri, html in rendered.items()}
