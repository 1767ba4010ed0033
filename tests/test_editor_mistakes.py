"""Editors' mistakes, as new editors from councils, schools and charities make them.

Every case goes through `tip-check` and through a real `mkdocs build`, plain and
`--strict`: all three must stop with the same message, naming the content file,
the line and the field, with a fix in plain words; the builds must write nothing
and print no traceback. The runs are in-process (`sitekit.run_in_process`): a
failing build stops in its first plugin event, so a subprocess would spend its
time starting Python. `test_bad_content.py` keeps its original cases, and runs
them as subprocesses, so both ways are exercised.
"""

from __future__ import annotations

import os
import re
import struct
import subprocess
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from sitekit import REPO, VALID_EVENT, VALID_NEWSLETTER, VALID_RESOURCE, TinySite, git, run_in_process

NEWS = "content/newsletters/2025-q1.md"
RES = "content/resources/toolkit.md"
EVT = "content/events/cop-2025-q1.md"
ABOUT = "docs/about.md"
GROUPS = "content/data/groups.yml"
PRIORITIES = "content/data/priorities.yml"
SUPPORT = "content/data/support.yml"
GOVERNANCE = "content/data/governance.yml"
AUDIENCES = "content/data/audiences.yml"
DELETE = None  # as a file's content: remove the file
REPO_ABOUT = (REPO / ABOUT).read_text(encoding="utf-8")


def png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b"")


def swap(template: str, old: str, new: str) -> str:
    assert old in template, old
    return template.replace(old, new, 1)


def res(old: str, new: str) -> dict:
    return {RES: swap(VALID_RESOURCE, old, new)}


def news(old: str, new: str) -> dict:
    return {NEWS: swap(VALID_NEWSLETTER, old, new)}


def evt(old: str, new: str) -> dict:
    return {EVT: swap(VALID_EVENT, old, new)}


def data(path: str, old: str, new: str) -> dict:
    return {path: lambda text: swap(text, old, new)}


@dataclass(frozen=True)
class Case:
    group: str
    name: str
    files: dict  # path -> text, bytes, DELETE, or a function of the file's current text
    path: str
    line: int | str | None  # text instead of a number: the (last) line of the file holding it
    field: str | None
    message: str  # words of the message
    fix: str  # words of the fix
    other: tuple = field(default=())  # more (path, message words) the same run must report


