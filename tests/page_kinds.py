"""One page of every kind on the project's own site, by the address it is served at."""

PAGE_KINDS = {
    "home": "",
    "about (hand-written)": "about/",
    "groups index": "groups/",
    "group": "groups/cop/",
    "priorities index": "priorities/",
    "priority": "priorities/workforce/",
    "matrix": "priorities/matrix/",
    "governance": "governance/",
    "membership": "membership/",
    "library": "library/",
    "library list": "library/type/guide/",
    "resource": "library/organisational-self-assessment-framework/",
    "newsletter archive": "newsletters/",
    "newsletter issue": "newsletters/2026-q3/",
    "events": "events/",
    "event": "events/conference-2027/",
    "subscribe": "subscribe/",
    "help": "help/",
    "safety": "safety/",
    "privacy": "privacy/",
    "accessibility": "accessibility/",
    "contact": "contact/",
    "editors' guide": "editors/",
    "front-matter reference": "editors/front-matter/",
    "404": "404.html",
}

# Files that are pages too, though not of the site's own layout.
OTHER_PAGES = {
    "newsletter email edition": "newsletters/2026-q3/email.html",
}


def file_of(path: str) -> str:
    """The built file a served address comes from."""
    return path if path.endswith(".html") else path + "index.html"
