"""The search index: the words it takes from a page, how it weighs them, and the files it writes."""

from __future__ import annotations

import json
import shutil

import pytest

from sitekit import VALID_EVENT, VALID_RESOURCE, TinySite
from tip_site.search.page_text import first_paragraph_text, page_text
from tip_site.search.site_index import INLINE_PAGES, SearchPage, SiteIndex, chunk_name
from tip_site.search.words import Stems, words


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


@pytest.mark.parametrize(
    ("forms", "stem"),
    [
        (("training", "trained", "trainings", "train"), "train"),
        (("reflection", "reflecting", "reflects"), "reflect"),
        (("newsletter", "newsletters"), "newslett"),
        (("prevention", "preventing", "prevents"), "prevent"),
        (("families", "family"), "famili"),
    ],
)
def test_word_forms_share_one_stem(forms, stem):
    stems = Stems()
    assert {stems(form) for form in forms} == {stem}


@pytest.mark.parametrize(("term", "expected"), [("trauma", "tr"), ("5", "5"), ("2025", "20"), ("été", "x" + "ét".encode().hex())])
def test_each_term_lives_in_the_chunk_of_its_first_two_letters(term, expected):
    assert chunk_name(term) == expected


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ('<h1 id="t">Title<a class="headerlink" href="#t" title="Permanent link">&para;</a></h1><p>Body &amp; more.</p>', "Title Body & more."),
        ("<p>Co<em>op</em>erate and <strong>share</strong></p><ul><li>one</li><li>two</li></ul>", "Cooperate and share one two"),
        ("<p>Kept</p><script>var hidden = 1;</script><style>.x{}</style><!-- a comment --><p>too</p>", "Kept too"),
        ('<div class="cards" data-search-exclude><div><p>Card</p></div><p>Card two</p></div><p>After</p>', "After"),
        ('<p>Before</p><img src="x.png" alt="" data-search-exclude><p>After</p>', "Before After"),
        ("<p>&lt;script&gt; is shown as text</p>", "<script> is shown as text"),
        ("<p>The attribute data-search-exclude, in words</p><p>stays</p>", "The attribute data-search-exclude, in words stays"),
    ],
)
def test_page_text_is_what_a_reader_sees(html, text):
    assert page_text(html) == text


def test_first_paragraph_text_strips_markup():
    html = '<h1 id="x">Title</h1>\n<p>Support for <a href="a/">schools</a> &amp; colleges.</p><p>More.</p>'
    assert first_paragraph_text(html) == "Support for schools & colleges."
    assert first_paragraph_text("<h1>No paragraph</h1>") == ""


def _index(pages: list[SearchPage], synonyms=None) -> tuple[dict[str, str], list[dict]]:
    index = SiteIndex(synonyms)
    page_files = dict(index.add(page) for page in pages)
    files = dict(index.files())
    files.update(page_files)
    return files, [json.loads(page_files[f"pages/{n}.json"]) for n in range(len(pages))]


def _weights(files: dict[str, str], term: str) -> dict[int, int]:
    """{page number: weight} of a term, read back from the files as the browser reads them."""
    manifest = json.loads(files["manifest.json"])
    entry = json.loads(files[f"vocab/{manifest['vocab'][chunk_name(term)]}.json"])[term]
    postings = entry[1] if isinstance(entry[1], list) else json.loads(files[f"postings/{entry[1]}.json"])
    assert entry[0] == len(postings) // 2
    found, page = {}, 0
    for gap, weight in zip(postings[::2], postings[1::2]):
        page += gap
        found[page] = weight
    return found


def test_every_word_of_the_text_is_found_and_the_title_weighs_most():
    pages = [
        SearchPage("library/toolkit/", "A trauma informed toolkit", "Practical steps for teams.", "Open it in any spreadsheet program."),
        SearchPage("about/", "About the partnership", "Why we made it.", "The toolkits we made together.", ("History of the toolkit",)),
        SearchPage("news/", "News", "Toolkit news.", "A long text. " * 40 + "toolkit"),
        SearchPage("events/x/", "Meeting", "Agenda to follow.", "Held at County Hall, Glenfield."),
    ]
    files, records = _index(pages)
    assert records[0] == {"u": "library/toolkit/", "t": "A trauma informed toolkit", "s": "Practical steps for teams.",
                          "x": "Open it in any spreadsheet program."}
    toolkit = _weights(files, "toolkit")
    assert set(toolkit) == {0, 1, 2}
    assert toolkit[0] > toolkit[1] > toolkit[2]  # title, then heading, then summary
    assert _weights(files, "spreadsheet") == {0: _weights(files, "spreadsheet")[0]}  # words only in the text
    assert set(_weights(files, "glenfield")) == {3}