CASES = [
    # --- Files and names: nothing an editor adds is silently left out --------------------------------------
    Case("files", "resource-saved-as-txt", {"content/resources/guide.txt": swap(VALID_RESOURCE, "id: toolkit", "id: guide")},
         "content/resources/guide.txt", None, None, "a '.txt' file is not read as a resource", "rename it to 'guide.md'"),
    Case("files", "resource-without-extension", {"content/resources/guide": swap(VALID_RESOURCE, "id: toolkit", "id: guide")},
         "content/resources/guide", None, None, "has no '.md' at its end", "rename it to 'guide.md'"),
    Case("files", "word-document-beside-resources", {"content/resources/action-plan.docx": b"PK\x03\x04 word"},
         "content/resources/action-plan.docx", None, None, "a '.docx' file here is not read as a resource", "move it into content/resources/files/"),
    Case("files", "pdf-beside-resources", {"content/resources/report.PDF": b"%PDF-1.4"},
         "content/resources/report.PDF", None, None, "is not read as a resource, and is not published", "list it under 'attachments:'"),
    Case("files", "hidden-txt-extension", {"content/events/tis-meeting.md.txt": swap(VALID_EVENT, "id: cop-2025-q1", "id: tis-meeting")},
         "content/events/tis-meeting.md.txt", None, None, "ends in '.txt' after '.md'", "rename it to end in .md only: 'tis-meeting.md'"),
    Case("files", "newsletter-as-word-document", {"content/newsletters/2025-q2.docx": b"PK\x03\x04"},
         "content/newsletters/2025-q2.docx", None, None, "is not read as a newsletter issue", "write the issue in a Markdown file"),
    Case("files", "image-beside-resources", {"content/resources/diagram.png": png()},
         "content/resources/diagram.png", None, None, "images in content/resources/ are not published", "move it into docs/images/"),
    Case("files", "image-beside-events", {"content/events/venue-map.jpg": b"\xff\xd8\xff"},
         "content/events/venue-map.jpg", None, None, "images in content/events/ are not published", "move it into docs/images/"),
    Case("files", "folder-name-misspelt", {"content/resource/guide.md": swap(VALID_RESOURCE, "id: toolkit", "id: guide")},
         "content/resource/guide.md", None, None, "the site does not read the folder content/resource/", "move the file into content/resources/"),
    Case("files", "file-in-content-itself", {"content/guide.md": swap(VALID_RESOURCE, "id: toolkit", "id: guide")},
         "content/guide.md", None, None, "this file is in content/ itself", "content/resources/"),
    Case("files", "data-file-as-yaml", {"content/data/groups.yaml": "- id: tip\n"},
         "content/data/groups.yaml", None, None, "its data file is called 'groups.yml'", "rename it to 'groups.yml'"),
    Case("files", "unknown-data-file", {"content/data/partners.yml": "- id: nhs\n"},
         "content/data/partners.yml", None, None, "the site does not read this file in content/data/", "the data files are groups.yml"),
    Case("files", "data-file-deleted", {AUDIENCES: DELETE},
         AUDIENCES, None, None, "this data file is missing", "restore it", other=((RES, "unknown audience 'practitioners'"),)),
    Case("files", "page-with-capital-extension", {"docs/partners.MD": "# Partners\n"},
         "docs/partners.MD", None, None, "in capitals, so the site would offer the file as a download", "rename it to end in lower case: 'partners.md'"),
    Case("files", "saved-as-utf16", {RES: VALID_RESOURCE.encode("utf-16")},
         RES, 1, None, "the file is saved as UTF-16 text, not UTF-8", "save it again choosing the encoding 'UTF-8'"),
    Case("files", "saved-in-windows-1252", {EVT: VALID_EVENT.replace("Practice", "Practice \u2013 spring").encode("cp1252")},
         EVT, 3, None, "the file is not saved as UTF-8 text", "save it again choosing the encoding 'UTF-8'"),
    Case("files", "empty-file", {EVT: ""}, EVT, 1, None, "the file is empty", "start it with a line '---'"),
    Case("files", "picture-renamed-md", {"content/newsletters/photo.md": png()},
         "content/newsletters/photo.md", 1, None, "the file is not saved as UTF-8 text", "UTF-8"),

    # --- Front-matter structure -------------------------------------------------------------------------------
    Case("structure", "blank-line-before-front-matter", {RES: "\n" + VALID_RESOURCE},
         RES, 1, None, "line 1 is blank, above the first '---'", "delete the blank lines, so that '---' is the very first line"),
    Case("structure", "opening-line-missing", {RES: VALID_RESOURCE.removeprefix("---\n")},
         RES, 1, None, "the line '---' above the fields is missing", "add a line '---' above the first field"),
    Case("structure", "opening-line-a-long-dash", {RES: "\u2014-\n" + VALID_RESOURCE.removeprefix("---\n")},
         RES, 1, None, "the first line is '\u2014-', not three hyphens", "write exactly '---'"),
    Case("structure", "closing-line-two-hyphens", {NEWS: swap(VALID_NEWSLETTER, "---\n\nThe", "--\n\nThe")},
         NEWS, 9, None, "line 9 is '--', not three hyphens", "write exactly '---'"),
    Case("structure", "closing-line-missing", {EVT: swap(VALID_EVENT, "---\n\nAgenda", "\nAgenda")},
         EVT, 1, None, "the front matter is not closed", "add a line '---' after the last field (line 9)"),
    Case("structure", "fields-written-as-a-list", {EVT: re.sub(r"(?m)^(?!---)(\w)", r"- \1", VALID_EVENT.split("\n\n")[0]) + "\n\nAgenda.\n"},
         EVT, 2, None, "the front matter is a list", "remove the '- ' at the start of each field's line"),
    Case("structure", "empty-front-matter", {EVT: "---\n---\n\nAgenda.\n"},
         EVT, 2, "id", "this required field is missing", "add 'id:'"),
    Case("structure", "field-name-in-capitals", res("title: A trauma", "Title: A trauma"),
         RES, 3, "Title", "unknown field 'Title' in a resource", "field names are written in lower case"),
    Case("structure", "field-name-with-a-space", res("published: 2024-06-01", "published: 2024-06-01\nlast reviewed: 2025-01-10"),
         RES, 11, "last reviewed", "unknown field 'last reviewed'", "write 'last_reviewed:'"),
    Case("structure", "another-word-for-a-field", res("published: 2024-06-01", "date: 2024-06-01"),
         RES, 10, "published", "this required field is missing", "rename 'date:' to 'published:'"),
    Case("structure", "another-word-for-an-optional-field", res("organisation: Leicester City Council", "organisation: Leicester City Council\nwebsite: https://example.org"),
         RES, 10, "website", "unknown field 'website' in a resource", "write 'url:' (this file has it already: remove this line)"),
    Case("structure", "cover-fields-not-indented", news("priorities: [awareness]", "priorities: [awareness]\ncover:\nsrc: images/cover.png\nalt: The three groups at the joint event"),
         NEWS, 10, "src", "unknown field 'src' in a newsletter issue", "'src' belongs under 'cover:'"),
    Case("structure", "first-field-indented", res("id: toolkit", "  id: toolkit"),
         RES, 2, "id", "the first field is indented", "start 'id' at the beginning of the line"),
    Case("structure", "equals-sign-for-a-colon", res("title: A trauma informed toolkit", "title = A trauma informed toolkit"),
         RES, 3, "title", "written with '=' instead of a colon", "title: A trauma informed toolkit"),

    # --- YAML syntax, in plain words ----------------------------------------------------------------------
    Case("yaml", "no-space-after-colon", res("title: A trauma", "title:A trauma"),
         RES, 3, "title", "there is no space after the colon of 'title:'", "add a space after the colon: title: A trauma informed toolkit"),
    Case("yaml", "no-space-after-colon-last-field", res("url: https://example.org/toolkit", "url:https://example.org/toolkit"),
         RES, 11, "url", "there is no space after the colon of 'url:'", "url: https://example.org/toolkit"),
    Case("yaml", "colon-inside-summary", res("summary: Practical steps for teams.", "summary: Practical steps: for teams."),
         RES, 4, "summary", "the value has a colon (:) in it", 'put the value in double quotes: summary: "Practical steps: for teams."'),
    Case("yaml", "quote-not-closed", res("title: A trauma informed toolkit", 'title: "A trauma informed toolkit'),
         RES, 3, "title", 'the double quote (") that opens this value is not closed', 'add a " at the end of the value'),
    Case("yaml", "apostrophe-in-single-quotes", res("title: A trauma informed toolkit", "title: 'Children's services toolkit'"),
         RES, 3, "title", "the apostrophe inside the value ends its single quotes early", "title: \"Children's services toolkit\""),
    Case("yaml", "text-after-closing-quote", res("title: A trauma informed toolkit", 'title: "A trauma" informed toolkit'),
         RES, 3, "title", "more text follows the closing quote", "put the whole value inside one pair of quotes"),
    Case("yaml", "value-starting-with-at", res("organisation: Leicester City Council", "organisation: @LeicesterCC"),
         RES, 9, "organisation", "a value cannot start with '@' here", 'organisation: "@LeicesterCC"'),
    Case("yaml", "value-starting-with-star", res("summary: Practical steps for teams.", "summary: *New* practical steps"),
         RES, 4, "summary", "a value cannot start with '*' here", 'summary: "*New* practical steps"'),
    Case("yaml", "title-starting-with-bracket", news("title: Spring 2025", "title: [Draft] Spring 2025"),
         NEWS, 2, "title", "a value that starts with '[' is read as a list", 'title: "[Draft] Spring 2025"'),
    Case("yaml", "text-over-two-lines", res("summary: Practical steps for teams.", "summary: Practical steps\nfor teams."),
         RES, 5, "summary", "this line has no field name, so it cannot continue the text of 'summary' above", "write 'summary: >'"),
    Case("yaml", "tab-before-list-item", evt("groups: [cop]", "groups:\n\t- cop"),
         EVT, 6, "groups", "this line is indented with a tab", "use spaces instead"),
    Case("yaml", "non-breaking-spaces", evt("groups: [cop]", "groups:\n\u00a0\u00a0- cop"),
         EVT, 6, "groups", "a non-breaking space", "type them again with the space bar"),
    Case("yaml", "list-items-out-of-line", res("audiences: [practitioners]", "audiences:\n  - practitioners\n - communities"),
         RES, 8, "audiences", "this list item is not lined up with the one above it", "start its '-' under the '-' above"),
    Case("yaml", "field-indented-under-another", res("summary: Practical steps for teams.", "  summary: Practical steps for teams."),
         RES, 4, "summary", "'summary:' is indented, so it reads as part of 'title' above", "start 'summary:' at the same place as 'title:'"),
    Case("yaml", "cover-alt-out-of-line", news("priorities: [awareness]", "priorities: [awareness]\ncover:\n   src: images/cover.png\n  alt: The three groups at the joint event"),
         NEWS, 11, "cover.alt", "'alt:' is not lined up with 'src:' above it", "indent 'alt:' by the same number of spaces as 'src:'"),
    Case("yaml", "curly-quotes-around-a-colon", news("title: Spring 2025", "title: \u201cSpring: the conference\u201d"),
         NEWS, 2, "title", "the value is in curly quotes", 'use straight double quotes: title: "Spring: the conference"'),
    Case("yaml", "hash-inside-a-title", news("title: Spring 2025", "title: Issue #3, spring 2025"),
         NEWS, 2, "title", "the '#' starts a comment, so the site reads only 'Issue'", 'title: "Issue #3, spring 2025"'),
    Case("yaml", "list-on-the-field-line", res("groups: [cop]", "groups: - cop"),
         RES, 7, "groups", "a list cannot start on the same line as its field", "write groups: [cop]"),
    Case("yaml", "text-after-block-marker", res("summary: Practical steps for teams.", "summary: | Practical steps for teams."),
         RES, 4, "summary", "text cannot follow '|' on the same line", "move it to the next line"),
    Case("yaml", "invisible-control-character", res("title: A trauma informed toolkit", "title: A trauma\x08 informed toolkit"),
         RES, 3, "title", "invisible control character", "type it again"),
    Case("yaml", "data-field-out-of-line", data(GROUPS, "  name: Community of Practice Group", "   name: Community of Practice Group"),
         GROUPS, "   name: Community of Practice Group", "[1].name", "'name:' is indented, so it reads as part of 'short_name' above", "start 'name:' at the same place as 'short_name:'"),
    Case("yaml", "data-colon-in-value", data(SUPPORT, "hours: 24 hours a day, every day", "hours: Open: 24 hours a day"),
         SUPPORT, "hours: Open: 24 hours a day", "services[0].hours", "the value has a colon (:) in it", 'hours: "Open: 24 hours a day"'),

    # --- Values and vocabularies ----------------------------------------------------------------------------
    Case("values", "list-written-with-commas", res("audiences: [practitioners]", "audiences: practitioners, communities"),
         RES, 6, "audiences", "'practitioners, communities' is several values written as one", "write a list in square brackets: audiences: [practitioners, communities]"),
    Case("values", "list-written-with-and", news("groups: [tip, cop]", "groups: tip and cop"),
         NEWS, 7, "groups", "is several values written as one", "write a list in square brackets: groups: [tip, cop]"),
    Case("values", "list-item-without-space", res("groups: [cop]", "groups:\n  -cop"),
         RES, 7, "groups[0]", "unknown group '-cop'", "starting with '- ' and a space"),
    Case("values", "two-resource-types", res("type: toolkit", "type: guide, toolkit"),
         RES, 5, "type", "unknown resource type 'guide, toolkit'", "give one resource type only"),
    Case("values", "kind-in-capitals", evt("kind: meeting", "kind: Meeting"),
         EVT, 4, "kind", "'Meeting' should be written in lower case", "write 'meeting'"),
    Case("values", "draft-in-quotes", res("url: https://example.org/toolkit", 'url: https://example.org/toolkit\ndraft: "false"'),
         RES, 12, "draft", "expected true or false", "write false without quotes"),
    Case("values", "draft-yes", res("url: https://example.org/toolkit", "url: https://example.org/toolkit\ndraft: yes"),
         RES, 12, "draft", "expected true or false, found 'yes'", "write true"),
    Case("values", "quarter-as-q2", news("quarter: 1", "quarter: Q1"),
         NEWS, 4, "quarter", "expected a whole number, found 'Q1'", "write just the number: quarter: 1"),
    Case("values", "url-without-https", res("url: https://example.org/toolkit", "url: www.example.org/toolkit"),
         RES, 11, "url", "'www.example.org/toolkit' is not a web address", "write the full address, starting with https://: https://www.example.org/toolkit"),
    Case("values", "url-missing-its-colon", res("url: https://example.org/toolkit", "url: https//example.org/toolkit"),
         RES, 11, "url", "is not a web address", "add the colon: https://example.org/toolkit"),
    Case("values", "url-is-an-email-address", res("url: https://example.org/toolkit", "url: toolkit@example.org"),
         RES, 11, "url", "is not a web address", "this is an email address"),
    Case("values", "url-with-spaces", res("url: https://example.org/toolkit", "url: https://example.org/our toolkit"),
         RES, 11, "url", "is not a web address", "a web address has no spaces"),
    Case("values", "id-with-underscores", res("id: toolkit", "id: trauma_toolkit"),
         RES, 2, "id", "'trauma_toolkit' is not a valid id", "like 'trauma-toolkit'"),
    Case("values", "reserved-id-cards", res("id: toolkit", "id: cards"),
         RES, 2, "id", "the id 'cards' is reserved for the library's own pages", "like 'cards-resource'"),
    Case("values", "group-that-does-not-exist", res("groups: [cop]", "groups: [schools]"),
         RES, 7, "groups[0]", "unknown group 'schools'", "use one of: cop, tip, tis"),
    Case("values", "empty-priorities", res("priorities: [workforce]", "priorities: []"),
         RES, 8, "priorities", "this list is empty", "add at least one"),
    Case("values", "attachment-as-plain-text", res("url: https://example.org/toolkit", "attachments: plan.pdf"),
         RES, 11, "attachments[0]", "expected the fields of an attachment, found 'plan.pdf'", "write each attachment as '- file: …'"),
    Case("values", "attachment-without-title", res("url: https://example.org/toolkit", "attachments:\n  - file: plan.pdf"),
         RES, 12, "attachments[0].title", "this required field is missing", "add 'title:'"),
    Case("values", "attachment-with-folder", {**res("url: https://example.org/toolkit", "attachments:\n  - file: files/plan.pdf\n    title: The plan"),
                                               "content/resources/files/plan.pdf": b"%PDF-1.4"},
         RES, 12, "attachments[0].file", "does not exist in content/resources/files/", "write just the file's name: plan.pdf"),
    Case("values", "attachment-capitals-differ", {**res("url: https://example.org/toolkit", "attachments:\n  - file: plan.pdf\n    title: The plan"),
                                                   "content/resources/files/Plan.pdf": b"%PDF-1.4"},
         RES, 12, "attachments[0].file", "the file 'plan.pdf' does not exist", "capital letters matter: the file is called 'Plan.pdf'"),
    Case("values", "attachment-name-with-spaces", {**res("url: https://example.org/toolkit", "attachments:\n  - file: Annual report 2024.pdf\n    title: The report"),
                                                    "content/resources/files/Annual report 2024.pdf": b"%PDF-1.4"},
         RES, 12, "attachments[0].file", "has spaces or other characters that break web addresses", "rename the file in content/resources/files/ to 'annual-report-2024.pdf'"),
    Case("values", "attachment-listed-twice", {**res("url: https://example.org/toolkit", "attachments:\n  - file: plan.pdf\n    title: The plan\n  - file: plan.pdf\n    title: The plan again"),
                                                "content/resources/files/plan.pdf": b"%PDF-1.4"},
         RES, 14, "attachments[1].file", "the file 'plan.pdf' is listed twice", "remove the repeat"),
    Case("values", "title-as-a-list", res("title: A trauma informed toolkit", "title: [A trauma, informed toolkit]"),
         RES, 3, "title", "expected text, found a list", "write plain text on the same line"),
    Case("values", "required-text-left-empty", res("organisation: Leicester City Council", "organisation:"),
         RES, 9, "organisation", "this required field is empty", "add 'organisation:' with text"),
    Case("values", "event-location-missing", evt("location: Online (Microsoft Teams)\n", ""),
         EVT, 2, "location", "this required field is missing", "add 'location:'"),
    Case("values", "priority-number-in-words", data(PRIORITIES, "number: 1", "number: one"),
         PRIORITIES, "number: one", "[0].number", "expected a whole number, found 'one'", "write a number from 1 to 99"),
    Case("values", "governance-reports-to-unknown", data(GOVERNANCE, "reports_to: spb", "reports_to: sbp"),
         GOVERNANCE, "reports_to: sbp", "bodies[1].reports_to", "unknown governance body 'sbp'", "did you mean 'spb'?"),
    Case("values", "support-url-without-https", data(SUPPORT, "url: https://111.nhs.uk/", "url: www.nhs.uk/111"),
         SUPPORT, "url: www.nhs.uk/111", "services[1].url", "'www.nhs.uk/111' is not a web address", "starting with https://: https://www.nhs.uk/111"),
    Case("values", "group-missing-its-purpose", data(GROUPS, "  purpose: >-\n    Brings together", "  aims: >-\n    Brings together"),
         GROUPS, "- id: tip", "[0].purpose", "this required field is missing", "add 'purpose:'"),
    Case("values", "page-field-misspelt", {ABOUT: "---\ndescripton: About the partnership.\n---\n\n# About\n"},
         ABOUT, 2, "descripton", "unknown field 'descripton' in a page", "did you mean 'description'?"),
    Case("values", "draft-with-a-mistake", res("groups: [cop]", "groups: [cpo]\ndraft: true"),
         RES, 7, "groups[0]", "unknown group 'cpo'", "did you mean 'cop'?"),

    # --- Dates and times ---------------------------------------------------------------------------------------
    Case("dates", "uk-date-with-slashes", news("published: 2025-03-14", "published: 14/03/2025"),
         NEWS, 5, "published", "'14/03/2025' is not a date", "write it as YYYY-MM-DD: 2025-03-14 (if you meant 14 March 2025)"),
    Case("dates", "date-in-words", news("published: 2025-03-14", "published: 14 March 2025"),
         NEWS, 5, "published", "'14 March 2025' is not a date", "write it as YYYY-MM-DD: 2025-03-14"),
    Case("dates", "american-date-in-words", news("published: 2025-03-14", "published: March 14, 2025"),
         NEWS, 5, "published", "is not a date", "write it as YYYY-MM-DD: 2025-03-14"),
    Case("dates", "date-with-slashes-year-first", res("published: 2024-06-01", "published: 2024/06/01"),
         RES, 10, "published", "'2024/06/01' is not a date", "write it as YYYY-MM-DD: 2024-06-01"),
    Case("dates", "date-without-leading-zeros", res("published: 2024-06-01", "published: 2024-6-1"),
         RES, 10, "published", "'2024-6-1' is not a date", "write it as YYYY-MM-DD: 2024-06-01"),
    Case("dates", "day-and-month-swapped", news("published: 2025-03-14", "published: 2025-14-03"),
         NEWS, 5, "published", "2025-14-03 is not a real date", "the month comes second: write 2025-03-14"),
    Case("dates", "no-29th-february", news("published: 2025-03-14", "published: 2025-02-29"),
         NEWS, 5, "published", "2025-02-29 is not a real date", "February 2025 has no day 29"),
    Case("dates", "date-with-a-time", res("published: 2024-06-01", "published: 2024-06-01 09:30"),
         RES, 10, "published", "is not a date", "write only the date: 2024-06-01"),
    Case("dates", "published-false-for-a-draft", res("published: 2024-06-01", "published: false"),
         RES, 10, "published", "'false' is not a date", "write 'draft: true' instead"),
    Case("dates", "month-without-day", res("published: 2024-06-01", "published: 2024-06"),
         RES, 10, "published", "'2024-06' is not a date", "add the day of the month: 2024-06-DD"),
    Case("dates", "time-written-10am", evt("start: 2025-02-10 10:00", "start: 2025-02-10 10am"),
         EVT, 6, "start", "'2025-02-10 10am' is not a date and time", "write 2025-02-10 10:00"),
    Case("dates", "uk-date-and-time", evt("start: 2025-02-10 10:00", "start: 10/02/2025 14:00"),
         EVT, 6, "start", "is not a date and time", "write 2025-02-10 14:00"),
    Case("dates", "end-as-a-time-only", evt("end: 2025-02-10 12:00", "end: 12:00"),
         EVT, 7, "end", "'12:00' is not a date and time", "write the date too: 2025-02-10 12:00"),
    Case("dates", "start-without-a-time", evt("start: 2025-02-10 10:00", "start: 2025-02-10"),
         EVT, 6, "start", "is not a date and time", "add the time, in 24 hours: 2025-02-10"),
    Case("dates", "start-as-a-time-range", evt("start: 2025-02-10 10:00", "start: 2025-02-10 10:00-12:00"),
         EVT, 6, "start", "is not a date and time", "the other time goes in 'end:'"),
    Case("dates", "time-with-a-time-zone", evt("start: 2025-02-10 10:00", "start: 2025-02-10T10:00:00Z"),
         EVT, 6, "start", "is not a date and time", "leave out the time zone, and give UK time: 2025-02-10 10:00"),
    Case("dates", "midnight-as-24", evt("end: 2025-02-10 12:00", "end: 2025-02-10 24:00"),
         EVT, 7, "end", "is not a real date and time", "there is no 24:00"),
    Case("dates", "time-with-a-dot", evt("start: 2025-02-10 10:00", "start: 2025-02-10 10.30"),
         EVT, 6, "start", "is not a date and time", "write 2025-02-10 10:30"),
    Case("dates", "review-month-13", res("published: 2024-06-01", "published: 2024-06-01\nlast_reviewed: 2025-13-01"),
         RES, 11, "last_reviewed", "2025-13-01 is not a real date", "the month comes second: write 2025-01-13"),
    Case("dates", "event-ends-when-it-starts", evt("end: 2025-02-10 12:00", "end: 2025-02-10 10:00"),
         EVT, 7, "end", "the event ends at the moment it starts", "set end to a time after start (2025-02-10 10:00)"),

    # --- Links and images ---------------------------------------------------------------------------------------
    Case("links", "web-link-without-https", {NEWS: VALID_NEWSLETTER + "\nSee [the NHS](www.nhs.uk).\n"},
         NEWS, 13, None, "looks like a web address without https://", "start it with https://, like https://www.nhs.uk"),
    Case("links", "web-link-missing-its-colon", {NEWS: VALID_NEWSLETTER + "\nSee [the NHS](https//www.nhs.uk).\n"},
         NEWS, 13, None, "is missing part of its start", "write it as https://www.nhs.uk"),
    Case("links", "email-address-as-a-link", {RES: VALID_RESOURCE + "\n[Write to us](info@example.org)\n"},
         RES, 16, None, "'info@example.org' is an email address", "write mailto: before it"),
    Case("links", "link-without-md", {NEWS: VALID_NEWSLETTER + "\nRead [about us](../about).\n"},
         NEWS, 13, None, "is written as a web address of this site", "link to the page's file instead: '../about.md'"),
    Case("links", "link-to-the-address-of-a-page", {ABOUT: "# About\n\nSee [the governance](governance/).\n"},
         ABOUT, 3, None, "is written as a web address of this site", "'governance.md'"),
    Case("links", "link-to-an-html-page", {EVT: VALID_EVENT + "\n[Privacy](../privacy.html)\n"},
         EVT, 14, None, "is written as a web address of this site", "'../privacy.md'"),
    Case("links", "link-with-a-space", {RES: VALID_RESOURCE + "\n[The plan](files/action plan.pdf)\n"},
         RES, 16, None, "has a space in it, so the page shows it as text", "write the address without spaces"),
    Case("links", "image-kept-beside-a-resource", {RES: VALID_RESOURCE + "\n![A diagram of the three groups](images/diagram.png)\n",
                                                   "content/resources/images/diagram.png": png()},
         RES, 16, None, "is kept beside the content file, where the site does not publish it", "move it into docs/images/ and write ../images/diagram.png",
         other=(("content/resources/images/diagram.png", "images in content/resources/ are not published"),)),
    Case("links", "newsletter-image-name-with-spaces", {NEWS: VALID_NEWSLETTER + "\n![The three groups at the joint event](<images/joint event.png>)\n",
                                                        "content/newsletters/images/joint event.png": png()},
         NEWS, 13, None, "has spaces or other characters that break web addresses", "rename the file to 'joint-event.png'"),
    Case("links", "newsletter-image-capitals-differ", {NEWS: VALID_NEWSLETTER + "\n![The three groups at the joint event](images/joint-event.png)\n",
                                                       "content/newsletters/images/Joint-Event.png": png()},
         NEWS, 13, None, "does not exist", "capital letters matter: the file is called 'Joint-Event.png'"),
    Case("links", "link-to-a-missing-source-file", {NEWS: VALID_NEWSLETTER + "\nSee [the guide](../resources/guide.md).\n"},
         NEWS, 13, None, "the link '../resources/guide.md' points to a page that does not exist", "check the spelling"),
    Case("links", "heading-that-does-not-exist", {NEWS: VALID_NEWSLETTER + "\nSee [how to use it](../resources/toolkit.md#how-to-use-it).\n"},
         NEWS, 13, None, "has no heading or anchor '#how-to-use-it'", "link to a heading that exists"),
    Case("links", "link-to-a-scheduled-resource", {NEWS: VALID_NEWSLETTER + "\nSee [the guide](../resources/guide.md).\n",
                                                   "content/resources/guide.md": swap(swap(VALID_RESOURCE, "id: toolkit", "id: guide"), "published: 2024-06-01", "published: 2099-06-01")},
         NEWS, 13, None, "points to content/resources/guide.md, which is scheduled for 2099-06-01", "remove the link until 2099-06-01"),

    # --- Duplicates ---------------------------------------------------------------------------------------------
    Case("duplicates", "copied-resource-keeps-its-id", {"content/resources/toolkit-for-schools.md": VALID_RESOURCE},
         "content/resources/toolkit-for-schools.md", 2, "id", "the id 'toolkit' is already used by content/resources/toolkit.md (line 2)", "give this resource its own id, for example 'id: toolkit-for-schools'"),
    Case("duplicates", "copy-that-sorts-first", {"content/resources/a-new-toolkit.md": VALID_RESOURCE},
         "content/resources/a-new-toolkit.md", 2, "id", "is already used by content/resources/toolkit.md", "'id: a-new-toolkit'"),
    Case("duplicates", "copied-event-keeps-its-id", {"content/events/cop-2025-q2.md": swap(VALID_EVENT, "2025-02-10", "2025-05-12").replace("2025-02-10", "2025-05-12")},
         "content/events/cop-2025-q2.md", 2, "id", "the id 'cop-2025-q1' is already used by content/events/cop-2025-q1.md (line 2)", "give this event its own id, for example 'id: cop-2025-q2'"),
    Case("duplicates", "second-issue-for-a-quarter", {"content/newsletters/spring-2025.md": swap(VALID_NEWSLETTER, "Spring 2025", "Spring 2025, again")},
         "content/newsletters/spring-2025.md", 4, "quarter", "quarter 1 of 2025 already has an issue: content/newsletters/2025-q1.md (line 4)", "correct year and quarter in this file"),
    Case("duplicates", "audience-listed-twice", data(AUDIENCES, "- id: practitioners", "- id: practitioners\n  name: Practitioners again\n- id: practitioners"),
         AUDIENCES, "- id: practitioners", "[1].id", "the id 'practitioners' is used twice", "give each entry its own id"),
    Case("duplicates", "support-service-listed-twice", data(SUPPORT, "  - id: nhs-111", "  - id: emergency"),
         SUPPORT, "  - id: emergency", "services[1].id", "the id 'emergency' is used twice (first on line ", "give each service its own id"),
    Case("duplicates", "two-priorities-numbered-1", data(PRIORITIES, "number: 2", "number: 1"),
         PRIORITIES, "number: 1", "[1].number", "the number 1 is used twice", "give each entry its own number"),

    # --- Cross-field sense ----------------------------------------------------------------------------------------
    Case("sense", "reviewed-before-published", res("published: 2024-06-01", "published: 2024-06-01\nlast_reviewed: 2023-05-01"),
         RES, 11, "last_reviewed", "the last review (2023-05-01) is before the resource was published (2024-06-01)", "last_reviewed is the day someone last checked it"),
    Case("sense", "next-review-before-published", res("published: 2024-06-01", "published: 2024-06-01\nnext_review: 2024-01-01"),
         RES, 11, "next_review", "the next review (2024-01-01) is before the resource was published (2024-06-01)", "set next_review after published, within a year: like 2025-06-01"),
    Case("sense", "next-review-on-the-day-of-the-last", res("published: 2024-06-01", "published: 2024-06-01\nlast_reviewed: 2025-01-10\nnext_review: 2025-01-10"),
         RES, 12, "next_review", "the next review is on the same day as the last review", "set next_review after last_reviewed"),
    Case("sense", "newsletter-with-no-text", {NEWS: VALID_NEWSLETTER.replace("The conference is coming.\n", "")},
         NEWS, 9, None, "the newsletter issue has no text below its front matter", "write the issue below the second '---' line"),
    Case("sense", "newsletter-with-only-a-comment", {NEWS: VALID_NEWSLETTER.replace("The conference is coming.", "<!-- write the news here -->")},
         NEWS, 9, None, "the newsletter issue has no text", "write the issue below the second '---' line"),
    Case("sense", "support-review-dates-reversed", data(SUPPORT, "next_review: 2027-05-03", "next_review: 2026-05-03"),
         SUPPORT, "next_review: 2026-05-03", "next_review", "the next review is before the last review", "set next_review after last_reviewed"),
    Case("sense", "page-review-dates-reversed", {ABOUT: "---\nlast_reviewed: 2025-06-01\nnext_review: 2025-01-01\n---\n\n# About\n"},
         ABOUT, 3, "next_review", "the next review is before the last review", "set next_review after last_reviewed"),
]


