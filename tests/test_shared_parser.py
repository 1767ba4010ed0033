"""One parser for many pages renders each page exactly as MkDocs' own parser per page does."""

from __future__ import annotations

import logging

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from sitekit import REPO
from tip_site.adapters.shared_parser import SharedParser, SharedParserPage

PAGES = {
    "library/first.md": """\
---
title: First
---

# A heading of its own

Text with a [link to the second](second.md), [an anchor there](second.md#steps),
[one here](#a-heading-of-its-own), ![a chart](../images/chart.png) and <span id="raw-id">raw HTML</span>.

## Steps

1. One
2. Two

!!! note "A note"
    Inside an admonition.

| A | B |
|---|---|
| 1 | 2 |

```text
code, not [a link](nowhere.md)
```
""",
    "library/second.md": """\
---
title: Second
---

## Steps

Back to [the first](first.md#steps) and [somewhere missing](missing.md).

## Steps

The same heading twice.
""",
    "events/empty.md": "---\ntitle: Nothing\n---\n",
}


@pytest.fixture()
def config():
    return load_config(str(REPO / "mkdocs.yml"))


def _files(config, docs) -> Files:
    for uri, text in {**PAGES, "images/chart.png": "png"}.items():
        (docs / uri).parent.mkdir(parents=True, exist_ok=True)
        (docs / uri).write_text(text, encoding="utf-8")
    uris = [*PAGES, "images/chart.png"]
    return Files([File(uri, str(docs), str(docs.parent / "site"), config.use_directory_urls) for uri in uris])


def _rendered(page: Page, config, files: Files) -> dict:
    page.markdown, page.meta = get_data(page.file.content_string)  # as read_source does
    page.render(config, files)
    return {
        "content": page.content,
        "toc": [(item.id, item.title, item.level, [(c.id, c.title) for c in item.children]) for item in page.toc],
        "title": page.title,
        "anchors": page.present_anchor_ids,
        "links to anchors": {file.src_uri: links for file, links in (page.links_to_anchors or {}).items()},
    }


def test_each_page_comes_out_as_from_its_own_parser(config, tmp_path):
    logging.getLogger("mkdocs").setLevel(logging.INFO)  # links to anchors are kept above DEBUG, as in a build
    own_files, shared_files = _files(config, tmp_path / "own"), _files(config, tmp_path / "shared")
    expected = {file.src_uri: _rendered(Page(None, file, config), config, own_files) for file in own_files.documentation_pages()}
    parser = SharedParser(config)
    shared = [SharedParserPage(file, config, parser) for file in shared_files.documentation_pages()]
    # Twice over, so any state one page left in the parser would show on the next.
    for page in shared + shared[::-1]:
        assert _rendered(page, config, shared_files) == expected[page.file.src_uri], page.file.src_uri
    assert 'id="raw-id"' in expected["library/first.md"]["content"]
    assert expected["library/second.md"]["links to anchors"]["library/first.md"] == {"steps": "first.md#steps"}
    assert [entry[0] for entry in expected["library/second.md"]["toc"]] == ["steps", "steps_1"]


def test_a_broken_anchor_on_a_page_of_the_shared_parser_is_reported_by_the_engine(config, tmp_path, caplog):
    """As the engine's build does after rendering (under MkDocs and, in CI's second job, ProperDocs)."""
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    files = _files(config, tmp_path)
    parser = SharedParser(config)
    shared = {file.src_uri: SharedParserPage(file, config, parser) for file in files.documentation_pages()}
    shared["events/empty.md"].file.content_string = "---\ntitle: Nothing\n---\n\nSee [the steps](../library/second.md#no-such-steps).\n"
    for page in shared.values():
        page.markdown, page.meta = get_data(page.file.content_string)
        page.render(config, files)
    assert parser.lent == len(shared)  # the engine really rendered them all with the one parser
    with caplog.at_level(logging.INFO):
        for page in shared.values():
            page.validate_anchor_links(files=files, log_level=logging.WARNING)
    reported = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("no-such-steps" in message and "events/empty.md" in message for message in reported), reported
    assert not any("#steps" in message for message in reported), reported
