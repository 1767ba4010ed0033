"""The schemas of every kind of data file and front matter the site reads."""

from __future__ import annotations

from tip_site.core.attendance import ATTENDANCE
from tip_site.core.schema import Field, Schema

ID = Field("id", "slug", "A short, permanent id used in web addresses and cross-references. Never change it once published.", example="tip")

GROUP = Schema(
    "group",
    (
        ID,
        Field("short_name", "text", "The group's abbreviation.", example="TIP"),
        Field("name", "text", "The group's full name.", example="Trauma Informed Partnership Network"),
        Field("who_it_is_for", "text", "Who the group is for (Terms of Reference, section 4)."),
        Field("purpose", "text", "What the group does, in a sentence or two."),
        Field("how_to_join", "text", "How someone can join the group."),
        Field("chair", "text", "Who chairs the group.", required=False),
        Field("co_chair", "text", "The group's co-chair, if it has one.", required=False),
        Field("meets", "text", "How often and how the group meets.", required=False),
    ),
)

PRIORITY = Schema(
    "strategic priority",
    (
        ID,
        Field("number", "int", "The priority's number in the strategy.", minimum=1, maximum=99, example="1"),
        Field("title", "text", "The priority's title.", example="Increase Awareness and Understanding"),
        Field("summary", "text", "What the priority means, in plain words."),
        Field("activities", "per_group", "The activities each group agreed for this priority: one list per group id (a group with none yet has an empty list).", required=False),
    ),
)

TERM = Schema(
    "list entry",
    (
        ID,
        Field("name", "text", "The name shown on the site."),
        Field("description", "text", "A short explanation.", required=False),
    ),
)

BODY = Schema(
    "governance body",
    (
        ID,
        Field("name", "text", "The body's full name."),
        Field("short_name", "text", "Its abbreviation or short name."),
        Field("role", "text", "What it does in the partnership."),
        Field("reports_to", "ref", "The id of the body it reports to.", required=False, ref="governance_body"),
        Field("reporting", "text", "How and how often it reports.", required=False),
    ),
)

GOVERNANCE = Schema(
    "governance file",
    (
        Field("bodies", "object", "The bodies of the governance structure.", many=True, fields=BODY.fields),
        Field("arrangements", "text", "The standing arrangements of the Terms of Reference.", many=True),
        Field("review", "text", "How the Terms of Reference are reviewed."),
        Field("last_reviewed", "date", "When the Terms of Reference were last reviewed, YYYY-MM-DD (they are reviewed every year).", required=False),
    ),
)

SUPPORT_SERVICE = Schema(
    "support service",
    (
        ID,
        Field("name", "text", "The service's name.", example="Samaritans"),
        Field("description", "text", "Who it helps and when to contact it, in plain words."),
        Field("phone", "text", "The phone number, as people dial it. Put it in double quotes.", required=False, example='"116 123"'),
        Field("text_message", "text", "How to reach it by text message.", required=False, example="Text SHOUT to 85258"),
        Field("url", "url", "Its website.", required=False),
        Field("hours", "text", "When it is open.", required=False, example="24 hours a day, every day"),
        Field(
            "urgency", "text",
            "How urgent the help it gives is, which groups it on the page: emergency (999), urgent (help now, "
            "day or night) or support (advice and support).",
            required=False, choices=("emergency", "urgent", "support"), default="support", example="urgent",
        ),
    ),
)

SUPPORT = Schema(
    "support file",
    (
        Field("last_reviewed", "date", "When every number and link was last checked, YYYY-MM-DD."),
        Field("next_review", "date", "When they are next due to be checked, YYYY-MM-DD."),
        Field("services", "object", "The services, most urgent first.", many=True, fields=SUPPORT_SERVICE.fields),
    ),
    doc="The crisis and support services of the \"Need help now?\" page, in content/data/support.yml.",
)

CONTENT_NOTE = Field(
    "content_note", "text",
    "A note shown before the content, and beside it in lists and feeds, about difficult subjects it covers.",
    required=False, example="This resource describes childhood abuse.",
)
FORMER_IDS = Field(
    "former_ids", "slug",
    "Ids it was published under before, oldest first: their old addresses redirect here, and feed readers and calendars "
    "keep knowing it as the same item. Add the old id here whenever you change the id of something already published.",
    required=False, many=True, example="[old-id]",
)
DRAFT = Field("draft", "bool", "true keeps the item off the live site; it shows only in previews.", required=False, default=False, example="false")
GROUPS = Field("groups", "ref", "The ids of the consortium groups it concerns (tip, cop, tis).", many=True, ref="group", example="[tip, cop]")
PRIORITIES = Field("priorities", "ref", "The ids of the strategic priorities it concerns.", many=True, ref="priority", example="[awareness]")

