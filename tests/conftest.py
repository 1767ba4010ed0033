from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest

sys.path.insert(0, str(Path(__file__).parent))

if os.environ.get("TIP_TEST_ENGINE") == "properdocs":  # scripts/test-engine properdocs
    import properdocs.replacement  # noqa: F401,E402  (from here on, `mkdocs` is ProperDocs, as in its builds)

from browser import CHROMIUM_ARGS, chromium_path, serve  # noqa: E402
from sitekit import ENGINE, REPO, TinySite  # noqa: E402


@pytest.fixture
def tiny_site(tmp_path: Path) -> TinySite:
    return TinySite(tmp_path)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The project's own content, built once per test run with --strict."""
    out = tmp_path_factory.mktemp("real") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", ENGINE, "build", "--strict", "--site-dir", str(out)],
        cwd=REPO, env=env, capture_output=True, text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


@pytest.fixture(scope="session")
def real_site_url(real_site: Path) -> Iterator[str]:
    with serve(real_site) as url:
        yield url


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    """A fresh browser tab with no cookies or storage, closed after the test."""
    context = chromium.new_context()
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()