def write_case(site: TinySite, files: dict) -> None:
    site.with_examples()
    for name, content in files.items():
        target = site.root / name
        if content is DELETE:
            target.unlink()
        elif callable(content):
            site.write(name, content(target.read_text(encoding="utf-8")))
        else:
            site.write(name, content)


def _unescape(text: str) -> str:
    return text.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


@dataclass(frozen=True)
class Reported:
    path: str
    line: int | None
    field: str | None
    message: str
    fix: str
    severity: str


def check_problems(output: str) -> list[Reported]:
    """Every problem of a check run in GitHub Actions, read from its annotations (file, line and field are explicit)."""
    found = []
    for line in output.splitlines():
        match = re.match(r"^::(error|warning) (.*?)::(.*)$", line)
        if not match:
            continue
        properties = dict(part.split("=", 1) for part in match[2].split(","))
        title = _unescape(properties["title"])
        field_name = title.rsplit(": ", 1)[0] if title.endswith((": content problem", ": warning")) else None
        message, _, fix = _unescape(match[3]).partition("\nHow to fix: ")
        found.append(Reported(_unescape(properties["file"]), int(properties["line"]) if "line" in properties else None,
                              field_name, message, fix, match[1]))
    return found


def run_check(site: TinySite, monkeypatch) -> str:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = run_in_process(site.root, "check")
    monkeypatch.delenv("GITHUB_ACTIONS")
    assert result.returncode == 1, result.output
    assert "Traceback" not in result.output
    return result.output


