"""The one rule for addresses: schemes read as browsers read them, whatever disguise they wear."""

from __future__ import annotations

import pytest

from tip_site.core.link_schemes import as_browsers_read_it, refused_scheme, scheme


@pytest.mark.parametrize(
    "address, refused",
    [
        ("javascript:alert(1)", "javascript"),
        ("JaVaScRiPt:alert(1)", "javascript"),
        (" javascript:alert(1)", "javascript"),
        ("\x01javascript:alert(1)", "javascript"),
        ("java\x00script:alert(1)", "javascript"),
        ("java\tscript:alert(1)", "javascript"),
        ("java\nscript:alert(1)", "javascript"),
        ("jav&#x09;ascript:alert(1)", "javascript"),
        ("&#106;avascript:alert(1)", "javascript"),
        ("&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)", "javascript"),
        ("&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)", "javascript"),
        ("javascript&colon;alert(1)", "javascript"),
        ("java\u200bscript:alert(1)", "javascript"),
        ("javaſcript:alert(1)", "javascript"),  # the long s, which compatibility folding reads as 's'
        ("vbscript:msgbox(1)", "vbscript"),
        ("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "data"),
        ("DATA:image/svg+xml,<svg onload=alert(1)>", "data"),
        ("file:///etc/passwd", "file"),
        ("ftp://example.org/file", "ftp"),
        ("https://example.org/page", None),
        ("HTTP://example.org/", None),
        ("mailto:someone@example.org", None),
        ("tel:+441162000000", None),
        ("../about.md#why", None),
        ("images/photo.jpg", None),
        ("#section", None),
        ("?q=a:b", None),
        ("a/b:c", None),
        ("//example.org/x", None),
        ("", None),
    ],
)
def test_one_rule_for_every_address(address, refused):
    assert refused_scheme(address) == refused


def test_addresses_are_read_after_decoding_and_dropping_control_characters():
    assert as_browsers_read_it(" jav&#x09;a\x01script :x") == "javascript:x"
    assert scheme("Mailto:x@example.org") == "mailto"
