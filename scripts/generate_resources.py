#!/usr/bin/env python3
"""Write N synthetic but plausible resources into a content folder, for measuring the library.

    scripts/generate_resources.py 5000 /tmp/bench/content/resources

Deterministic: the same N and --seed always give the same files. Titles and
summaries are built from pools of phrases of the partnership's field, so the
text compresses roughly like real text, not like repeated filler.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

TOPICS = [
    "adverse childhood experiences", "emotional regulation", "safe and supportive classrooms", "relational practice",
    "compassionate leadership", "vicarious trauma", "secondary stress in frontline teams", "co-production with families",
    "trauma informed language", "reflective supervision", "attachment and belonging", "restorative conversations",
    "exclusion prevention", "domestic abuse and children", "bereavement and loss", "community resilience",
    "youth justice transitions", "trauma aware policing", "health visiting", "transition from primary to secondary school",
    "staff wellbeing", "psychological safety", "culturally responsive practice", "neighbourhood networks",
    "early help assessments", "housing and homelessness", "peer support", "commissioning for prevention",
    "organisational self-assessment", "first contact with services", "reception and front desk work",
    "parenting under pressure", "young carers", "school attendance", "physical environments that feel safe",
    "language that avoids blame", "information sharing", "recruitment and induction", "risk and resilience",
]
KINDS = {
    "guide": ["a practical guide", "a short guide", "a guide for teams"],
    "toolkit": ["a toolkit", "a team toolkit", "a starter toolkit"],
    "training": ["training materials", "a half-day workshop", "an e-learning module"],
    "video": ["a short film", "a recorded talk", "an animated explainer"],
    "report": ["a report", "an evaluation report", "findings from a pilot"],
    "research": ["a research summary", "an evidence review", "a rapid literature review"],
    "policy-template": ["a policy template", "a model procedure", "a template and checklist"],
    "framework": ["a framework", "a practice framework", "a self-assessment tool"],
    "strategy": ["a strategy", "a delivery plan", "an action plan"],
}
AUDIENCE_WORDS = {
    "practitioners": "frontline practitioners", "leaders": "leaders and commissioners",
    "schools": "school and college staff", "families": "parents and carers", "communities": "community groups",
}
ORGANISATIONS = [
    "Leicester City Council", "Leicestershire County Council", "Rutland County Council", "Leicestershire Police",
    "Violence Reduction Network", "Leicestershire Partnership NHS Trust", "University Hospitals of Leicester",
    "LLR Integrated Care Board", "Leicestershire Fire and Rescue Service", "East Midlands Ambulance Service",
    "Office of the Police and Crime Commissioner", "HM Prison and Probation Service", "Youth Justice Service",
    "Voluntary Action LeicesterShire", "Charnwood Borough Council", "Melton Borough Council", "Trauma Informed Schools Forum",
]
OPENINGS = [
    "Sets out how {audience} can recognise and respond to {topic}.",
    "Explains {topic} in plain words, with examples from services across Leicester, Leicestershire and Rutland.",
    "Brings together what {audience} told us about {topic} and what helped.",
    "Helps {audience} plan small, practical changes around {topic}.",
    "Describes a local approach to {topic}, tested with teams in {place}.",
    "Offers questions, prompts and case studies on {topic} for {audience}.",
]
CLOSINGS = [
    "Includes a one-page summary and suggestions for team discussion.",
    "Links to further reading and to support available locally.",
    "Written with people who have lived experience of trauma.",
    "Takes about {minutes} minutes to read and can be used in supervision.",
    "Reviewed by members of the {group} in {year}.",
    "Suitable for induction and for refresher sessions.",
    "Designed to be adapted to each organisation's own policies.",
]
PLACES = ["Leicester", "Loughborough", "Hinckley", "Oakham", "Melton Mowbray", "Coalville", "Market Harborough", "Wigston", "Lutterworth", "Uppingham"]
GROUP_NAMES = {"tip": "Partnership Network", "cop": "Community of Practice", "tis": "Schools Forum"}
PRIORITIES = ["awareness", "prevention", "workforce", "organisations", "communities"]


def resource_markdown(index: int, rng: random.Random) -> str:
    kind = rng.choice(sorted(KINDS))
    topic = rng.choice(TOPICS)
    audiences = sorted(rng.sample(sorted(AUDIENCE_WORDS), rng.randint(1, 3)))
    groups = sorted(rng.sample(sorted(GROUP_NAMES), rng.randint(1, 2)))
    priorities = sorted(rng.sample(PRIORITIES, rng.randint(1, 2)), key=PRIORITIES.index)
    published = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(5 * 365))
    audience_words = AUDIENCE_WORDS[audiences[0]]
    title = f"{topic[0].upper()}{topic[1:]}: {rng.choice(KINDS[kind])} for {audience_words}"
    summary = " ".join([
        rng.choice(OPENINGS).format(audience=audience_words, topic=topic, place=rng.choice(PLACES)),
        rng.choice(CLOSINGS).format(minutes=rng.choice([10, 15, 20, 30, 45]), group=GROUP_NAMES[groups[0]], year=published.year),
    ])
    return "\n".join([
        "---",
        f"id: generated-{index:05d}",
        f'title: "{title} ({index})"',
        f'summary: "{summary}"',
        f"type: {kind}",
        f"audiences: [{', '.join(audiences)}]",
        f"groups: [{', '.join(groups)}]",
        f"priorities: [{', '.join(priorities)}]",
        f"organisation: {rng.choice(ORGANISATIONS)}",
        f"published: {published.isoformat()}",
        f"url: https://example.org/resources/{index:05d}",
        "---",
        "",
        f"A generated resource for measuring the library ({index} of a synthetic set).",
        "",
    ])


def generate_resources(count: int, folder: Path, seed: int = 2024) -> list[Path]:
    """Write `count` resource files into `folder` and return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for index in range(1, count + 1):
        path = folder / f"generated-{index:05d}.md"
        path.write_text(resource_markdown(index, rng), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)
    generate_resources(args.count, args.folder, args.seed)
    print(f"wrote {args.count} resources to {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
