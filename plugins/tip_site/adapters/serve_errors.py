"""In `mkdocs serve`, a build that fails shows its problems in the browser.

MkDocs' live-reload server holds every request while a rebuild is pending and,
when the rebuild fails, never marks it done: the browser waits for ever and the
message is only in the terminal. Wrapping the server's builder, a failed rebuild
instead writes a page listing the problems (file, line, field, fix) at every
address of the preview, and counts as done, so open browsers reload onto it.
The next good build replaces it with the site (MkDocs cleans the folder first).

MkDocs builds once before its server starts, and a failure there stops
`mkdocs serve`. For that first build the wrapper goes around the build
function MkDocs' serve command calls, once checked to be MkDocs' own: the
server starts on the error page, and the next save rebuilds as usual.
"""

from __future__ import annotations

import html
import inspect
import logging
from itertools import groupby
from pathlib import Path
from typing import Callable

from tip_site.adapters.logged_warnings import LoggedWarnings
from tip_site.adapters.quick_preview import Superseded
from tip_site.core.problems import Problem
from tip_site.views.content_security import with_policy

log = logging.getLogger("mkdocs.plugins.tip_site")


def show_errors_in_browser(builder: Callable[[], None], site_dir: str, content_problems: Callable[[], list[Problem]]) -> Callable[[], None]:
    """`builder`, which on failure writes the error page into `site_dir` instead of raising.

    `content_problems` returns the content problems the failed build found (empty if it failed otherwise).
    """

    def build_or_show_errors() -> None:
        with LoggedWarnings() as logged:  # MkDocs' own warnings and errors (a strict build stops on them)
            try:
                builder()
            except Superseded:  # not a failure: a newer save starts the next rebuild at once
                raise
            except Exception as error:  # noqa: BLE001 — any failure: the browser must not wait for ever
                page = error_page(content_problems(), [*logged.messages, str(error)])
                write_everywhere(Path(site_dir), page)
                log.error("The preview shows the problems above on every page until they are fixed.")

    return build_or_show_errors


def show_first_build_errors_in_browser(content_problems: Callable[[], list[Problem]]) -> bool:
    """Make `mkdocs serve`'s first build, should it fail, start the preview on the error page.

    Call from on_startup. Returns whether it could (the serve command is as expected).
    """
    try:
        import mkdocs.commands.build as build_command  # ProperDocs maps these names to its own modules
        import mkdocs.commands.serve as serve_command
    except ImportError:
        serve_command = build_command = None
    build = getattr(serve_command, "build", None)
    if build is None or build is not getattr(build_command, "build", None) or not _takes_serve_arguments(build):
        log.info("A content error in the preview's first build stops `mkdocs serve`: fix it and start it again.")
        return False

    def first_build(config, **options) -> None:
        serve_command.build = build  # later builds are wrapped by on_serve, as the server's builder
        show_errors_in_browser(lambda: build(config, **options), config.site_dir, content_problems)()

    serve_command.build = first_build
    return True


def _takes_serve_arguments(build: Callable[..., None]) -> bool:
    try:
        parameters = inspect.signature(build).parameters
    except (TypeError, ValueError):
        return False
    return "config" in parameters and {"serve_url", "dirty"} <= parameters.keys()


def write_everywhere(site_dir: Path, page: str) -> int:
    """The error page at every page address of the last build, and at the home page and 404."""
    targets = {site_dir / "index.html", site_dir / "404.html", *site_dir.rglob("*.html")}
    data = page.encode("utf-8")
    for target in targets:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return len(targets)


def error_page(problems: list[Problem], messages: list[str]) -> str:
    """A plain, self-contained page under the site's Content-Security-Policy (it needs no script or style)."""
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        heading = f"The preview cannot be built: {len(errors)} problem{'s' if len(errors) != 1 else ''} in the content"
        body = []
        for path, items in groupby(sorted(errors), key=lambda p: p.path):
            body.append(f"<h2><code>{_e(path)}</code></h2>\n<ul>")
            for problem in items:  # worded as ./scripts/check words them
                where = f"line {problem.line}" if problem.line else "file"
                field = f" <code>{_e(problem.field)}</code>:" if problem.field else ""
                fix = f"<br>How to fix: {_e(problem.fix)}" if problem.fix else ""
                body.append(f"<li><strong>Error, {where}:</strong>{field} {_e(problem.message)}{fix}</li>")
            body.append("</ul>")
    else:
        heading = "The preview cannot be built"
        body = ["<ul>", *(f"<li><pre>{_e(m)}</pre></li>" for m in dict.fromkeys(messages) if m.strip()), "</ul>"]
    return with_policy("\n".join([
        "<!doctype html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="robots" content="noindex">',
        f"<title>{_e(heading)}</title>",
        "</head>",
        "<body>",
        '<main id="tip-preview-errors">',
        f"<h1>{_e(heading)}</h1>",
        "<p>Fix the problems below and save the file: this page is replaced by the site as soon as the "
        "content is right. The same messages are in the terminal, and <code>./scripts/check</code> lists them too.</p>",
        *body,
        "</main>",
        "</body>",
        "</html>",
        "",
    ]))


def _e(text: str) -> str:
    return html.escape(text, quote=True)
