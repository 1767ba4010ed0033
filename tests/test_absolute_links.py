import pytest

from tip_site.views.absolute_links import absolutize

PAGE = "https://example.org/newsletters/2025-q1/"


@pytest.mark.parametrize(
    "fragment, expected",
    [
        ('<p><a href="../../library/toolkit/">x</a></p>', '<p><a href="https://example.org/library/toolkit/">x</a></p>'),
        ('<img src="cover.jpg" alt="A">', '<img src="https://example.org/newsletters/2025-q1/cover.jpg" alt="A">'),
        ('<a href="#part">x</a>', '<a href="https://example.org/newsletters/2025-q1/#part">x</a>'),
        ('<a href="https://other.example/x">x</a>', '<a href="https://other.example/x">x</a>'),
        ('<a href="mailto:vrn@example.org">mail</a>', '<a href="mailto:vrn@example.org">mail</a>'),
        ("Plain text <em>only</em>", "Plain text <em>only</em>"),
    ],
)
def test_relative_links_become_absolute(fragment, expected):
    assert absolutize(fragment, PAGE) == expected
