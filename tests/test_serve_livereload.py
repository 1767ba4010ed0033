"""Live reload in `mkdocs serve` under the pages' Content-Security-Policy.

A real `mkdocs serve` and headless Chromium: an open page reloads by itself after
each save (onto the error page and back), and the policy reports no violation.
Then the run-time proof of MkDocs' injection, and its fallback, on MkDocs' own server.
"""

from __future__ import annotations

import io
import logging
import wsgiref.util
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs import livereload
from mkdocs.livereload import LiveReloadServer

from mkdocs_server import CHANGE_TIMEOUT, REQUEST_TIMEOUT, mkdocs_serve
from sitekit import VALID_RESOURCE, TinySite
from tip_site.adapters.serve_livereload import SCRIPT_PATH, allow_live_reload, proven_poller
from tip_site.views.content_security import with_policy

RESOURCE = "content/resources/toolkit.md"
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.tipViolation(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""


def test_an_open_page_reloads_by_itself_after_each_save_with_no_policy_violation(tiny_site: TinySite, chromium):
    tiny_site.with_examples()
    with mkdocs_serve(tiny_site.root) as url:
        context = chromium.new_context()
        try:
            tab = context.new_page()
            tab.set_default_timeout(REQUEST_TIMEOUT * 1000)  # serve holds requests while it rebuilds
            violations: list[str] = []
            console: list[str] = []
            tab.expose_function("tipViolation", lambda text: violations.append(text))
            tab.add_init_script(REPORT_VIOLATIONS)
            tab.on("console", lambda message: console.append(message.text))
            tab.goto(url + "library/toolkit/")
            tab.get_by_role("heading", name="A trauma informed toolkit").wait_for()
            policy = tab.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
            assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
            wait = CHANGE_TIMEOUT * 1000
            # Each text shows only in a new page: the tab is never reloaded or sent anywhere by the test.

            tiny_site.write(RESOURCE, VALID_RESOURCE.replace("How to use the toolkit.", "Saved, and reloaded by itself."))
            tab.get_by_text("Saved, and reloaded by itself.").wait_for(timeout=wait)
            tiny_site.write(RESOURCE, VALID_RESOURCE.replace("type: toolkit", "type: tool-kit"))
            tab.get_by_role("heading", name="The preview cannot be built: 1 problem in the content").wait_for(timeout=wait)
            tiny_site.write(RESOURCE, VALID_RESOURCE.replace("How to use the toolkit.", "Fixed, and back by itself."))
            tab.get_by_text("Fixed, and back by itself.").wait_for(timeout=wait)

            assert violations == []
            assert not [text for text in console if "Content Security Policy" in text], console
            assert "Enabled live reload" in console  # the poller ran on each page
        finally:
            context.close()


@pytest.fixture
def server(tmp_path: Path):
    """MkDocs' own live-reload server, not listening: its requests are made through its WSGI app."""
    root = tmp_path / "site"
    root.mkdir()
    (root / "index.html").write_text(with_policy("<!doctype html><html><head><meta charset=\"utf-8\"></head><body><p>Home</p></body></html>"))
    (root / "data.json").write_text('{"a": 1}')
    made = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(root))
    made.watch(str(tmp_path / "site"))  # pages get the live-reload script only when something is watched
    yield made
    made.server_close()


def request(server, path: str) -> tuple[str, dict[str, str], bytes]:
    environ: dict = {"PATH_INFO": path, "wsgi.input": io.BytesIO()}
    wsgiref.util.setup_testing_defaults(environ)
    environ["PATH_INFO"] = path
    answer = {}
    body = b"".join(server.get_app()(environ, lambda status, headers, exc_info=None: answer.update(status=status, headers=dict(headers))))
    return answer["status"], answer["headers"], body


def test_mkdocs_injection_is_proven_and_replaced_by_a_same_origin_script(server):
    assert allow_live_reload(server) == "script file"
    status, headers, body = request(server, "/")
    page = BeautifulSoup(body, "html.parser")
    scripts = page.find_all("script")
    assert status == "200 OK" and len(scripts) == 1 and not scripts[0].get_text()
    assert scripts[0]["src"] == SCRIPT_PATH and scripts[0]["data-epoch"].isdigit() and scripts[0]["data-request-id"].isdigit()
    assert page.find("meta", attrs={"http-equiv": "Content-Security-Policy"}) is not None  # the policy stays
    status, headers, script = request(server, SCRIPT_PATH)
    assert status == "200 OK" and headers["Content-Type"].startswith("text/javascript")
    assert b"var livereload = function(epoch, requestId)" in script and b"document.currentScript.dataset.epoch" in script
    assert b"${" not in script
    assert request(server, "/data.json")[2] == b'{"a": 1}'  # other files as MkDocs serves them


def test_the_404_page_reloads_by_itself_too(server):
    server.error_handler = lambda code: b"<html><body><p>Not here</p></body></html>" if code == 404 else None
    allow_live_reload(server)
    status, _, body = request(server, "/not-yet/")
    tag = BeautifulSoup(body, "html.parser").find("script", src=SCRIPT_PATH)
    assert status.startswith("404") and tag is not None and tag["data-epoch"] == str(server._visible_epoch)


def test_a_changed_template_is_not_trusted(server, monkeypatch):
    # The server injects its compiled template; a template text that no longer matches it fails the proof.
    monkeypatch.setattr(livereload, "_SCRIPT_TEMPLATE_STR", livereload._SCRIPT_TEMPLATE_STR.replace("location.reload()", "location.replace(location)"))
    assert proven_poller(server) is None


class InjectsOtherwise(LiveReloadServer):
    def _inject_js_into_html(self, content, epoch):
        return content.replace(b"</body>", b"<script>/* another poller */ livereload(%d);</script></body>" % epoch)


def test_a_server_that_injects_otherwise_serves_pages_without_the_policy(tmp_path: Path, caplog):
    root = tmp_path / "site"
    root.mkdir()
    (root / "index.html").write_text(with_policy('<!doctype html><html><head><meta charset="utf-8"></head><body><p>Home</p></body></html>'))
    other = InjectsOtherwise(builder=lambda: None, host="127.0.0.1", port=0, root=str(root))
    other.watch(str(root))
    try:
        with caplog.at_level(logging.INFO, logger="mkdocs.plugins.tip_site"):
            assert allow_live_reload(other) == "no policy"
        assert "without their Content-Security-Policy" in caplog.text and not [r for r in caplog.records if r.levelno > logging.INFO]
        status, headers, body = request(other, "/")
        assert status == "200 OK" and b"Content-Security-Policy" not in body and b"<p>Home</p>" in body
        assert b"another poller" in body and headers["Content-Length"] == str(len(body))
        assert (root / "index.html").read_text().count("Content-Security-Policy") == 1  # the built page keeps it
    finally:
        other.server_close()


def test_a_server_unlike_mkdocs_leaves_serve_running(caplog):
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.tip_site"):
        assert allow_live_reload(object()) == "unchanged"
    assert "reload pages by hand" in caplog.text
