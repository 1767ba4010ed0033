"""The browser stems a typed word exactly as the index stemmed it (assets/english_stemmer.js vs snowballstemmer)."""

from __future__ import annotations

import re
import sysconfig
from pathlib import Path

import snowballstemmer

from sitekit import REPO

STEMMER_JS = REPO / "plugins/tip_site/search/assets/english_stemmer.js"
# Words each rule of the algorithm, or an exception of it, treats apart.
EDGE_CASES = """
skis skies sky dying lying tying idly gently ugly early only singly news howe atlas cosmos bias andes
inning innings outing outings canning cannings herring earring proceed exceed succeed proceeding exceeded
generous generate communism community arsenal universe universal emergency organisation organization
interest later lateral past pasted pastes yes yell boy boys say saying sayings cry crying youth yyy
'tis 's' don't o'clock caresses ponies ties caress cats feed agreed plastered bled motoring sing
conflated troubled sized hopping tanned falling hissing fizzed failing filing happy sky
relational conditional rational valenci hesitanci digitizer conformabli radicalli differentli vileli
analogousli vietnamization predication operator feudalism decisiveness hopefulness callousness
formaliti sensitiviti sensibiliti triplicate formative formalize electriciti electrical hopeful goodness
revival allowance inference airliner gyroscopic adjustable defensible irritant replacement adjustment
dependent adoption homologou communism activate angulariti homologous effective bowdlerize probate rate cease
fluently likely coolly hardly geology geologist biologist archaeology lessly fulli
trainings a ab abc aa ee ii aaa ied ies sses ss us is was gas this kiwis tied cried dies eed ed ing ly
""".split()


def _words() -> list[str]:
    """Thousands of real words: the site's own text and the prose of a few modules of Python's standard library."""
    found: set[str] = set(EDGE_CASES)
    sources = [*REPO.glob("content/**/*.md"), *REPO.glob("docs/**/*.md"), *REPO.glob("content/data/*.yml"),
               *(Path(sysconfig.get_paths()["stdlib"]) / f"{name}.py" for name in ("argparse", "subprocess", "typing", "pathlib", "inspect", "tarfile", "ssl", "datetime"))]
    for source in sources:
        found.update(word.lower() for word in re.findall(r"[A-Za-z][A-Za-z']+", source.read_text(encoding="utf-8", errors="replace")))
    return sorted(found)


def test_the_browser_stems_every_word_as_the_index_does(page):
    words = _words()
    assert len(words) > 4_000
    page.set_content("<!doctype html><title>stemmer</title>")
    page.add_script_tag(content=STEMMER_JS.read_text(encoding="utf-8"))
    in_browser = page.evaluate("words => words.map(tipStemEnglish)", words)
    in_python = snowballstemmer.stemmer("english").stemWords(words)
    different = [(word, python, browser) for word, python, browser in zip(words, in_python, in_browser) if python != browser]
    assert different == []
    assert in_browser[words.index("trainings")] == "train" and in_browser[words.index("generous")] == "generous"
