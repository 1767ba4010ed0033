"""Synthetic content in our own format, as much of it as a benchmark needs.

`write_synthetic_content` writes N resources, Q newsletter issues and E events
into a project's `content/` folder, each a Markdown file with valid front
matter (it builds with --strict) and a body with headings, paragraphs, lists,
tables, links and images. The text is assembled from phrases about
trauma-informed practice in LLR, so pages are as long and as varied as real
ones. The same arguments always write the same bytes.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

# Content dates run up to the end of 2029; benchmark builds fix "today" after it
# (TIP_BUILD_DATE) so nothing waits for its publication date.
BUILD_DATE = "2030-01-15"

GROUPS = ("tip", "cop", "tis")
PRIORITIES = ("awareness", "prevention", "workforce", "organisations", "communities")
AUDIENCES = ("practitioners", "leaders", "schools", "families", "communities")
RESOURCE_TYPES = ("guide", "toolkit", "training", "video", "report", "research", "policy-template", "framework", "strategy")

# Images written once per project and shared by many pages, as on a real site.
IMAGES_DIR = "docs/assets/synthetic"  # body images: both builds find them at the same address
IMAGE_NAMES = tuple(f"photo-{i}.png" for i in range(1, 9))
ATTACHMENT_NAMES = tuple(f"handout-{i}.pdf" for i in range(1, 6))

ORGANISATIONS = (
    "Leicester City Council", "Leicestershire County Council", "Rutland County Council",
    "Leicestershire Police", "Leicestershire Partnership NHS Trust", "University Hospitals of Leicester",
    "Violence Reduction Network", "Leicestershire Fire and Rescue Service", "East Midlands Ambulance Service",
    "Office of the Police and Crime Commissioner", "Leicester, Leicestershire and Rutland Integrated Care Board",
    "HM Prison and Probation Service", "Leicester City Youth Justice Service", "Charnwood Borough Council",
    "Melton Borough Council", "Hinckley and Bosworth Borough Council", "Voluntary Action LeicesterShire",
    "Trauma Informed Schools Forum", "Community of Practice Group", "De Montfort University", "University of Leicester",
)

TOPICS = (
    "adverse childhood experiences", "relational practice", "secondary trauma", "compassion fatigue",
    "reflective supervision", "emotional regulation in the classroom", "safe and supportive spaces",
    "language that avoids re-traumatising", "trauma-informed leadership", "school attendance and belonging",
    "youth justice and trauma", "domestic abuse and children", "bereavement and loss", "sensory approaches",
    "staff well-being", "co-production with families", "community resilience", "exclusion and inclusion",
    "transitions between schools", "police contact with young people", "hospital emergency care",
    "housing and homelessness", "substance use and trauma", "cultural humility", "restorative approaches",
    "organisational self-assessment", "trauma-informed commissioning", "peer support", "early help",
    "neurodiversity and trauma",
)

TITLE_FORMS = (
    "{Topic}: a practical guide", "Understanding {topic}", "{Topic} in everyday practice",
    "Getting started with {topic}", "{Topic}: what we have learned", "A short course on {topic}",
    "{Topic} for team leaders", "Talking about {topic} with families", "{Topic}: evidence summary",
    "Ten steps towards {topic}", "{Topic} across LLR", "Briefing: {topic}",
)

SUBJECTS = (
    "Practitioners across Leicester, Leicestershire and Rutland", "Staff in schools and colleges",
    "Frontline teams", "Managers and senior leaders", "Members of the Community of Practice",
    "Families we spoke to", "Young people who took part", "Partners in health and social care",
    "Colleagues in the police and youth justice", "Voluntary and community groups", "Commissioners",
    "Designated safeguarding leads",
)
VERBS = (
    "told us that they value", "are asking for more support with", "have started to build",
    "describe the difference made by", "want clearer guidance on", "have shared examples of",
    "are already practising", "often overlook", "recognise the importance of", "are testing new ways of working with",
)
OBJECTS = (
    "predictable routines", "a calm first conversation", "time to reflect after a difficult day",
    "consistent and trusted adults", "plain language in letters and forms", "a choice in how they are supported",
    "spaces that feel safe", "supervision that makes room for feelings", "noticing what lies behind behaviour",
    "repairing relationships after conflict", "asking what happened rather than what is wrong",
    "joined-up support between services", "listening before acting", "small changes to reception areas",
)
CONTEXTS = (
    "when families first make contact", "during times of change", "in busy emergency settings",
    "in the first weeks at a new school", "when someone discloses harm", "after a critical incident",
    "in multi-agency meetings", "across the whole organisation", "in rural parts of the county",
    "when working with children in care", "in community venues", "over the winter months",
)
CLOSINGS = (
    "This reflects the partnership's shared vision of a trauma-informed system.",
    "The Terms of Reference ask members to share best practice examples like this one.",
    "Small, consistent changes add up over time.",
    "None of this needs a large budget; it needs attention and time.",
    "We will return to this in a future issue of the newsletter.",
    "Members are welcome to bring their own examples to the next meeting.",
    "The evidence points the same way: relationships are what help people recover.",
)
LIST_ITEMS = (
    "Explain what will happen next, and when.", "Offer a choice wherever one is possible.",
    "Check in with colleagues after a difficult conversation.", "Keep the environment calm and predictable.",
    "Use the person's own words when you write about them.", "Notice your own stress response.",
    "Make time for reflective supervision every month.", "Ask families what has helped before.",
    "Share what you learn with the Community of Practice.", "Review letters and leaflets for plain language.",
    "Agree a way to pause a meeting if it becomes too much.", "Signpost to local support services.",
    "Record strengths as well as concerns.", "Plan transitions early, with the young person.",
)
SECTION_HEADINGS = (
    "What it covers", "Who it helps", "How to use it", "Why it matters", "What the evidence says",
    "Before you start", "Questions for your team", "What people told us", "Next steps", "Key messages",
)
EXTERNAL_LINKS = (
    ("NHS advice on mental health", "https://www.nhs.uk/mental-health/"),
    ("Young Minds", "https://www.youngminds.org.uk/"),
    ("the Early Intervention Foundation", "https://www.eif.org.uk/"),
    ("the Mental Health Foundation", "https://www.mentalhealth.org.uk/"),
    ("Barnardo's", "https://www.barnardos.org.uk/"),
    ("the Anna Freud Centre", "https://www.annafreud.org/"),
)
VENUES = (
    "Online (Microsoft Teams)", "City Hall, Leicester", "County Hall, Glenfield", "Oakham Library, Rutland",
    "Leicester Adult Education College", "Loughborough Town Hall", "Melton Carnegie Museum meeting room",
)


PLACES = (
    "Aylestone", "Belgrave", "Braunstone", "Evington", "Humberstone", "Knighton", "New Parks", "Saffron",
    "Spinney Hill", "Stoneygate", "Westcotes", "Beaumont Leys", "Rushey Mead", "Hinckley", "Loughborough",
    "Melton Mowbray", "Market Harborough", "Lutterworth", "Coalville", "Ashby-de-la-Zouch", "Oadby", "Wigston",
    "Blaby", "Enderby", "Narborough", "Syston", "Shepshed", "Ibstock", "Earl Shilton", "Barwell", "Groby",
    "Anstey", "Birstall", "Thurmaston", "Quorn", "Mountsorrel", "Sileby", "Castle Donington", "Kegworth",
    "Broughton Astley", "Oakham", "Uppingham", "Cottesmore", "Empingham", "Ketton", "Ryhall", "Whissendine",
)
ROLES = (
    "foster carers", "school nurses", "youth workers", "housing officers", "custody sergeants", "paramedics",
    "family support workers", "teaching assistants", "social workers", "GPs", "health visitors", "mentors",
    "midwives", "probation officers", "librarians", "sports coaches", "faith leaders", "volunteers",
    "receptionists", "pastoral leads", "call handlers", "firefighters", "community wardens", "counsellors",
)
ACTIVITIES = (
    "a reflective practice session", "a six-week pilot", "a listening event", "a training day",
    "peer supervision circles", "a walk-and-talk group", "an audit of waiting areas", "a review of letters",
    "a family drop-in", "a co-production workshop", "a staff well-being survey", "a shadowing programme",
    "an induction module", "a parents' coffee morning", "a case review", "a mapping exercise",
)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


@dataclass(frozen=True)
class SyntheticCounts:
    resources: int
    newsletters: int
    events: int


def write_synthetic_content(root: Path, resources: int, newsletters: int = 40, events: int = 60, seed: int = 8) -> SyntheticCounts:
    """Write the content of a project at `root`: content/resources, newsletters, events and shared images.

    Item folders are emptied first so a smaller run never keeps a larger one's files.
    """
    rng = random.Random(seed)
    content = root / "content"
    for folder in ("resources", "newsletters", "events"):
        _empty_markdown(content / folder)
    _write_images(root / IMAGES_DIR, content / "newsletters" / "images")
    _write_attachments(content / "resources" / "files")
    resource_ids = [_resource_id(i) for i in range(resources)]
    # Publication dates first: an item links only to items published by its own date, so the
    # content is valid on any build date (the check refuses a link to a later-scheduled item).
    dates_rng = random.Random(seed + 1)
    published = {rid: _date(dates_rng, dt.date(2018, 1, 1), dt.date(2029, 12, 31)) for rid in resource_ids}
    for index, resource_id in enumerate(resource_ids):
        _write(content / "resources" / f"{resource_id}.md", _resource(rng, index, resource_id, resource_ids, published))
    quarters = _quarters(newsletters)
    for year, quarter in quarters:
        _write(content / "newsletters" / f"{year}-q{quarter}.md", _newsletter(rng, year, quarter, resource_ids, published))
    for index in range(events):
        event_id, text = _event(rng, index)
        _write(content / "events" / f"{event_id}.md", text)
    return SyntheticCounts(resources, len(quarters), events)


# --- Items ---


def _resource_id(index: int) -> str:
    topic = TOPICS[index % len(TOPICS)]
    return f"{_slug(topic)}-{index + 1:05d}"


def _resource(rng: random.Random, index: int, resource_id: str, all_ids: list[str], dates: dict[str, dt.date]) -> str:
    topic = TOPICS[index % len(TOPICS)]
    form = TITLE_FORMS[(index // len(TOPICS)) % len(TITLE_FORMS)]
    title = form.format(Topic=topic[0].upper() + topic[1:], topic=topic)
    if index >= len(TOPICS) * len(TITLE_FORMS):  # keep titles distinct at any size
        title += f" (part {index // (len(TOPICS) * len(TITLE_FORMS)) + 1})"
    published = dates[resource_id]
    meta = [
        f"id: {resource_id}",
        f"title: \"{title}\"",
        f"summary: \"{_sentence(rng)} {rng.choice(CLOSINGS)}\"",
        f"type: {rng.choice(RESOURCE_TYPES)}",
        f"audiences: [{', '.join(_some(rng, AUDIENCES, 1, 3))}]",
        f"groups: [{', '.join(_some(rng, GROUPS, 1, 2))}]",
        f"priorities: [{', '.join(_some(rng, PRIORITIES, 1, 3))}]",
        f"organisation: {rng.choice(ORGANISATIONS)}",
        f"published: {published.isoformat()}",
    ]
    has_url = rng.random() < 0.8
    if has_url:
        meta.append(f"url: https://example.org/resources/{resource_id}")
    if not has_url or rng.random() < 0.25:  # a resource needs a web address, a file, or both
        meta += ["attachments:", f"  - file: {rng.choice(ATTACHMENT_NAMES)}", "    title: Printable handout (PDF)"]
    if rng.random() < 0.3:  # reviewed on or after publication (the check refuses a review before it)
        reviewed = max(published, dt.date(2029, 11, 1))
        meta += [f"last_reviewed: {reviewed.isoformat()}", f"next_review: {reviewed.replace(year=reviewed.year + 1).isoformat()}"]
    others = [all_ids[(index + step) % len(all_ids)] for step in (1, 7) if len(all_ids) > step]
    others = [other for other in others if dates[other] <= published]
    return _document(meta, _resource_body(rng, topic, others))


def _resource_body(rng: random.Random, topic: str, related_ids: list[str]) -> str:
    parts = [_paragraph(rng)]
    headings = rng.sample(SECTION_HEADINGS, rng.randint(2, 4))
    for position, heading in enumerate(headings):
        parts.append(f"## {heading}")
        parts.append(_paragraph(rng))
        if position == 0:
            parts.append(_bullets(rng))
        elif position == 1 and rng.random() < 0.5:
            parts.append(_numbered(rng))
        elif rng.random() < 0.3:
            parts.append(_table(rng))
    if rng.random() < 0.4:
        name = rng.choice(IMAGE_NAMES)
        parts.append(f"![A group of practitioners in a training session about {topic}](../assets/synthetic/{name})")
    if rng.random() < 0.25:
        parts.append(f"!!! note \"Looking after yourself\"\n    Reading about {topic} can bring up difficult feelings. Take a break if you need one.")
    links = [f"- [{label}]({url})" for label, url in rng.sample(EXTERNAL_LINKS, 2)]
    links += [f"- [A related resource]({rid}.md)" for rid in related_ids]
    links.append("- [About the partnership](../about.md)")
    parts.append("## Find out more\n\n" + "\n".join(links))
    return "\n\n".join(parts)


def _quarters(count: int) -> list[tuple[int, int]]:
    """The `count` quarters ending with the last one of 2029."""
    last = 2029 * 4 + 3
    return [(q // 4, q % 4 + 1) for q in range(last - count + 1, last + 1)]


def _newsletter(rng: random.Random, year: int, quarter: int, resource_ids: list[str], dates: dict[str, dt.date]) -> str:
    season = ("Winter", "Spring", "Summer", "Autumn")[quarter - 1]
    published = dt.date(year, 3 * quarter - 1, rng.randint(1, 28))
    focus = rng.choice(TOPICS)
    meta = [
        f"title: \"{season} {year}: {focus}\"",
        f"year: {year}",
        f"quarter: {quarter}",
        f"published: {published.isoformat()}",
        f"summary: \"News from the three groups, with a focus on {focus}.\"",
        "cover:",
        f"  src: images/{rng.choice(IMAGE_NAMES)}",
        f"  alt: Members of the partnership at a meeting about {focus}",
        f"groups: [{', '.join(_some(rng, GROUPS, 2, 3))}]",
        f"priorities: [{', '.join(_some(rng, PRIORITIES, 1, 3))}]",
    ]
    parts = ["## From the Lead for Trauma Informed LLR", _paragraph(rng), _paragraph(rng), "## News from the groups"]
    for short, name in (("TIP", "Trauma Informed Partnership Network"), ("CoP", "Community of Practice Group"), ("TIS", "Trauma Informed Schools Forum")):
        parts += [f"### {name} ({short})", _paragraph(rng)]
    parts += ["## Spotlight", _paragraph(rng), f"![Photo from a partnership event](../assets/synthetic/{rng.choice(IMAGE_NAMES)})"]
    earlier = [rid for rid in resource_ids if dates[rid] <= published]
    if earlier:
        picks = rng.sample(earlier, min(3, len(earlier)))
        parts.append("## New in the library\n\n" + "\n".join(f"- [{rid.rsplit('-', 1)[0].replace('-', ' ').capitalize()}](../library/{rid}.md)" for rid in picks))
    parts += ["## Dates for your diary", _bullets(rng), "## Get involved", _paragraph(rng), _numbered(rng)]
    return _document(meta, "\n\n".join(parts))


def _event(rng: random.Random, index: int) -> tuple[str, str]:
    group = GROUPS[index % 3]
    kind = "joint-event" if index % 10 == 9 else rng.choice(("meeting", "meeting", "event"))
    start_day = dt.date(2025, 9, 1) + dt.timedelta(days=index * 29 + rng.randint(0, 5))
    start = dt.datetime.combine(start_day, dt.time(rng.choice((9, 10, 13, 14))))
    end = start + dt.timedelta(hours=rng.choice((1, 2, 3)))
    what = {"meeting": "meeting", "event": "workshop", "joint-event": "joint event"}[kind]
    event_id = f"{group}-{start_day.isoformat()}-{what.replace(' ', '-')}"
    title = f"{group.upper() if group != 'cop' else 'CoP'} {what}: {rng.choice(TOPICS)}"
    meta = [
        f"id: {event_id}",
        f"title: \"{title}\"",
        f"kind: {kind}",
        f"groups: [{', '.join(GROUPS) if kind == 'joint-event' else group}]",
        f"start: {start:%Y-%m-%d %H:%M}",
        f"end: {end:%Y-%m-%d %H:%M}",
        f"location: {rng.choice(VENUES)}",
        f"summary: \"{_sentence(rng)}\"",
    ]
    body = "\n\n".join(["## Agenda", _numbered(rng), _paragraph(rng), "To join, contact the Violence Reduction Network."])
    return event_id, _document(meta, body)


# --- Text ---


def _sentence(rng: random.Random) -> str:
    form = rng.randrange(3)
    if form == 0:
        return (f"In {rng.choice(PLACES)}, {rng.randint(6, 140)} {rng.choice(ROLES)} took part in "
                f"{rng.choice(ACTIVITIES)} in {rng.choice(MONTHS)} {rng.randint(2019, 2029)}.")
    if form == 1:
        return (f"{rng.choice(ORGANISATIONS)} worked with {rng.choice(ROLES)} in {rng.choice(PLACES)} "
                f"on {rng.choice(OBJECTS)} {rng.choice(CONTEXTS)}.")
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(CONTEXTS)}."


def _paragraph(rng: random.Random) -> str:
    sentences = [_sentence(rng) for _ in range(rng.randint(2, 5))]
    if rng.random() < 0.5:
        sentences.append(rng.choice(CLOSINGS))
    if rng.random() < 0.2:
        label, url = rng.choice(EXTERNAL_LINKS)
        sentences.append(f"See [{label}]({url}) for more.")
    return " ".join(sentences)


def _bullets(rng: random.Random) -> str:
    return "\n".join(f"- {item}" for item in rng.sample(LIST_ITEMS, rng.randint(3, 6)))


def _numbered(rng: random.Random) -> str:
    return "\n".join(f"{n}. {item}" for n, item in enumerate(rng.sample(LIST_ITEMS, rng.randint(3, 5)), 1))


def _table(rng: random.Random) -> str:
    rows = [f"| {rng.choice(SECTION_HEADINGS)} | {rng.choice(LIST_ITEMS)} |" for _ in range(rng.randint(2, 4))]
    return "| Theme | What to do |\n|---|---|\n" + "\n".join(rows)


def _some(rng: random.Random, values: tuple[str, ...], low: int, high: int) -> list[str]:
    picked = set(rng.sample(values, rng.randint(low, high)))
    return [v for v in values if v in picked]


def _date(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, (last - first).days))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _document(meta: list[str], body: str) -> str:
    return "---\n" + "\n".join(meta) + "\n---\n\n" + body + "\n"


# --- Files ---


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _empty_markdown(folder: Path) -> None:
    if folder.is_dir():
        for old in folder.glob("*.md"):
            old.unlink()


def _write_images(*folders: Path) -> None:
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
        for number, name in enumerate(IMAGE_NAMES):
            (folder / name).write_bytes(_png(64, 40, number))


def _write_attachments(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in ATTACHMENT_NAMES:
        (folder / name).write_bytes(_pdf(f"Trauma informed practice handout: {name}"))


def _png(width: int, height: int, shade: int) -> bytes:
    """A small gradient PNG, different for each shade, a few kB like a thumbnail."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(
        b"\x00" + b"".join(bytes(((x * 7 + shade * 31) % 256, (y * 11 + shade * 17) % 256, (x + y + shade * 53) % 256)) for x in range(width))
        for y in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def _pdf(text: str) -> bytes:
    """A minimal valid one-page PDF showing `text`."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out