def test_a_mention_weighs_more_in_a_short_text_and_more_mentions_weigh_more():
    filler = " ".join(f"Meeting {n} with a long agenda of items to discuss." for n in range(30))
    files, _ = _index([
        SearchPage("events/", "Meetings and events", "All meetings.", filler + " Glenfield."),
        SearchPage("events/one/", "Meeting one", "The first.", "Where: County Hall, Glenfield. Agenda to follow."),
        SearchPage("events/two/", "Meeting two", "The second.", "Where: County Hall, Glenfield. Glenfield again, Glenfield."),
    ])
    glenfield = _weights(files, "glenfield")
    assert glenfield[0] < glenfield[1] < glenfield[2] <= 10


def test_keywords_weigh_as_much_as_headings():
    files, _ = _index([
        SearchPage("help/", "Need help now?", "Who to contact.", "Call 999.", keywords=("suicidal",)),
        SearchPage("about/", "About", "Us.", "Not a word about it.", headings=("Suicidal",)),
    ])
    weights = _weights(files, "suicid")
    assert weights[0] == weights[1] > 0


def test_terms_in_many_pages_keep_their_postings_in_a_file_of_their_own():
    pages = [SearchPage(f"p{n}/", f"Page {n}", "", "common words" + (" rare" if n == 3 else "")) for n in range(INLINE_PAGES + 5)]
    files, _ = _index(pages)
    manifest = json.loads(files["manifest.json"])
    vocab = json.loads(files[f"vocab/{manifest['vocab']['co']}.json"])
    assert isinstance(vocab["common"][1], int) and f"postings/{vocab['common'][1]}.json" in files
    assert _weights(files, "common").keys() == set(range(INLINE_PAGES + 5))
    assert isinstance(json.loads(files[f"vocab/{manifest['vocab']['ra']}.json"])["rare"][1], list)


def test_the_spellings_of_a_term_are_kept_for_typos():
    files, _ = _index([SearchPage("p/", "Samaritans", "", "Call the Samaritans about prevention.")])
    manifest = json.loads(files["manifest.json"])
    vocab = json.loads(files[f"vocab/{manifest['vocab']['sa']}.json"])
    assert vocab["samaritan"][2:] == ["samaritans"]


def test_synonyms_go_to_the_browser_under_the_stem_of_the_word_typed():
    files, _ = _index([SearchPage("p/", "Schools", "", "")], {"teacher": ["schools", "education staff"], "parent": ["families"]})
    synonyms = json.loads(files["manifest.json"])["synonyms"]
    assert synonyms == {"teacher": [["schools"], ["education", "staff"]], "parent": [["families"]]}


def test_the_same_pages_give_the_same_bytes_and_many_pages_widen_the_numbers(monkeypatch):
    from tip_site.search import site_index

    pages = [SearchPage(f"p{n}/", f"Page {n}", "Summary.", f"Text {n} and more words {n % 3}.") for n in range(40)]
    narrow = _index(pages)[0]
    assert narrow == _index(pages)[0]
    monkeypatch.setattr(site_index, "NARROW_PAGES", 7)  # as if the site had more than 65,535 pages
    assert _index(pages)[0] == narrow


