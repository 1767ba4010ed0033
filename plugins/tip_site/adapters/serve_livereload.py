"""Live reload in `mkdocs serve` under the site's Content-Security-Policy.

MkDocs' live-reload server writes an inline `<script>` into every HTML page it
serves: its poller, holding the build's epoch and an id for the request. The
policy every page carries (`script-src 'self'` and the hashes of the page's
own inline scripts) blocks it, so an open page would never reload after a
save. Instead of weakening the policy, the preview serves the same poller as a
same-origin script file, and the page gets `<script src=… data-epoch=…
data-request-id=…>` in its place.

That leans on MkDocs' internals (the server's `_inject_js_into_html` and the
script template beside it), so they are proven first, on a sample page: the
server must inject exactly its template, as expected. If anything differs (a
newer MkDocs, a fork), the preview serves its pages without the policy and
says so: live reload keeps working, and so does `mkdocs serve`.
"""

from __future__ import annotations

import logging
import re
import string
import sys
import time
from typing import Any, Callable, Iterable

log = logging.getLogger("mkdocs.plugins.tip_site")

# Where the preview serves the poller: under the path MkDocs' server answers its polls on.
SCRIPT_PATH = "/livereload/poller.js"

# The server's template ends by calling its poller with the two values it fills in.
_TEMPLATE_CALL = "livereload(${epoch}, ${request_id});"
_SAMPLE_PAGE = b"<html><body><p>sample</p></body></html>"
_SAMPLE_EPOCH = 4242
_POLICY_TAG = re.compile(rb'<meta http-equiv="Content-Security-Policy" content="[^"]*"/?>\n?')

WsgiApp = Callable[[dict, Callable[..., Any]], Iterable[bytes]]


def allow_live_reload(server: Any) -> str:
    """Make `server` (MkDocs' LiveReloadServer) reload pages without breaking their policy.

    Returns "script file" when the poller is served as a file, "no policy" when the
    preview falls back to pages without the policy, "unchanged" when neither was possible.
    """
    try:
        poller = proven_poller(server)
        if poller is not None:
            server.set_app(_serving_poller(server.get_app(), poller.encode("utf-8")))
            server._inject_js_into_html = _inject_script_tag
            _reload_error_pages(server)
            return "script file"
        server.set_app(_without_policy(server.get_app()))
    except Exception as error:  # noqa: BLE001 — the preview must start whatever its server is
        log.info("Live reload may be blocked by the pages' Content-Security-Policy (%s): reload pages by hand.", error)
        return "unchanged"
    log.info(
        "This version of MkDocs injects its live-reload script differently: the preview serves pages "
        "without their Content-Security-Policy so that they reload by themselves. The built site keeps it."
    )
    return "no policy"


def proven_poller(server: Any) -> str | None:
    """The poller as a script file reading its values from its tag, if the server injects as expected."""
    template = getattr(sys.modules.get(type(server).__module__), "_SCRIPT_TEMPLATE_STR", None)
    inject = getattr(server, "_inject_js_into_html", None)
    if not isinstance(template, str) or not callable(inject) or not callable(getattr(server, "set_app", None)):
        return None
    body, _, call = template.rstrip().rpartition("\n")
    if call.strip() != _TEMPLATE_CALL or "$" in body:
        return None
    try:
        injected = inject(_SAMPLE_PAGE, _SAMPLE_EPOCH)
    except Exception:  # noqa: BLE001 — not the method we know
        return None
    # The proof: the sample page, with exactly the template (these values in it) before </body>.
    found = re.fullmatch(rb"<html><body><p>sample</p><script>(.*)</script></body></html>", injected or b"", re.S)
    if not found:
        return None
    request_id = re.search(r"livereload\(%d, ([0-9]+)\);\s*$" % _SAMPLE_EPOCH, found[1].decode("utf-8"))
    if not request_id:
        return None
    expected = string.Template(template).substitute(epoch=_SAMPLE_EPOCH, request_id=request_id[1])
    if found[1].decode("utf-8") != expected:
        return None
    return (
        "// MkDocs' live-reload poller, served as a file for the pages' Content-Security-Policy:\n"
        "// its tag gives it the build's epoch and the request's id.\n"
        f"{body}\n"
        "livereload(Number(document.currentScript.dataset.epoch), Number(document.currentScript.dataset.requestId));\n"
    )


def _inject_script_tag(content: bytes, epoch: int) -> bytes:
    """As MkDocs' injection (before the last </body>), a same-origin script tag in place of its inline script."""
    try:
        body_end = content.rindex(b"</body>")
    except ValueError:
        body_end = len(content)
    request_id = round(time.monotonic() * 1000)  # as MkDocs makes it: one per page load
    tag = f'<script src="{SCRIPT_PATH}" data-epoch="{int(epoch)}" data-request-id="{request_id}"></script>'
    return content[:body_end] + tag.encode("ascii") + content[body_end:]


def _reload_error_pages(server: Any) -> None:
    """The 404 page reloads by itself too (MkDocs' does not): after a failed first build it is the
    error page at every address, and a page an editor is about to create shows once saved."""
    error_handler = getattr(server, "error_handler", None)
    if not callable(error_handler) or not isinstance(getattr(server, "_visible_epoch", None), int):
        return

    def error_page_that_reloads(code: int) -> bytes | None:
        content = error_handler(code)
        epoch = getattr(server, "_visible_epoch", None)  # the build this page belongs to, as MkDocs' injection takes it
        return _inject_script_tag(content, epoch) if content is not None and isinstance(epoch, int) else content

    server.error_handler = error_page_that_reloads


def _serving_poller(app: WsgiApp, poller: bytes) -> WsgiApp:
    def app_with_poller(environ: dict, start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == SCRIPT_PATH:
            start_response("200 OK", [
                ("Content-Type", "text/javascript; charset=utf-8"),
                ("Content-Length", str(len(poller))),
                ("Cache-Control", "no-store"),
            ])
            return [poller]
        return app(environ, start_response)

    return app_with_poller


def _without_policy(app: WsgiApp) -> WsgiApp:
    """`app`, its HTML responses without the Content-Security-Policy tag (the fallback)."""

    def app_without_policy(environ: dict, start_response: Callable[..., Any]) -> Iterable[bytes]:
        answer: dict[str, Any] = {}

        def remember(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable[[bytes], None]:
            answer.update(status=status, headers=headers, exc_info=exc_info)
            return lambda data: None  # MkDocs' server never writes through it

        result = app(environ, remember)
        try:
            body = b"".join(result)
        finally:
            close = getattr(result, "close", None)
            if close is not None:
                close()
        headers = answer["headers"]
        if any(name.lower() == "content-type" and value.startswith("text/html") for name, value in headers):
            body = _POLICY_TAG.sub(b"", body)
            headers = [(n, v) for n, v in headers if n.lower() != "content-length"] + [("Content-Length", str(len(body)))]
        start_response(answer["status"], headers, answer["exc_info"])
        return [body]

    return app_without_policy