def expected_line(site: TinySite, case: Case) -> int | None:
    if not isinstance(case.line, str):
        return case.line
    lines = (site.root / case.path).read_text(encoding="utf-8").splitlines()
    return max(number for number, text in enumerate(lines, 1) if case.line in text)


def assert_reported(check: str, build: str, case: Case, line: int | None) -> None:
    """The check reports the mistake at its file, line and field, with the fix; the build says the same."""
    problems = [p for p in check_problems(check) if p.path == case.path and case.message in p.message]
    assert problems, f"{case.name}: the check does not report it\n{check}"
    problem = next((p for p in problems if p.field == case.field), problems[0])
    assert problem.severity == "error", check
    assert (problem.line, problem.field) == (line, case.field), f"{case.name}: {problem}\n{check}"
    assert case.fix in problem.fix, f"{case.name}: fix {problem.fix!r}\n{check}"
    where = f"line {line}" if line is not None else "file"
    shown = f"{case.path}\n" in check and f"  Error, {where}: {case.field + ': ' if case.field else ''}{problem.message}\n      How to fix: {problem.fix}\n"
    assert shown in check, f"{case.name}: the report for people differs\n{check}"
    place = f"{case.path}:{line}: " if line is not None else f"{case.path}: "
    expected = f"  {place}{case.field + ': ' if case.field else ''}{problem.message} — {problem.fix}\n"
    assert expected in build, f"{case.name}: the build does not say\n{expected}\n{build}"


