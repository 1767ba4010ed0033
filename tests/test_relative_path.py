"""Relative links between the site's pages, computed without the filesystem."""

from __future__ import annotations

import posixpath

import pytest

from tip_site.views.urls import relative_path


@pytest.mark.parametrize(
    ("path", "start"),
    [
        ("library/x/", "library/"), ("library/", "library/x/"), ("groups/tip.md", "library/type/guide/page/2/"),
        (".", "library/"), ("library/files/a.pdf", "."), ("index.md", "groups"), ("a/b/c/", "a/b/c/"),
        ("a/b", "a/bc"), ("feed.xml", "newsletters/2025-q1/"), ("a//b/", "./a/"), ("../up", "a"), ("x", "/abs"),
    ],
)
def test_relative_path_agrees_with_the_standard_library(path, start):
    assert relative_path(path, start) == posixpath.relpath(path, start)
