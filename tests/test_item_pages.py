"""Every newsletter, resource and event gets a page, linked from its groups."""

from bs4 import BeautifulSoup


def test_items_have_pages_linked_from_their_group(tiny_site):
    tiny_site.with_examples()
    result = tiny_site.build()
    assert result.returncode == 0, result.output
    site = tiny_site.site_dir
    for path, title in [
        ("newsletters/2025-q1/index.html", "Spring 2025"),
        ("library/toolkit/index.html", "A trauma informed toolkit"),
        ("events/cop-2025-q1/index.html", "Community of Practice meeting"),
    ]:
        html = BeautifulSoup((site / path).read_text(), "html.parser")
        for permalink in html.select("a.headerlink"):
            permalink.decompose()
        assert html.find("h1").get_text(strip=True) == title
    cop = BeautifulSoup((site / "groups/cop/index.html").read_text(), "html.parser")
    assert cop.find("a", href="../../library/toolkit/") is not None
    assert cop.find("a", href="../../newsletters/2025-q1/") is not None