@pytest.mark.parametrize("case", CASES, ids=[f"{c.group}-{c.name}" for c in CASES])
def test_each_mistake_stops_check_and_builds_with_the_same_message(tiny_site: TinySite, case: Case, monkeypatch):
    write_case(tiny_site, case.files)
    check = run_check(tiny_site, monkeypatch)
    line = expected_line(tiny_site, case)
    for args in (("build",), ("build", "--strict")):
        build = run_in_process(tiny_site.root, *args)
        assert build.returncode == 1, build.output
        assert "Traceback" not in build.output and "Doc file" not in build.output  # no generated page is named
        assert not tiny_site.site_dir.exists() and not (tiny_site.root / ".site.building").exists()
        assert_reported(check, build.output, case, line)
    for path, words in case.other:
        assert any(p.path == path and words in p.message for p in check_problems(check)), check


def test_the_table_covers_every_group_with_at_least_80_mistakes():
    groups = {case.group for case in CASES}
    assert groups == {"files", "structure", "yaml", "values", "dates", "links", "duplicates", "sense"}
    assert len(CASES) >= 80
    assert len({case.name for case in CASES}) == len(CASES)


# --- Natural forms the site simply accepts ------------------------------------------------------------------

GUIDE = """\
---
id: guide
title: A guide for schools
summary: How schools can use the toolkit.
type: guide
audiences: [schools]
groups: cop
priorities: [workforce]
organisation: Leicestershire County Council
published: 2024-09-01
attachments:
  - file: Plan-2025.PDF
    title: The plan for 2025
---

## Using it in class

Start with [the toolkit](toolkit.md), see [the meeting](../events/tis-2026.MD), download
[the plan](files/Plan-2025.PDF), and look at ![The partnership's three groups](<../../docs/images/three groups.png>).
"""