NEWSLETTER = Schema(
    "newsletter issue",
    (
        Field("title", "text", "The issue's title.", example="Spring 2025: the conference is coming"),
        Field("year", "int", "The year of the issue.", minimum=2020, maximum=2100, example="2025"),
        Field("quarter", "int", "The quarter of the year: 1 (Jan–Mar), 2 (Apr–Jun), 3 (Jul–Sep) or 4 (Oct–Dec).", minimum=1, maximum=4, example="1"),
        Field("published", "date", "The publication date, YYYY-MM-DD. It must fall in the issue's quarter.", example="2025-03-14"),
        Field("summary", "text", "One or two sentences shown in the archive and the feeds."),
        Field(
            "cover",
            "object",
            "An optional cover image.",
            required=False,
            fields=(
                Field("src", "text", "The image file, relative to the newsletter file.", example="images/2025-q1-cover.jpg"),
                Field("alt", "text", "A description of the image for people who cannot see it."),
            ),
        ),
        GROUPS,
        PRIORITIES,
        CONTENT_NOTE,
        DRAFT,
        Field(FORMER_IDS.name, "slug", "Ids the issue was published under before (YYYY-qN), oldest first: set when you correct its year or quarter, so its old address redirects here and feed readers do not show it twice.", required=False, many=True, example="[2025-q1]"),
    ),
    doc="One quarterly newsletter issue, in content/newsletters/.",
)

RESOURCE = Schema(
    "resource",
    (
        ID,
        Field("title", "text", "The resource's title."),
        Field("summary", "text", "One or two sentences saying what it is and who it helps."),
        Field("type", "ref", "What kind of resource it is.", ref="resource_type", example="guide"),
        Field("audiences", "ref", "Who it is for.", many=True, ref="audience", example="[practitioners]"),
        GROUPS,
        PRIORITIES,
        Field("organisation", "text", "The organisation that produced it."),
        Field("published", "date", "When it was published, YYYY-MM-DD."),
        Field("url", "url", "Its web address, if it lives on another site.", required=False),
        Field(
            "attachments",
            "object",
            "Files kept with the resource, in content/resources/files/.",
            required=False,
            many=True,
            noun="attachment",
            fields=(
                Field("file", "text", "The file's name in content/resources/files/.", example="self-assessment-framework.pdf"),
                Field("title", "text", "What the file is, as shown on the site."),
            ),
        ),
        Field("last_reviewed", "date", "When the resource was last checked, YYYY-MM-DD.", required=False),
        Field("next_review", "date", "When it is next due to be checked, YYYY-MM-DD.", required=False),
        CONTENT_NOTE,
        DRAFT,
        FORMER_IDS,
    ),
    doc="One resource of the library, in content/resources/.",
)

EVENT = Schema(
    "event",
    (
        ID,
        Field("title", "text", "The event's title."),
        Field("kind", "text", "meeting, event or joint-event.", choices=("meeting", "event", "joint-event"), example="meeting"),
        Field("groups", "ref", "The ids of the groups that meet or take part.", many=True, ref="group", example="[cop]"),
        Field("start", "datetime", "When it starts, UK time: YYYY-MM-DD HH:MM.", example="2025-03-14 10:00"),
        Field("end", "datetime", "When it ends, UK time: YYYY-MM-DD HH:MM.", example="2025-03-14 12:00"),
        Field(
            "attendance", "text", "How people take part: in_person (the default), online, or hybrid (in a room, with others joining online).",
            required=False, choices=ATTENDANCE, default="in_person", example="hybrid",
        ),
        Field("location", "text", "Where it happens: the building and town. Needed unless attendance is online (then you may name the platform, like 'Microsoft Teams').", required=False, example="City Hall, Leicester"),
        Field(
            "joining", "text", "How to join online, shown to everyone. Leave it out to say 'Joining details are sent to members before the meeting'. Never put a private meeting link here.",
            required=False,
        ),
        Field("joining_link", "url", "A link anyone may use to join online: only for events open to the public.", required=False),
        Field("summary", "text", "One or two sentences about it."),
        CONTENT_NOTE,
        DRAFT,
        FORMER_IDS,
    ),
    doc="One meeting or event, in content/events/.",
)

# Keys that MkDocs and Material themselves read from a page's front matter.
_THEME_KEYS = ("hide", "search", "template", "icon", "status", "subtitle")

PAGE = Schema(
    "page",
    (
        Field("title", "text", "The page title, if it differs from the first heading.", required=False),
        Field("description", "text", "A one-sentence summary for search engines and link previews.", required=False),
        CONTENT_NOTE,
        Field("last_reviewed", "date", "When the page was last checked, YYYY-MM-DD.", required=False),
        Field("next_review", "date", "When it is next due to be checked, YYYY-MM-DD.", required=False),
        DRAFT,
        *(Field(key, "text", "Used by the theme.", required=False) for key in ("template", "icon", "status", "subtitle")),
        Field("hide", "text", "Parts of the page layout to hide (navigation, toc, footer).", required=False, many=True),
        Field("search", "object", "Search settings for the page.", required=False, fields=(
            Field("exclude", "bool", "true leaves the page out of search.", required=False),
            Field("keywords", "text", "Words people may search for that the page does not use, such as [counselling, therapy].", required=False, many=True),
        )),
    ),
    doc="A hand-written page in docs/.",
)
