"""Helpers for writing generated Markdown safely from data."""

from __future__ import annotations

import html

import yaml


# Markdown's own punctuation that could turn data into something else: emphasis, a link
# or image ([…](…), [x]: …), an attribute list ({ onclick=… }). Backslashes first.
_MARKDOWN_PUNCTUATION = str.maketrans({c: "\\" + c for c in "\\*_[]{}"})


def text(value: str) -> str:
    """Data text made safe to place in Markdown: shown as written, no HTML, link or attributes can come of it."""
    return html.escape(value, quote=False).translate(_MARKDOWN_PUNCTUATION)


def front_matter(**fields: object) -> str:
    """A YAML front matter block for a generated page."""
    present = {k: v for k, v in fields.items() if v is not None}
    # libyaml's emitter writes the same text as PyYAML's, ten times faster (thousands of pages).
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return "---\n" + yaml.dump(present, Dumper=dumper, sort_keys=False, allow_unicode=True) + "---\n\n"