def test_natural_forms_simply_work(tiny_site: TinySite):
    """Links to source files (as GitHub's preview expects), .markdown and .MD files, times with seconds,
    quoted numbers, a single value for a list, capitals in file names, Windows line endings."""
    tiny_site.with_examples()
    tiny_site.write("content/resources/trauma-guide.markdown", GUIDE)
    tiny_site.write("content/resources/files/Plan-2025.PDF", b"%PDF-1.4 plan")
    tiny_site.write("docs/images/three groups.png", png())
    tiny_site.write("content/newsletters/images/Joint-Event.PNG", png())
    tiny_site.write("content/events/tis-2026.MD", swap(swap(swap(VALID_EVENT, "id: cop-2025-q1", "id: tis-2026"),
                                                             "start: 2025-02-10 10:00", "start: 2026-07-15T10:00:00"),
                                                        "end: 2025-02-10 12:00", "end: 2026-07-15 12:30:00"))
    tiny_site.write(NEWS, (swap(swap(VALID_NEWSLETTER, "year: 2025", 'year: "2025"'), "quarter: 1", "quarter: 01")
                           + "\nRead [the guide](../resources/trauma-guide.markdown#using-it-in-class), "
                             "[the toolkit](../resources/toolkit.md), [its plan](../resources/files/Plan-2025.PDF) "
                             "and [about us](../../docs/about.md).\n\n"
                             "![Members of the three groups at the joint event](images/Joint-Event.PNG)\n").replace("\n", "\r\n"))
    tiny_site.write(ABOUT, (REPO_ABOUT + "\nSee [the guide](../content/resources/trauma-guide.markdown).\n"))
    tiny_site.write("content/resources/README.md", "Resources go here.\n")
    tiny_site.write("content/events/.gitkeep", "")
    check = run_in_process(tiny_site.root, "check")
    assert check.returncode == 0, check.output
    assert "2 resources, 2 events" in check.output
    build = run_in_process(tiny_site.root, "build", "--strict")
    assert build.returncode == 0, build.output
    site = tiny_site.site_dir
    issue = (site / "newsletters/2025-q1/index.html").read_text(encoding="utf-8")
    assert 'href="../../library/guide/#using-it-in-class"' in issue and 'href="../../library/toolkit/"' in issue
    assert 'href="../../library/files/Plan-2025.PDF"' in issue and 'href="../../about/"' in issue
    assert 'src="../images/Joint-Event.PNG"' in issue and (site / "newsletters/images/Joint-Event.PNG").is_file()
    guide = (site / "library/guide/index.html").read_text(encoding="utf-8")
    assert 'href="../toolkit/"' in guide and 'href="../../events/tis-2026/"' in guide
    assert 'href="../files/Plan-2025.PDF"' in guide and (site / "library/files/Plan-2025.PDF").read_bytes() == b"%PDF-1.4 plan"
    assert 'src="../../images/three%20groups.png"' in guide or 'src="../../images/three groups.png"' in guide
    assert 'href="../library/guide/"' in (site / "about/index.html").read_text(encoding="utf-8")
    event = (site / "events/tis-2026/index.html").read_text(encoding="utf-8")
    assert "15 July 2026" in event and "10:00" in event and "12:30" in event


