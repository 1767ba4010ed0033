"""A static search index in small chunks, of what people search for.

Each page contributes its title, its summary (front-matter `description`, or
its first paragraph) and its headings — not its whole text, which would make
the index, and the memory to build it, grow with every word of every page.
Terms are grouped by their first two letters, so a query downloads only the
chunks of its own words; neighbouring groups share a file until it holds
about `TERMS_FILE_BYTES` (a small site writes dozens of files, not hundreds).
Page titles and summaries for showing results sit in files of
`DOCS_PER_CHUNK` pages each.

Files, under `INDEX_DIR` of the built site:
- `manifest.json`: the format, the file each chunk prefix is in, the stop words;
- `terms/<first prefix in the file>.json`: {term: [page, weight, page, weight, …]};
- `docs/<n>.json`: [[url, title, summary], …] for pages n*DOCS_PER_CHUNK onwards.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

INDEX_DIR = "search-index"
DOCS_PER_CHUNK = 50
TERMS_FILE_BYTES = 8_000
FORMAT = 2
# How much a word counts where it appears: the title most, then headings, then the summary.
# A word counts once, where it weighs most; in a title, the shorter the title the more
# (up to TITLE_BONUS), so "Schools Forum" finds the forum's own page before its meetings.
TITLE_WEIGHT, HEADING_WEIGHT, SUMMARY_WEIGHT = 80, 30, 20
TITLE_BONUS = 19
STOP_WORDS = frozenset(
    "a an and are as at be by for from has have in is it its of on or our that the their this to was were will with".split()
)
_WORD = re.compile(r"[^\W_]+")
_TAG = re.compile(r"<[^>]+>")
_FIRST_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class SearchRecord:
    url: str  # site-relative, as MkDocs gives it ("library/toolkit/")
    title: str
    summary: str
    headings: tuple[str, ...] = ()


def first_paragraph_text(html: str, limit: int = 300) -> str:
    """The text of the first <p> of rendered HTML, for pages whose front matter has no description."""
    match = _FIRST_PARAGRAPH.search(html)
    if not match:
        return ""
    text = _SPACE.sub(" ", _TAG.sub("", match.group(1))).strip()
    text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&#39;", "'")
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def words(text: str) -> list[str]:
    """Lower-case words without accents, as both the index and the browser split them."""
    folded = text.lower()
    if not folded.isascii():  # ASCII has no accents to take off (most text: skip the per-character pass)
        folded = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    return [w for w in _WORD.findall(folded) if w not in STOP_WORDS and (len(w) > 1 or w.isdigit())]


def chunk_name(term: str) -> str:
    """The file a term lives in: its first two characters, spelled safely for a file name."""
    prefix = term[:2]
    return prefix if re.fullmatch(r"[a-z0-9]{1,2}", prefix) else "x" + prefix.encode().hex()


def build_index(records: Iterable[SearchRecord]) -> dict[str, str]:
    """The index files, as {path under INDEX_DIR: JSON text}; the same records give the same bytes."""
    ordered = sorted(records, key=lambda r: r.url)
    postings: dict[str, dict[int, int]] = defaultdict(dict)
    for number, record in enumerate(ordered):
        weights: dict[str, int] = {}
        title_words = words(record.title)
        title_weight = TITLE_WEIGHT + max(0, TITLE_BONUS - len(title_words))
        for field_words, weight in ((title_words, title_weight),
                                    (words(" ".join(record.headings)), HEADING_WEIGHT),
                                    (words(record.summary), SUMMARY_WEIGHT)):
            for word in field_words:
                if weights.get(word, 0) < weight:
                    weights[word] = weight
        for word, weight in weights.items():
            postings[word][number] = weight
    chunks: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for term in sorted(postings):
        chunks[chunk_name(term)][term] = [value for page, weight in sorted(postings[term].items()) for value in (page, weight)]
    files, file_of = _terms_files(chunks)
    for start in range(0, len(ordered), DOCS_PER_CHUNK):
        page_chunk = ordered[start:start + DOCS_PER_CHUNK]
        files[f"docs/{start // DOCS_PER_CHUNK}.json"] = _json([[r.url, r.title, r.summary] for r in page_chunk])
    files["manifest.json"] = _json({
        "format": FORMAT, "pages": len(ordered), "docs_per_chunk": DOCS_PER_CHUNK,
        "chunks": file_of, "stop_words": sorted(STOP_WORDS),
    })
    return files


def _terms_files(chunks: dict[str, dict[str, list[int]]]) -> tuple[dict[str, str], dict[str, str]]:
    """Chunks joined in prefix order into files of about TERMS_FILE_BYTES; and the file of each prefix."""
    files: dict[str, str] = {}
    file_of: dict[str, str] = {}
    group: list[str] = []
    size = 0

    def close() -> None:
        terms = {term: postings for name in group for term, postings in chunks[name].items()}
        files[f"terms/{group[0]}.json"] = _json(terms)
        file_of.update((name, group[0]) for name in group)

    for name in sorted(chunks):
        chunk_size = len(_json(chunks[name]))
        if group and size + chunk_size > TERMS_FILE_BYTES:
            close()
            group, size = [], 0
        group.append(name)
        size += chunk_size
    if group:
        close()
    return files, file_of


def write_index(files: dict[str, str], site_dir: Path) -> None:
    out = site_dir / INDEX_DIR
    made: set[Path] = set()
    for relative, text in files.items():
        path = out / relative
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_bytes(text.encode("utf-8"))


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
