"""What a first visit loads: feeds stay discoverable without Material fetching a sitemap for them."""

from __future__ import annotations


def test_feed_links_cost_no_sitemap_request_and_stay_discoverable(page, real_site_url):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ("", "groups/tip/"):
        requested.clear()
        page.goto(real_site_url + path, wait_until="networkidle")
        assert requested, "nothing recorded: the recorder is broken"
        assert [url for url in requested if "sitemap" in url] == [], path
        feeds = page.locator('link[rel="alternate"][type="application/rss+xml"]')
        assert feeds.count() >= 1, path  # still in the DOM after load, for browsers and extensions
    source = page.request.get(real_site_url).text()
    assert '<link rel="alternate" type="application/rss+xml"' in source  # and in the HTML feed readers fetch
