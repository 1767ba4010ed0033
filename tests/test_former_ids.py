"""Ids changed after publication: the check refuses them unless the old id is listed in `former_ids`."""

from __future__ import annotations

import datetime as dt

import pytest

from sitekit import VALID_EVENT, VALID_NEWSLETTER, VALID_RESOURCE, TinySite, commit_all, problem_reported
from tip_site.core import load_site
from tip_site.core.former_ids import original_id

RESOURCE = "content/resources/toolkit.md"


@pytest.fixture
def published(tmp_path) -> TinySite:
    """A site whose toolkit, newsletter and meeting were committed (published) on 1 March 2026."""
    site = TinySite(tmp_path).with_examples()
    commit_all(site.root, "First content", "2026-03-01 09:00:00")
    return site


def _rename(site: TinySite, path: str, old: str, new: str) -> None:
    file = site.root / path
    text = file.read_text()
    assert old in text
    file.write_text(text.replace(old, new, 1))


def test_a_published_resource_cannot_change_its_id_silently(published):
    _rename(published, RESOURCE, "id: toolkit", "id: practical-toolkit")
    problem = problem_reported(published.root, RESOURCE, "was published as 'toolkit'")
    assert (problem.line, problem.field) == (2, "id")
    assert "former_ids: [toolkit]" in problem.fix


def test_listing_the_old_id_keeps_the_item_known_by_it(published):
    _rename(published, RESOURCE, "id: toolkit", "id: practical-toolkit\nformer_ids: [toolkit]")
    resource = load_site(published.root).resources[0]
    assert (resource.id, resource.former_ids, original_id(resource)) == ("practical-toolkit", ("toolkit",), "toolkit")


def test_a_committed_id_change_is_refused_too(published):
    _rename(published, RESOURCE, "id: toolkit", "id: practical-toolkit")
    commit_all(published.root, "New id", "2026-03-02 09:00:00")
    problem_reported(published.root, RESOURCE, "was published as 'toolkit'")


def test_the_first_published_id_must_come_first(published):
    _rename(published, RESOURCE, "id: toolkit", "id: second-id")
    (published.root / RESOURCE).write_text((published.root / RESOURCE).read_text().replace("id: second-id", "id: second-id\nformer_ids: [toolkit]"))
    commit_all(published.root, "Second id", "2026-03-02 09:00:00")
    _rename(published, RESOURCE, "id: second-id\nformer_ids: [toolkit]", "id: third-id\nformer_ids: [second-id, toolkit]")
    problem = problem_reported(published.root, RESOURCE, "was first published as 'toolkit'")
    assert problem.fix == "put 'toolkit' first in former_ids"


def test_a_newsletter_moved_to_another_quarter_lists_its_old_id(published):
    path = "content/newsletters/2025-q1.md"
    _rename(published, path, "published: 2025-03-14", "published: 2025-04-14")
    _rename(published, path, "quarter: 1", "quarter: 2")
    problem = problem_reported(published.root, path, "was published as '2025-q1'")
    assert problem.field == "former_ids" and "former_ids: [2025-q1]" in problem.fix
    _rename(published, path, "quarter: 2", "quarter: 2\nformer_ids: [2025-q1]")
    assert load_site(published.root).newsletters[0].id == "2025-q2"


def test_an_event_keeps_its_calendar_identity(published):
    path = "content/events/cop-2025-q1.md"
    _rename(published, path, "id: cop-2025-q1", "id: cop-meeting-february-2025")
    problem_reported(published.root, path, "was published as 'cop-2025-q1'")
    _rename(published, path, "id: cop-meeting-february-2025", "id: cop-meeting-february-2025\nformer_ids: [cop-2025-q1]")
    assert original_id(load_site(published.root).events[0]) == "cop-2025-q1"


def test_drafts_and_items_not_yet_due_may_change_their_id(tmp_path):
    site = TinySite(tmp_path)
    site.write("content/resources/draft.md", VALID_RESOURCE.replace("id: toolkit", "id: draft-guide").replace("url:", "draft: true\nurl:"))
    site.write("content/resources/later.md", VALID_RESOURCE.replace("id: toolkit", "id: later-guide").replace("published: 2024-06-01", "published: 2026-12-01"))
    commit_all(site.root, "Not public yet", "2026-03-01 09:00:00")
    _rename(site, "content/resources/draft.md", "id: draft-guide", "id: renamed-draft")
    _rename(site, "content/resources/later.md", "id: later-guide", "id: renamed-later")
    ids = {r.id for r in load_site(site.root, include_drafts=True, today=dt.date(2026, 6, 1)).resources}
    assert ids == {"renamed-draft"}  # the scheduled one waits for its date
    # Once its date has come, the live site shows it under the id it has in the repository.
    problem_reported(site.root, "content/resources/later.md", "was published as 'later-guide'", today=dt.date(2026, 12, 2))


@pytest.mark.parametrize(
    "files, path, words",
    [
        ({"content/resources/toolkit.md": VALID_RESOURCE.replace("url:", "former_ids: [toolkit]\nurl:")}, RESOURCE, "'toolkit' is the current id"),
        ({"content/resources/toolkit.md": VALID_RESOURCE.replace("url:", "former_ids: [index]\nurl:")}, RESOURCE, "one of the site's own pages"),
        (
            {
                "content/resources/toolkit.md": VALID_RESOURCE,
                "content/resources/other.md": VALID_RESOURCE.replace("id: toolkit", "id: other").replace("url:", "former_ids: [toolkit]\nurl:"),
            },
            "content/resources/other.md", "'toolkit' is used by content/resources/toolkit.md",
        ),
        ({"content/newsletters/2025-q1.md": VALID_NEWSLETTER.replace("---\n\n", "former_ids: [spring]\n---\n\n", 1)}, "content/newsletters/2025-q1.md", "'spring' is not a newsletter id"),
        ({"content/events/cop-2025-q1.md": VALID_EVENT.replace("summary:", "former_ids: [Old Id]\nsummary:")}, "content/events/cop-2025-q1.md", "'Old Id' is not a valid id"),
    ],
)
def test_former_ids_that_cannot_work_are_reported(tmp_path, files, path, words):
    site = TinySite(tmp_path)
    for name, text in files.items():
        site.write(name, text)
    problem = problem_reported(site.root, path, words)
    assert problem.fix
