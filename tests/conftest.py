from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from sitekit import TinySite  # noqa: E402


@pytest.fixture
def tiny_site(tmp_path: Path) -> TinySite:
    return TinySite(tmp_path)