def test_small_vocabulary_chunks_share_a_file_and_each_prefix_is_found_in_its_own(monkeypatch):
    from tip_site.search import site_index

    pages = [SearchPage(f"p{n}/", f"{a}{b}word number {n}", "") for n, (a, b) in enumerate(zip("abcdefgh" * 3, "xyzxyzxy" * 3))]
    files, _ = _index(pages)
    manifest = json.loads(files["manifest.json"])
    vocab_files = [name for name in files if name.startswith("vocab/")]
    assert len(vocab_files) < len(manifest["vocab"])  # small chunks were joined
    for prefix, file in manifest["vocab"].items():
        assert any(chunk_name(term) == prefix for term in json.loads(files[f"vocab/{file}.json"]))
    monkeypatch.setattr(site_index, "VOCAB_FILE_BYTES", 1)  # every chunk alone
    alone, _ = _index(pages)
    assert len([name for name in alone if name.startswith("vocab/")]) == len(json.loads(alone["manifest.json"])["vocab"])


def _site_pages(site_dir) -> dict[str, dict]:
    index = site_dir / "search-index"
    return {record["u"]: record for record in (json.loads(path.read_text()) for path in (index / "pages").glob("*.json"))}


def test_the_built_site_indexes_text_and_facts_but_not_excluded_pages(tiny_site):
    tiny_site.with_examples()
    tiny_site.write("docs/hidden.md", "---\ntitle: Hidden page\nsearch:\n  exclude: true\n---\n\n# Hidden page\n\nNothing here should be found.\n")
    tiny_site.write("docs/guide.md", "---\ntitle: A guide\nsearch:\n  keywords: [counselling]\n---\n\n# A guide\n\nSee the incognito window.\n")
    result = tiny_site.build()
    assert result.returncode == 0, result.output
    pages = _site_pages(tiny_site.site_dir)
    assert {"", "library/toolkit/", "newsletters/2025-q1/", "events/cop-2025-q1/", "help/", "guide/"} <= pages.keys()
    assert "hidden/" not in pages and not any("404" in url for url in pages)
    assert not any(url.startswith("library/type/") for url in pages)  # the library's lists repeat its resources
    assert "How to use the toolkit." in pages["library/toolkit/"]["x"]
    assert pages["library/toolkit/"]["t"] == "A trauma informed toolkit"
    assert "incognito window" in pages["guide/"]["x"]
    files = {path.relative_to(tiny_site.site_dir / "search-index").as_posix(): path.read_text()
             for path in (tiny_site.site_dir / "search-index").rglob("*.json")}
    number = {record["u"]: int(name.split("/")[1].split(".")[0]) for name, text in files.items()
              if name.startswith("pages/") for record in [json.loads(text)]}
    assert number["guide/"] in _weights(files, "counsel")
    assert number["events/cop-2025-q1/"] in _weights(files, "team")  # the event's place, "Online (Microsoft Teams)"
    assert number["library/toolkit/"] in _weights(files, "leicest")  # the resource's organisation
    assert number["help/"] in _weights(files, "suicid")  # words of distress find the help page
    assert "hidden" not in json.loads(files[f"vocab/{json.loads(files['manifest.json'])['vocab']['hi']}.json"])


def test_the_index_is_the_same_whether_pages_come_from_shells_or_from_main_html(tmp_path):
    (tmp_path / "shells").mkdir()
    shells = TinySite(tmp_path / "shells").with_examples()
    for number in range(12):
        shells.write(f"content/resources/resource-{number:02}.md",
                     VALID_RESOURCE.replace("id: toolkit", f"id: resource-{number:02}").replace("How to use the toolkit.", f"Step {number}: reflective supervision."))
        shells.write(f"content/events/event-{number}.md", VALID_EVENT.replace("id: cop-2025-q1", f"id: event-{number}")
                     .replace("Agenda to follow.", f"Agenda item {number}."))
    main_only = TinySite.__new__(TinySite)
    main_only.root = tmp_path / "main-only"
    shutil.copytree(shells.root, main_only.root)
    (main_only.root / "overrides/tip-shell.html").write_text('{% extends "main.html" %}\n', encoding="utf-8")
    indexes = []
    for site in (shells, main_only):
        result = site.build()
        assert result.returncode == 0, result.output
        index = site.site_dir / "search-index"
        indexes.append({path.relative_to(index).as_posix(): path.read_bytes() for path in index.rglob("*.json")})
    assert indexes[0] == indexes[1]
    assert "Step 7: reflective supervision." in _site_pages(shells.site_dir)["library/resource-07/"]["x"]
