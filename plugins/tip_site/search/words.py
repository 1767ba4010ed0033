"""Words as search sees them: split, folded, filtered and stemmed the same way in Python and in the browser.

The browser side is `assets/search.js` (`words`) with `assets/english_stemmer.js`,
a line-by-line JavaScript rendering of the stemmer snowballstemmer runs here;
tests/test_search_stemmer.py runs both on the same words.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Words too common to tell pages apart, which people type in questions ("how do I join").
STOP_WORDS = frozenset(
    "a about an and are as at be by can could did do does for from had has have how i if in into is it its me my "
    "of on or our so that the their them then there these they this those to us was we what when where which who "
    "why will with would you your".split()
)
_WORD = re.compile(r"[^\W_]+")


@cache
def _stemmer():
    """Snowball's English stemmer, made when first needed (the build itself never stems: its helper does)."""
    import snowballstemmer

    return snowballstemmer.stemmer("english")


def fold(text: str) -> str:
    """Lower case without accents ("Crèche" -> "creche")."""
    folded = text.lower()
    if folded.isascii():  # most text: no accents to take off, skip the per-character pass
        return folded
    return "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The searchable words of `text`, in order: no stop words, no single letters (digits stay)."""
    return [w for w in _WORD.findall(fold(text)) if w not in STOP_WORDS and (len(w) > 1 or w.isdigit())]


class Stems:
    """Snowball English stems, each word stemmed once per build (a site repeats its words)."""

    def __init__(self) -> None:
        self._known: dict[str, str] = {}
        self._stem_word = _stemmer().stemWord

    def __call__(self, word: str) -> str:
        stem = self._known.get(word)
        if stem is None:
            stem = self._known[word] = self._stem_word(word)
        return stem

    def surfaces(self) -> dict[str, list[str]]:
        """For each stem, the words seen that stem to it, other than the stem itself (for typo matching)."""
        found: dict[str, list[str]] = {}
        for word, stem in self._known.items():
            if word != stem:
                found.setdefault(stem, []).append(word)
        return found