# --- Warnings: shown by the check and the build, stopping neither ---------------------------------------------

WARNINGS = [
    ("review-five-years-away", res("published: 2024-06-01", "published: 2024-06-01\nlast_reviewed: 2024-07-01\nnext_review: 2029-07-01"),
     RES, 12, "next_review", "the next review (2029-07-01) is more than a year after last_reviewed (2024-07-01)", "set next_review to 2025-07-01 or sooner"),
    ("crisis-numbers-reviewed-in-two-years", data(SUPPORT, "next_review: 2027-05-03", "next_review: 2028-11-02"),
     SUPPORT, "next_review: 2028-11-02", "next_review", "is more than a year after last_reviewed", "every year"),
    ("event-lasting-a-year", evt("end: 2025-02-10 12:00", "end: 2026-02-10 12:00"),
     EVT, 7, "end", "the event lasts 365 days", "check the end date"),
    ("issue-file-named-for-another-quarter", {"content/newsletters/2025-q2.md": VALID_NEWSLETTER, NEWS: DELETE},
     "content/newsletters/2025-q2.md", 4, "quarter", "the file is named for 2025-q2, but its year and quarter say 2025-q1", "rename the file to 2025-q1.md"),
    ("file-made-by-a-computer", {"content/resources/.DS_Store": b"\x00\x00\x00\x01Bud1"},
     "content/resources/.DS_Store", None, None, "this file is not part of the site", "delete it"),
]


@pytest.mark.parametrize("files, path, line, field_name, message, fix", [w[1:] for w in WARNINGS], ids=[w[0] for w in WARNINGS])
def test_doubtful_things_are_warnings_in_the_check_and_the_build(tiny_site: TinySite, files, path, line, field_name, message, fix, monkeypatch):
    write_case(tiny_site, files)
    line = expected_line(tiny_site, Case("", "", {}, path, line, None, "", ""))
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    check = run_in_process(tiny_site.root, "check")
    monkeypatch.delenv("GITHUB_ACTIONS")
    assert check.returncode == 0, check.output
    (warning,) = [p for p in check_problems(check.output) if p.path == path and message in p.message]
    assert (warning.severity, warning.line, warning.field) == ("warning", line, field_name) and fix in warning.fix
    build = run_in_process(tiny_site.root, "build", "--strict")
    assert build.returncode == 0, build.output
    place = f"{path}:{line}: " if line else f"{path}: "
    assert f"{place}{field_name + ': ' if field_name else ''}{warning.message} — {warning.fix} (warning)" in build.output


# --- Duplicates, told apart with git ---------------------------------------------------------------------------


def test_a_copied_id_is_blamed_on_the_file_not_yet_on_main(tiny_site: TinySite, monkeypatch):
    """The published original is named oddly and is newer on disk: only git can tell which is the copy."""
    monkeypatch.delenv("GITHUB_BASE_REF", raising=False)
    tiny_site.with_examples()
    original = tiny_site.root / RES
    original.rename(tiny_site.root / "content/resources/zz-published.md")
    git(tiny_site.root, "init", "-q", "-b", "main")
    git(tiny_site.root, "add", "-A")
    git(tiny_site.root, "commit", "-q", "-m", "The live site")
    git(tiny_site.root, "checkout", "-q", "-b", "new-resource")
    copy = tiny_site.write("content/resources/aa-schools.md", VALID_RESOURCE.replace("A trauma informed", "A schools'"))
    git(tiny_site.root, "add", "-A")
    git(tiny_site.root, "commit", "-q", "-m", "A new resource, copied from the toolkit")
    os.utime(copy, (1_000_000_000, 1_000_000_000))  # the copy even looks older on disk
    check = run_in_process(tiny_site.root, "check")
    assert check.returncode == 1
    assert ("content/resources/aa-schools.md\n  Error, line 2: id: the id 'toolkit' is already used by "
            "content/resources/zz-published.md (line 2), which is on the live site\n"
            "      How to fix: give this resource its own id, for example 'id: aa-schools': the other file is already "
            "published, and changing its id would change its web address\n") in check.output, check.output
    assert "content/resources/zz-published.md\n" not in check.output
    build = run_in_process(tiny_site.root, "build")
    assert build.returncode == 1 and "content/resources/aa-schools.md:2: id: the id 'toolkit' is already used" in build.output


def test_without_git_the_newer_file_is_the_copy(tiny_site: TinySite):
    tiny_site.with_examples()
    os.utime(tiny_site.root / RES, (1_000_000_000, 1_000_000_000))
    tiny_site.write("content/resources/a-copy.md", VALID_RESOURCE)
    tiny_site.write("content/resources/zz-copy.md", VALID_RESOURCE)
    check = run_in_process(tiny_site.root, "check")
    assert check.returncode == 1
    for copy in ("content/resources/a-copy.md", "content/resources/zz-copy.md"):
        assert f"{copy}\n  Error, line 2: id: the id 'toolkit' is already used by {RES} (line 2)\n" in check.output
    assert f"{RES}\n" not in check.output


