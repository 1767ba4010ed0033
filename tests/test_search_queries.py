"""Real queries typed into the site's search dialog in Chromium: the right page comes first or in the top three.

The queries and their answers (tests/search_queries.py) were written from the
site's content before any of them was run. All are typed into one dialog,
opened with the "/" key, as a keyboard user would.
"""

from __future__ import annotations

import pytest

from search_queries import QUERIES
from tip_site.benchmark.search_quality import ranks, summarise


@pytest.fixture(scope="module")
def answers(chromium, real_site_url):
    context = chromium.new_context()
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    found = {answer.query: answer for answer in ranks(tab, real_site_url, QUERIES)}
    context.close()
    return found


@pytest.mark.parametrize("query", QUERIES, ids=[f"{q.kind}: {q.text}" for q in QUERIES])
def test_the_right_page_comes_first_or_in_the_top_three(answers, query):
    answer = answers[query.text]
    assert answer.rank is not None and answer.rank <= query.within, (
        f"{query.text!r}: wanted one of {query.expected} within the top {query.within}, got {list(answer.results[:5])}")


def test_there_are_queries_of_every_kind_and_none_finds_nothing(answers):
    assert len(QUERIES) >= 30
    assert {q.kind for q in QUERIES} >= {"word form", "typo", "acronym", "body text", "place", "phrase", "distress"}
    summary = summarise(list(answers.values()))
    assert summary.nothing == 0, summary
