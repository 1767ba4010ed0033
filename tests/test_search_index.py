"""The chunked search index: what goes in, where it goes, and that a page can stay out."""

from __future__ import annotations

import json

import pytest

from tip_site.search.site_index import SearchRecord, build_index, chunk_name, first_paragraph_text, words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trauma-Informed Schools", ["trauma", "informed", "schools"]),
        ("Café and Crèche", ["cafe", "creche"]),  # accents folded, 'and' is a stop word
        ("The 5 priorities of the TIP", ["5", "priorities", "tip"]),  # digits kept alone, letters not
        ("a b c x_y", []),  # single letters (and underscores between them): nothing to search for
        ("LLR's CoP", ["llr", "cop"]),
    ],
)
def test_words_are_split_folded_and_filtered(text, expected):
    assert words(text) == expected


@pytest.mark.parametrize(("term", "expected"), [("trauma", "tr"), ("5", "5"), ("2025", "20"), ("été", "x" + "ét".encode().hex())])
def test_each_term_lives_in_the_chunk_of_its_first_two_letters(term, expected):
    assert chunk_name(term) == expected


def test_first_paragraph_text_strips_markup():
    html = '<h1 id="x">Title</h1>\n<p>Support for <a href="a/">schools</a> &amp; colleges.</p><p>More.</p>'
    assert first_paragraph_text(html) == "Support for schools & colleges."
    assert first_paragraph_text("<h1>No paragraph</h1>") == ""


def test_a_query_word_finds_its_pages_with_the_title_weighing_most():
    records = [
        SearchRecord("library/toolkit/", "A trauma informed toolkit", "Practical steps for teams."),
        SearchRecord("about/", "About the partnership", "Why we made a toolkit together.", ("History",)),
        SearchRecord("events/x/", "Meeting", "Agenda to follow."),
    ]
    files = build_index(records)
    assert files == build_index(list(reversed(records)))  # order of arrival does not matter
    manifest = json.loads(files["manifest.json"])
    assert manifest["pages"] == 3 and "to" in manifest["chunks"]
    docs = json.loads(files["docs/0.json"])
    terms = _terms_of(files, "toolkit")
    postings = terms["toolkit"]
    found = {docs[page][0]: weight for page, weight in zip(postings[::2], postings[1::2])}
    assert set(found) == {"library/toolkit/", "about/"}
    assert found["library/toolkit/"] > found["about/"]
    meeting = _terms_of(files, "meeting")["meeting"]
    assert [docs[page][0] for page in meeting[::2]] == ["events/x/"]
    assert docs[[d[0] for d in docs].index("library/toolkit/")] == ["library/toolkit/", "A trauma informed toolkit", "Practical steps for teams."]


def test_the_built_site_has_an_index_without_excluded_pages(tiny_site):
    tiny_site.with_examples()
    tiny_site.write("docs/hidden.md", "---\ntitle: Hidden page\nsearch:\n  exclude: true\n---\n\n# Hidden page\n\nNothing here should be found.\n")
    result = tiny_site.build()
    assert result.returncode == 0, result.output
    index = tiny_site.site_dir / "search-index"
    docs = [doc for chunk in sorted((index / "docs").glob("*.json")) for doc in json.loads(chunk.read_text())]
    urls = {doc[0] for doc in docs}
    assert {"", "library/toolkit/", "newsletters/2025-q1/", "events/cop-2025-q1/"} <= urls
    assert "hidden/" not in urls and not any("404" in url for url in urls)
    manifest = json.loads((index / "manifest.json").read_text())
    hi_file = manifest["chunks"].get("hi")
    assert not hi_file or "hidden" not in json.loads((index / f"terms/{hi_file}.json").read_text())
    toolkit = next(doc for doc in docs if doc[0] == "library/toolkit/")
    assert toolkit[1:] == ["A trauma informed toolkit", "Practical steps for teams."]


def test_a_page_named_for_the_words_ranks_before_pages_that_also_mention_them():
    records = [
        SearchRecord("events/tis-2026-q1/", "Trauma Informed Schools Forum meeting, first quarter 2026", "The quarterly forum for schools."),
        SearchRecord("groups/tis/", "Trauma Informed Schools Forum (TIS)", "A platform for the education system."),
    ]
    files = build_index(records)
    docs = [doc[0] for doc in json.loads(files["docs/0.json"])]

    def weight(term: str, url: str) -> int:
        postings = _terms_of(files, term)[term]
        return dict(zip(postings[::2], postings[1::2]))[docs.index(url)]

    for term in ("schools", "forum"):
        assert weight(term, "groups/tis/") > weight(term, "events/tis-2026-q1/")


def _terms_of(files: dict[str, str], term: str) -> dict:
    """The terms file the manifest names for `term`'s chunk."""
    manifest = json.loads(files["manifest.json"])
    return json.loads(files[f"terms/{manifest['chunks'][chunk_name(term)]}.json"])


def test_small_chunks_share_a_file_and_each_prefix_is_found_in_its_own(monkeypatch):
    from tip_site.search import site_index

    records = [SearchRecord(f"p{n}/", f"{a}{b}word number {n}", "") for n, (a, b) in enumerate(zip("abcdefgh" * 3, "xyzxyzxy" * 3))]
    files = build_index(records)
    manifest = json.loads(files["manifest.json"])
    term_files = [name for name in files if name.startswith("terms/")]
    assert len(term_files) < len(manifest["chunks"])  # small chunks were joined
    for prefix, file in manifest["chunks"].items():
        assert any(term.startswith(prefix) or chunk_name(term) == prefix for term in json.loads(files[f"terms/{file}.json"]))
    monkeypatch.setattr(site_index, "TERMS_FILE_BYTES", 1)  # every chunk alone
    alone = build_index(records)
    assert len([name for name in alone if name.startswith("terms/")]) == len(json.loads(alone["manifest.json"])["chunks"])
