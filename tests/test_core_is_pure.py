"""The core and views must never import MkDocs: that keeps a later move cheap."""

import pkgutil
import subprocess
import sys

import tip_site


def test_core_and_views_import_nothing_from_mkdocs():
    modules = [
        m.name
        for m in pkgutil.walk_packages(tip_site.__path__, "tip_site.")
        if not m.name.startswith("tip_site.adapters")
    ]
    assert "tip_site.core.site" in modules and "tip_site.views.site_pages" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m == 'mkdocs' or m.startswith('mkdocs.') or m.startswith('material')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
