"""What people type into the site's search, and the page each of them is looking for.

Written from the site's content before running any of them through a search,
so that no query was tuned to what a search engine happens to return. Each
query names the pages that answer it (any of them is right) and how high the
first of them must come: 1 (first) or 3 (in the top three). The real site's
content is the corpus: a query stays valid only while its page says what it
says today.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Query:
    text: str
    kind: str
    expected: tuple[str, ...]  # site-relative addresses, as MkDocs writes them ("groups/tip/")
    within: int = 3


COUNTY_HALL = tuple(f"events/{name}/" for name in (
    "joint-event-2026", "joint-event-2027", "cop-2026-q1", "cop-2026-q3", "cop-2027-q1", "cop-2027-q3"))
CITY_HALL = tuple(f"events/{name}/" for name in ("tip-2026-q2", "tip-2026-q4", "tip-2027-q2", "tip-2027-q4"))
ONLINE = tuple(f"events/{name}/" for name in (
    "cop-2026-q2", "cop-2026-q4", "cop-2027-q2", "cop-2027-q4", "tip-2026-q1", "tip-2026-q3", "tip-2027-q1", "tip-2027-q3",
    "tip-2026-q4", "tip-2027-q4",  # hybrid since: City Hall and Microsoft Teams
    "tis-2026-q1", "tis-2026-q2", "tis-2026-q3", "tis-2026-q4", "tis-2027-q1", "tis-2027-q2", "tis-2027-q3", "tis-2027-q4"))
HELP = ("help/",)

QUERIES: tuple[Query, ...] = (
    # Single words naming a page
    Query("governance", "word", ("governance/",), 1),
    Query("membership", "word", ("membership/",), 1),
    Query("privacy", "word", ("privacy/",), 1),
    Query("accessibility", "word", ("accessibility/",), 1),
    Query("subscribe", "word", ("subscribe/",), 1),
    # Plurals and verb forms the pages spell differently
    Query("newsletters", "word form", ("newsletters/",)),
    Query("priority", "word form", ("priorities/",)),
    Query("checklists", "word form", ("library/policy-review-checklist/",)),
    Query("reflecting", "word form", ("library/team-reflection-prompts/",)),
    Query("joining a group", "word form", ("membership/", "groups/", "groups/tip/", "groups/cop/", "groups/tis/")),
    Query("subscribing to updates", "word form", ("subscribe/",)),
    Query("preventing trauma", "word form", ("priorities/prevention/",)),
    Query("trainings", "word form", ("library/trauma-informed-practice-introduction-training/",)),
    # Typos
    Query("goverance", "typo", ("governance/",), 1),
    Query("acessibility", "typo", ("accessibility/",), 1),
    Query("samartians", "typo", HELP, 1),
    Query("newsleter", "typo", ("newsletters/",)),
    Query("prevension", "typo", ("priorities/prevention/",)),
    Query("safty online", "typo", ("safety/",), 1),
    Query("confrence", "typo", ("events/conference-2027/", "library/conference-learning-pack/", "newsletters/2026-q1/")),
    # Acronyms
    Query("TIP", "acronym", ("groups/tip/",)),
    Query("CoP", "acronym", ("groups/cop/",)),
    Query("TIS", "acronym", ("groups/tis/",)),
    Query("ACEs", "acronym", ("library/adverse-childhood-experiences-what-we-know/",)),
    Query("SPB", "acronym", ("governance/", "about/")),
    Query("VRN", "acronym", ("governance/", "contact/")),
    Query("NHS", "acronym", HELP, 1),
    # Words found only in a page's body text
    Query("incognito", "body text", ("safety/",), 1),
    Query("screening", "body text", ("library/adverse-childhood-experiences-what-we-know/",)),
    Query("Thunderbird", "body text", ("subscribe/",), 1),
    Query("braille", "body text", ("accessibility/",), 1),
    Query("marketplace", "body text", ("events/joint-event-2026/",)),
    Query("keynotes", "body text", ("events/conference-2027/",)),
    Query("cookies", "body text", ("privacy/",)),
    Query("emotionally available adults", "body text", ("events/tis-2026-q2/",)),
    # Places
    Query("Glenfield", "place", COUNTY_HALL, 1),
    Query("County Hall", "place", COUNTY_HALL, 1),
    Query("Charles Street", "place", CITY_HALL, 1),
    Query("Microsoft Teams", "place", ONLINE, 1),
    # Phrases naming a document or a page
    Query("LLR TI Strategy", "phrase", ("library/llr-trauma-informed-strategy-2023-2026/",)),
    Query("working definition", "phrase", ("library/working-definition-of-trauma-informed-practice/",), 1),
    Query("co-production outcomes", "phrase", ("library/tip-co-production-outcomes/",), 1),
    Query("calm spaces in classrooms", "phrase", ("library/regulation-spaces-in-classrooms/",), 1),
    Query("self assessment framework", "phrase", ("library/organisational-self-assessment-framework/",)),
    Query("terms of reference", "phrase", ("governance/", "about/", "membership/")),
    # Audience words the pages put another way
    Query("teachers", "synonym", ("groups/tis/",)),
    Query("parents", "synonym", ("library/community-conversations-summary/", "newsletters/2026-q3/", "priorities/communities/")),
    # Words of distress: the help page first
    Query("crisis", "distress", HELP, 1),
    Query("domestic abuse", "distress", HELP, 1),
    Query("emergency", "distress", HELP, 1),
    Query("need help now", "distress", HELP, 1),
    Query("someone to talk to", "distress", HELP, 1),
    Query("suicidal", "distress", HELP, 1),
    Query("self harm", "distress", HELP, 1),
    Query("domestic violence", "distress", HELP, 1),
)
