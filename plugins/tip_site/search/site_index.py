"""A static search index of every page's words, in files a query fetches a few of.

Each page gives its title, headings, keywords (front matter `search.keywords`),
summary and the text of its content. Words are stemmed (Snowball English), so
"training", "trained" and "trainings" are one term, and each term keeps, for
each page, the weight of the most telling place it appears: the title (the
shorter the title, the more), a heading or keyword, the summary, or only the
text, where a mention counts for more in a short page than in a long one (as
in BM25), so an event's page outranks the listings that name the same place.
The browser scores a page by those weights and by how rare each term is
across the site.

Files, under `INDEX_DIR` of the built site:
- `manifest.json`: the format, the page count, the vocabulary file of each
  two-letter prefix, the stop words and the synonyms;
- `vocab/<first prefix in the file>.json`: {term: [pages, postings, word, …]}
  for the terms of neighbouring prefixes, about `VOCAB_FILE_BYTES` a file. The
  postings are the list [page gap, weight, page gap, weight, …] itself when the
  term is in at most `INLINE_PAGES` pages, else the number n of
  `postings/<n>.json` that holds it. The words after them are the spellings
  seen for the term, so that a typo can be matched against real words;
- `pages/<n>.json`: page n's address, title, summary and text, fetched for the
  results shown (titles, and excerpts around the words found).

Pages are numbered in the order they are added, which MkDocs keeps the same
from build to build; the same pages in the same order give the same bytes.
"""

from __future__ import annotations

import json
import re
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from tip_site.search.words import STOP_WORDS, Stems, fold, words

INDEX_DIR = "search-index"
FORMAT = 3
# How much a word counts where it appears (a word counts once, where it weighs most).
TITLE_WEIGHT, HEADING_WEIGHT, KEYWORD_WEIGHT, SUMMARY_WEIGHT = 80, 30, 30, 20
TITLE_BONUS = 19  # up to this much more in a short title: "Schools Forum" finds the forum before its meetings
BODY_MOST = 10  # in the text only: 1 to 10, by BM25's term-frequency part with these constants
BM25_K1, BM25_B = 1.2, 0.75
INLINE_PAGES = 16
VOCAB_FILE_BYTES = 8_000
MOST_SPELLINGS = 4
NARROW_PAGES = 1 << 16  # page numbers below this fit, with a weight and a count, in 32 bits
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class SearchPage:
    url: str  # site-relative, as MkDocs gives it ("library/toolkit/")
    title: str
    summary: str
    text: str = ""
    headings: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()


class SiteIndex:
    """The index of one build: pages go in one by one, the files come out at the end."""

    def __init__(self, synonyms: dict[str, list[str]] | None = None) -> None:
        self.stems = Stems()
        self.pages = 0
        self._synonyms = synonyms or {}
        # For each term, numbers in page order: page << 16 | weight from the title, headings, keywords
        # or summary (0 if none) << 8 | mentions in the text (at most 255). A page may have several
        # (one per word of the text with that stem, one for the other fields): files() adds them up.
        # Four bytes a number while pages are fewer than NARROW_PAGES (5 MB less at 5,000 resources), then eight.
        self._postings: defaultdict[str, array] = defaultdict(lambda: array(self._typecode))
        self._typecode = "I"
        self._lengths = array("I")  # words in each page's text
        self._term_of: dict[str, str] = {}  # each word of the texts seen so far: its term, or "" if none

    def add(self, page: SearchPage) -> tuple[str, str]:
        """Index `page`; return (path under INDEX_DIR, JSON text) of its page file, to write now.

        The hot loop of indexing (thousands of pages, hundreds of words each): kept to a dict
        lookup and an append per distinct word.
        """
        number = self.pages
        self.pages += 1
        if number == NARROW_PAGES:
            self._widen()
        base = number << 16
        postings, term_of = self._postings, self._term_of
        length = 0
        for word, count in Counter(_WORD.findall(fold(page.text))).items():
            term = term_of.get(word)
            if term is None:
                term = term_of[word] = self.stems(word) if word not in STOP_WORDS and (len(word) > 1 or word.isdigit()) else ""
            if term:
                postings[term].append(base | (count if count < 255 else 255))
                length += count
        for term, weight in self._fields(page).items():
            postings[term].append(base | weight << 8)
        self._lengths.append(length)
        record = {"u": page.url, "t": page.title, "s": page.summary, "x": page.text}
        return f"pages/{number}.json", _json(record)

    def _widen(self) -> None:
        """Page numbers no longer fit in 16 bits: every term's numbers take eight bytes from now on."""
        self._typecode = "Q"
        for term, numbers in self._postings.items():
            self._postings[term] = array("Q", numbers)

    def _fields(self, page: SearchPage) -> dict[str, int]:
        """The weight of each term of the page's title, headings, keywords and summary (where it weighs most)."""
        stem = self.stems
        weights: dict[str, int] = {}
        title_words = words(page.title)
        for field_words, weight in (
            (title_words, TITLE_WEIGHT + max(0, TITLE_BONUS - len(title_words))),
            (words(" ".join(page.headings)), HEADING_WEIGHT),
            (words(" ".join(page.keywords)), KEYWORD_WEIGHT),
            (words(page.summary), SUMMARY_WEIGHT),
        ):
            for word in field_words:
                term = stem(word)
                if weights.get(term, 0) < weight:
                    weights[term] = weight
        return weights

    def files(self) -> Iterator[tuple[str, str]]:
        """The postings, vocabulary and manifest files, as (path under INDEX_DIR, JSON text), one at a time."""
        spellings = self.stems.surfaces()
        chunks: dict[str, dict[str, list]] = {}
        external = 0
        body_weights = self._body_weights()
        for term in sorted(self._postings):
            postings = _postings(self._postings.pop(term), body_weights)  # each term's list goes once written
            pages = len(postings) // 2
            if pages <= INLINE_PAGES:
                where: int | list[int] = postings
            else:
                yield f"postings/{external}.json", _json(postings)
                where, external = external, external + 1
            chunks.setdefault(chunk_name(term), {})[term] = [pages, where, *sorted(spellings.get(term, ()))[:MOST_SPELLINGS]]
        yield from _grouped(chunks)
        yield "manifest.json", _json({
            "format": FORMAT, "pages": self.pages, "vocab": {name: file for name, file in sorted(_file_of(chunks).items())},
            "stop_words": sorted(STOP_WORDS), "synonyms": self._stemmed_synonyms(),
        })

    def _body_weights(self) -> list[tuple[int, ...]]:
        """For each page, the weight of a term its text mentions 0, 1, … 255 times (pages of like length share one)."""
        lengths = self._lengths
        average = max(1.0, sum(lengths) / max(1, len(lengths)))
        tables: dict[float, tuple[int, ...]] = {}
        for length in set(lengths):
            relative = round(length / average, 2)
            if relative not in tables:
                tables[relative] = tuple(_body_weight(count, relative) for count in range(256))
        return [tables[round(length / average, 2)] for length in lengths]

    def _stemmed_synonyms(self) -> dict[str, list[list[str]]]:
        """{stem of a word people type: [[the words of one way the pages put it], …]}.

        The browser stems those words itself, as it does the words typed.
        """
        ways: dict[str, list[list[str]]] = {}
        for typed, alternatives in sorted(self._synonyms.items()):
            for word in words(typed):
                for alternative in alternatives:
                    way = words(alternative)
                    if way and way not in ways.setdefault(self.stems(word), []):
                        ways[self.stems(word)].append(way)
        return ways


