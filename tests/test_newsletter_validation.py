"""Newsletter mistakes editors make, each with the file, line and words they must read.

The table covers every newsletter check: quarter against date, one issue per
quarter, cover and body images (exist, are pictures kept with the issue, have
real alt text). A missing quarter between two issues is a warning, not an
error: `tip-check` passes and shows it, `mkdocs build --strict` refuses it.
"""

from __future__ import annotations

import struct
import zlib

import pytest

from sitekit import VALID_NEWSLETTER, TinySite, problem_reported
from tip_site.core import load_site

NEWS = "content/newsletters/2025-q1.md"
COVER = "cover:\n  src: images/cover.png\n  alt: Members of the three groups around a table at the joint event\n"


def tiny_png() -> bytes:
    """A valid 1x1 white PNG, so image checks see a real picture."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b"")


def with_front(extra: str, body: str = "") -> dict:
    """The valid issue with `extra` front matter after 'priorities:' (line 9 on) and `body` appended."""
    text = VALID_NEWSLETTER.replace("priorities: [awareness]\n", "priorities: [awareness]\n" + extra, 1)
    return {NEWS: text + body}


def cover(src: str = "images/cover.png", alt: str = "Members of the three groups around a table at the joint event") -> dict:
    return with_front(f"cover:\n  src: {src}\n  alt: {alt}\n")


def replace(old: str, new: str) -> dict:
    assert old in VALID_NEWSLETTER
    return {NEWS: VALID_NEWSLETTER.replace(old, new, 1)}


def body(markdown: str) -> dict:
    return {NEWS: VALID_NEWSLETTER + "\n" + markdown + "\n"}  # the appended line is line 13


# (case id, files written over the valid example, path, line, field, words in the message)
CASES = [
    ("date-in-another-quarter", replace("published: 2025-03-14", "published: 2025-04-02"), NEWS, 5, "published", "2025-04-02 is not in quarter 1 of 2025 — change the date, or set year: 2025 and quarter: 2"),
    ("date-in-another-year", replace("published: 2025-03-14", "published: 2024-03-14"), NEWS, 5, "published", "set year: 2024 and quarter: 1"),
    ("two-issues-one-quarter", {"content/newsletters/spring.md": VALID_NEWSLETTER}, "content/newsletters/spring.md", 4, "quarter", "quarter 1 of 2025 already has an issue: content/newsletters/2025-q1.md"),
    ("cover-not-a-mapping", with_front("cover: images/cover.png\n"), NEWS, 9, "cover", "expected the fields of a cover, found 'images/cover.png'"),
    ("cover-without-src", with_front("cover:\n  alt: Members of the three groups\n"), NEWS, 10, "cover.src", "this required field is missing"),
    ("cover-without-alt", with_front("cover:\n  src: images/cover.png\n"), NEWS, 10, "cover.alt", "this required field is missing"),
    ("cover-empty-alt", cover(alt='""'), NEWS, 11, "cover.alt", "this required field is empty"),
    ("cover-placeholder-alt", cover(alt="Cover image"), NEWS, 11, "cover.alt", "the alt text 'Cover image' does not say what the image 'images/cover.png' shows"),
    ("cover-alt-is-file-name", cover(alt="cover.png"), NEWS, 11, "cover.alt", "does not say what"),
    ("cover-file-missing", cover(src="images/covr.png"), NEWS, 10, "cover.src", "the image 'images/covr.png' does not exist (looked for content/newsletters/images/covr.png)"),
    ("cover-on-another-site", cover(src="https://cdn.example.org/cover.png"), NEWS, 10, "cover.src", "is on another website — save the image in content/newsletters/images/"),
    ("cover-not-a-picture", {**cover(src="images/cover.pdf"), "content/newsletters/images/cover.pdf": b"%PDF-1.4"}, NEWS, 10, "cover.src", "is not a picture"),
    ("cover-outside-the-site", cover(src="../../content/data/groups.yml"), NEWS, 10, "cover.src", "is outside the site — give the path from the newsletter"),
    ("cover-absolute-path", cover(src="/images/cover.png"), NEWS, 10, "cover.src", "is outside the site"),
    ("cover-not-in-docs", cover(src="../images/cover.png"), NEWS, 10, "cover.src", "does not exist (looked for docs/images/cover.png)"),
    ("body-image-without-alt", body("![](images/cover.png)"), NEWS, 13, None, "the image 'images/cover.png' has no alt text"),
    ("body-image-placeholder-alt", body("![photo](images/cover.png)"), NEWS, 13, None, "the alt text 'photo' does not say what"),
    ("body-image-missing", body("![The venue](images/venue.jpg)"), NEWS, 13, None, "the image 'images/venue.jpg' does not exist"),
    ("body-image-elsewhere", body("![The venue](https://example.org/venue.jpg)"), NEWS, 13, None, "is on another website"),
    ("body-image-as-html", body('<img src="images/cover.png" alt="The venue">'), NEWS, 13, None, "images in a newsletter are written in Markdown, not as <img> — write ![what the image shows](images/cover.png)"),
]


def write(site: TinySite, files: dict) -> None:
    site.with_examples()
    site.write("content/newsletters/images/cover.png", tiny_png())
    for name, text in files.items():
        site.write(name, text)


@pytest.mark.parametrize("files, path, line, field, words", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_newsletter_mistake_names_file_line_and_fix(tiny_site: TinySite, files, path, line, field, words):
    write(tiny_site, files)
    problem = problem_reported(tiny_site.root, path, words)
    assert str(problem).startswith(f"{path}:{line}: "), str(problem)
    assert problem.field == field, str(problem)


def test_a_build_stops_on_a_newsletter_mistake_with_the_message(tiny_site: TinySite):
    write(tiny_site, cover(alt="image"))
    result = tiny_site.build()
    assert result.returncode != 0
    assert f"{NEWS}:11: cover.alt: the alt text 'image' does not say what" in result.output
    assert "Traceback" not in result.output
    assert not tiny_site.site_dir.exists()


def test_valid_cover_and_body_images_are_accepted(tiny_site: TinySite):
    text = cover()[NEWS] + "\n![Members of the Schools Forum in discussion](images/cover.png)\n\n![A chart of training places](../images/chart.png)\n"
    write(tiny_site, {NEWS: text, "docs/images/chart.png": tiny_png()})
    site = load_site(tiny_site.root)
    (issue,) = site.newsletters
    assert issue.cover is not None and issue.cover.src == "newsletters/images/cover.png"
    assert (issue.cover.width, issue.cover.height) == (1, 1)  # read from the file, for the page's layout
    assert issue.images == ("newsletters/images/cover.png",)  # the one to publish; MkDocs publishes docs/ itself


GAP = VALID_NEWSLETTER.replace("quarter: 1", "quarter: 4").replace("published: 2025-03-14", "published: 2025-11-20").replace("Spring 2025", "Winter 2025")


def test_a_missing_quarter_is_a_warning_with_file_and_line(tiny_site: TinySite):
    tiny_site.with_examples()
    tiny_site.write("content/newsletters/2025-q4.md", GAP)
    site = load_site(tiny_site.root)  # no error: both issues are published
    assert [n.id for n in site.newsletters] == ["2025-q4", "2025-q1"]
    (warning,) = [w for w in site.warnings if w.path.startswith("content/newsletters/")]
    assert warning.severity == "warning"
    assert str(warning) == (
        "content/newsletters/2025-q4.md:4: quarter: no issue for quarter 2 of 2025, quarter 3 of 2025, "
        "between 2025-q1 and 2025-q4 — add the missing issue, or check this issue's year and quarter (warning)"
    )
    checked = tiny_site.check()
    assert checked.returncode == 0, checked.output
    assert "  Warning, line 4: quarter: no issue for quarter 2 of 2025, quarter 3 of 2025" in checked.output
    built = tiny_site.build()  # a content warning is shown but does not stop even a --strict build
    assert built.returncode == 0, built.output
    assert "content/newsletters/2025-q4.md:4: quarter: no issue for quarter 2 of 2025" in built.output
    assert "Traceback" not in built.output


def test_contiguous_issues_across_a_new_year_give_no_warning(tiny_site: TinySite):
    tiny_site.with_examples()
    tiny_site.write("content/newsletters/2024-q4.md", VALID_NEWSLETTER.replace("year: 2025", "year: 2024").replace("quarter: 1", "quarter: 4").replace("published: 2025-03-14", "published: 2024-12-05"))
    site = load_site(tiny_site.root)
    assert [n.id for n in site.newsletters] == ["2025-q1", "2024-q4"]
    assert [w for w in site.warnings if w.path.startswith("content/newsletters/")] == []