# --- A failed build leaves the previous site as it was --------------------------------------------------------


def test_a_failed_build_keeps_the_previous_site_whole(tiny_site: TinySite):
    tiny_site.with_examples()
    assert run_in_process(tiny_site.root, "build").returncode == 0
    before = {p.relative_to(tiny_site.site_dir): p.stat().st_mtime_ns for p in tiny_site.site_dir.rglob("*")}
    tiny_site.write(RES, VALID_RESOURCE + "\n[broken](../nowhere.md)\n")
    assert run_in_process(tiny_site.root, "build", "--no-strict").returncode == 1  # a content error, even not strict
    config = tiny_site.root / "mkdocs.yml"
    tiny_site.write(RES, VALID_RESOURCE)
    config.write_text(config.read_text().replace("  - About: about.md\n", "  - About: about.md\n  - Gone: gone.md\n"))
    failed = run_in_process(tiny_site.root, "build", "--strict")  # a warning only MkDocs finds, after writing pages
    assert failed.returncode == 1 and "gone.md" in failed.output
    after = {p.relative_to(tiny_site.site_dir): p.stat().st_mtime_ns for p in tiny_site.site_dir.rglob("*")}
    assert after == before
    assert sorted(p.name for p in tiny_site.root.iterdir() if p.name.startswith(".site")) == []
    assert run_in_process(tiny_site.root, "build", "--no-strict").returncode == 0  # not strict: built, with the warning
    assert {p.relative_to(tiny_site.site_dir) for p in tiny_site.site_dir.rglob("*")} >= set(before)


# --- No traceback from any input ------------------------------------------------------------------------------

FUZZ_EDITS = 240  # bounded in count…
FUZZ_SECONDS = 60  # …and in time (a slow machine checks fewer)
_PIECES = [b":", b": ", b"-", b"- ", b"---", b"\n", b"\r", b"\t", b" ", b"#", b"'", b'"', b"[", b"]", b"{", b"}", b"&", b"*",
           b"!", b"|", b">", b"%", b"@", b"`", b"?", b",", b"\x00", b"\xff", b"\xe2\x80\x9c", b"\xc2\xa0", b"0", b"9",
           b"2025-13-40", b"](", b"](../", b"![", b"<", b"<script>", b"\\", b"../", b"\xf0\x9f\x98\x80", b"true", b"null", b"](http://[", b"https://", b":99999"]


_PARSER_WORDS = re.compile(r"<block|<scalar|<document|mapping values|could not find expected|while (scanning|parsing)|found character|block end")


def mutated(data: bytes, rng) -> bytes:
    """`data` with one to four random edits: a byte or a piece of syntax inserted, replaced or removed."""
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(data) + 1)
        kind = rng.random()
        piece = rng.choice(_PIECES) if rng.random() < 0.8 else bytes([rng.randrange(256)])
        if kind < 0.4:
            data = data[:at] + piece + data[at:]
        elif kind < 0.75:
            data = data[:at] + piece + data[at + rng.randint(1, 8):]
        else:
            data = data[:at] + data[at + rng.randint(1, 12):]
    return data


def test_no_traceback_from_random_edits_of_valid_files(tiny_site: TinySite):
    import random
    import time

    from tip_site.check import format_report
    from tip_site.core.build_date import build_date
    from tip_site.core.content_files import UNEXPECTED_FIX
    from tip_site.validation import build_report, validate

    tiny_site.with_examples()
    targets = [RES, NEWS, EVT, ABOUT, GROUPS, SUPPORT, PRIORITIES]
    originals = {path: (tiny_site.root / path).read_bytes() for path in targets}
    rng = random.Random(14)
    today = build_date()
    started = time.monotonic()
    done = 0
    failing = 0
    while done < FUZZ_EDITS and time.monotonic() - started < FUZZ_SECONDS:
        path = targets[done % len(targets)]
        data = mutated(originals[path], rng)
        (tiny_site.root / path).write_bytes(data)
        result = validate(tiny_site.root, today)  # raises nothing, whatever the input
        problems = result.errors + result.warnings
        assert format_report(problems) is not None and build_report(result.errors) is not None
        unexpected = [p for p in problems if p.fix == UNEXPECTED_FIX]
        assert not unexpected, (path, data, unexpected)
        assert all(p.path and p.message for p in problems)
        jargon = [p for p in problems if _PARSER_WORDS.search(f"{p.message} {p.fix}")]
        assert not jargon, (path, data, jargon)  # PyYAML's own words never reach the editor
        if done % 40 == 0:  # now and then, the commands themselves
            for args in (("check",), ("build", "--strict")):
                run = run_in_process(tiny_site.root, *args)
                assert "Traceback" not in run.output, (path, data, run.output)
                assert (run.returncode == 0) == result.ok or args[0] == "build", (path, data, run.output)
        failing += not result.ok
        (tiny_site.root / path).write_bytes(originals[path])
        done += 1
    assert done >= 20 and failing >= done // 4  # the edits really did break things


# --- The documentation shows real output ------------------------------------------------------------------------


def _blocks(text: str, after: str) -> list[str]:
    return re.findall(r"```(?:text)?\n(.*?)```", text.split(after, 1)[1], re.S)


def test_the_readme_example_is_real_output(tiny_site: TinySite, monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    check_block, build_block = _blocks((REPO / "README.md").read_text(encoding="utf-8"), "## When content is wrong")[:2]
    tiny_site.with_examples()
    tiny_site.write(RES, swap(swap(VALID_RESOURCE, "summary:", "sumary:"), "audiences: [practitioners]", "audiences: practitioners, communities"))
    assert run_in_process(tiny_site.root, "check").output == check_block
    build = run_in_process(tiny_site.root, "build")
    assert build.returncode == 1 and build_block in build.output, build.output


def test_the_editors_guide_example_is_real_output(tiny_site: TinySite, monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    (block,) = _blocks((REPO / "docs/editors/check-messages.md").read_text(encoding="utf-8"), "## The shape of a message")[:1]
    tiny_site.with_examples()
    tiny_site.write(RES, swap(VALID_RESOURCE, "audiences: [practitioners]", "audiences: practitioners, communities"))
    assert run_in_process(tiny_site.root, "check").output == block


def test_every_broken_link_gets_its_hint_however_many_there_are(tiny_site: TinySite, monkeypatch):
    """The suggestions used to stop after 25 messages."""
    tiny_site.with_examples()
    links_text = "\n\n".join(f"See [about us {n}](../abuot.md)." for n in range(30))
    tiny_site.write(NEWS, VALID_NEWSLETTER + "\n" + links_text + "\n")
    check = run_check(tiny_site, monkeypatch)
    problems = [p for p in check_problems(check) if p.path == NEWS]
    assert len(problems) == 30 and all(p.fix == "did you mean '../about.md'?" for p in problems), check