def _postings(packed: array, body_weights: list[tuple[int, ...]]) -> list[int]:
    """[page gap, weight, …] from a term's packed numbers, a page's several numbers added up."""
    pages = [value >> 16 for value in packed]
    if len(set(pages)) == len(pages):  # one number a page, the common case: in comprehensions
        # A weight from the title and the like (20 or more) always beats one from the text (10 at most).
        weights = [(value >> 8 & 255) or body_weights[value >> 16][value & 255] for value in packed]
        return [number for pair in zip([b - a for a, b in zip([0, *pages], pages)], weights) for number in pair]
    postings: list[int] = []
    previous = page = -1
    field = count = 0
    for value in packed:
        if value >> 16 != page:
            if page >= 0:
                postings += (page - max(previous, 0), max(field, body_weights[page][count if count < 255 else 255]))
                previous = page
            page, field, count = value >> 16, value >> 8 & 255, value & 255
        else:
            field, count = max(field, value >> 8 & 255), count + (value & 255)
    if page >= 0:
        postings += (page - max(previous, 0), max(field, body_weights[page][count if count < 255 else 255]))
    return postings


def _body_weight(mentions: int, relative_length: float) -> int:
    """1 to BODY_MOST for a term the text mentions (0 for none): more mentions, and a shorter text, weigh more."""
    if not mentions:
        return 0
    saturation = mentions * (BM25_K1 + 1) / (mentions + BM25_K1 * (1 - BM25_B + BM25_B * relative_length))
    return 1 + round((BODY_MOST - 1) * saturation / (BM25_K1 + 1))


def chunk_name(term: str) -> str:
    """The vocabulary chunk a term lives in: its first two characters, spelled safely for a file name."""
    prefix = term[:2]
    return prefix if re.fullmatch(r"[a-z0-9]{1,2}", prefix) else "x" + prefix.encode().hex()


def _groups(chunks: dict[str, dict[str, list]]) -> list[list[str]]:
    """Chunk names in prefix order, in groups of about VOCAB_FILE_BYTES (one file each)."""
    groups: list[list[str]] = []
    size = 0
    for name in sorted(chunks):
        chunk_size = len(_json(chunks[name]))
        if not groups or size + chunk_size > VOCAB_FILE_BYTES:
            groups.append([])
            size = 0
        groups[-1].append(name)
        size += chunk_size
    return groups


def _grouped(chunks: dict[str, dict[str, list]]) -> Iterator[tuple[str, str]]:
    for group in _groups(chunks):
        yield f"vocab/{group[0]}.json", _json({term: entry for name in group for term, entry in chunks[name].items()})


def _file_of(chunks: dict[str, dict[str, list]]) -> dict[str, str]:
    """The vocabulary file of each chunk: the first chunk name of its group."""
    return {name: group[0] for group in _groups(chunks) for name in group}


def write_files(files: Iterable[tuple[str, str]], site_dir: Path, made: set[Path] | None = None) -> None:
    """Write index files, given as (path, text), under site_dir/INDEX_DIR; `made` remembers the folders made."""
    made = set() if made is None else made
    out = site_dir / INDEX_DIR
    for relative, text in files:
        path = out / relative
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_bytes(text.encode("utf-8"))


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
