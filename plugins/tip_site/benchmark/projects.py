"""The two projects each benchmark size builds: ours, and plain Material.

Ours is a copy of this repository's configuration, hand-written pages, theme
overrides and data, with synthetic content in `content/`. Plain Material gets
the very same Markdown files as ordinary pages at the same addresses (a
resource at library/<id>.md, …), the same theme settings and Markdown
extensions, and only Material's search plugin: the difference between the two
builds is what our plugins cost.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tip_site.benchmark.synthetic_content import IMAGES_DIR, SyntheticCounts, write_synthetic_content

# Never copied into a benchmark project: tools, tests, outputs and the item folders it replaces.
_NOT_COPIED = {".git", ".venv", "site", "tests", "scripts", "plugins", ".ci", ".pytest_cache", "__pycache__", "node_modules", "build", "dist"}
_ITEM_FOLDERS = ("resources", "newsletters", "events")
PLAIN_HOME = """# Trauma Informed Partnership for Leicester, Leicestershire and Rutland

Three consortium groups work together to put the shared vision of the Trauma
Informed Strategy into practice.
"""
# Top-level mkdocs.yml keys plain Material keeps: everything that is not ours.
_PLAIN_KEYS = ("site_name", "site_description", "site_url", "copyright", "docs_dir", "theme", "markdown_extensions", "validation")


def make_our_project(repo: Path, dest: Path, resources: int, newsletters: int, events: int) -> SyntheticCounts:
    """Copy the repository's site sources to `dest` and fill `content/` with synthetic items."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for entry in sorted(repo.iterdir()):
        if entry.name in _NOT_COPIED or entry.name.endswith(".egg-info") or entry.name == "content":
            continue
        if entry.is_dir():
            shutil.copytree(entry, dest / entry.name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(entry, dest / entry.name)
    content = repo / "content"
    if content.is_dir():
        for entry in sorted(content.iterdir()):
            if entry.is_dir() and entry.name not in _ITEM_FOLDERS:
                shutil.copytree(entry, dest / "content" / entry.name)
    return write_synthetic_content(dest, resources, newsletters, events)


def make_plain_project(ours: Path, dest: Path) -> int:
    """Plain Material's project from ours: the same Markdown as ordinary pages. Returns its page count."""
    if dest.exists():
        shutil.rmtree(dest)
    docs = dest / "docs"
    shutil.copytree(ours / "docs", docs)
    for page in docs.rglob("*.md"):
        page.write_text(_without_custom_template(page.read_text(encoding="utf-8")), encoding="utf-8")
    for folder, uri_folder in (("resources", "library"), ("newsletters", "newsletters"), ("events", "events")):
        target = docs / uri_folder
        target.mkdir(parents=True, exist_ok=True)
        for item in sorted((ours / "content" / folder).glob("*.md")):
            shutil.copy2(item, target / item.name)
    shutil.copytree(ours / "content" / "newsletters" / "images", docs / "newsletters" / "images", dirs_exist_ok=True)
    shutil.copytree(ours / IMAGES_DIR, docs / Path(IMAGES_DIR).relative_to("docs"), dirs_exist_ok=True)
    if not (docs / "index.md").exists():  # our home page is generated; plain Material needs one written
        (docs / "index.md").write_text(PLAIN_HOME, encoding="utf-8")
    hand_written = sorted(p.relative_to(docs).as_posix() for p in docs.glob("*.md"))
    (dest / "mkdocs.yml").write_text(plain_config((ours / "mkdocs.yml").read_text(encoding="utf-8"), hand_written), encoding="utf-8")
    return sum(1 for _ in docs.rglob("*.md"))


def plain_config(our_config: str, nav_pages: list[str]) -> str:
    """Our mkdocs.yml reduced to what Material itself reads, with search as its only plugin.

    Works on the text, by top-level key, so tags such as !ENV stay as written.
    """
    kept = [block for key, block in _top_level_blocks(our_config) if key in _PLAIN_KEYS]
    text = "\n".join(kept)
    text = re.sub(r"^\s+custom_dir:.*\n", "", text, flags=re.M)
    nav_pages = sorted(nav_pages, key=lambda p: (p != "index.md", p))
    nav = "\n".join(f"  - {page}" for page in nav_pages)
    return f"{text}\nstrict: false\nplugins:\n  - search\nnav:\n{nav}\n"


def _top_level_blocks(text: str) -> list[tuple[str, str]]:
    blocks: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        match = re.match(r"^([A-Za-z_][\w-]*)\s*:", line)
        if match:
            blocks.append((match.group(1), [line]))
        elif blocks and (line.startswith((" ", "\t", "-")) or not line.strip()):
            blocks[-1][1].append(line)
    return [(key, "\n".join(lines).rstrip() + "\n") for key, lines in blocks]


def _without_custom_template(markdown: str) -> str:
    """Drop a `template:` front-matter line: plain Material has none of our templates."""
    if not markdown.startswith("---"):
        return markdown
    end = markdown.find("\n---", 3)
    if end < 0:
        return markdown
    head = re.sub(r"^template:.*\n", "", markdown[: end + 1], flags=re.M)
    return head + markdown[end + 1:]
