"""The browser harness itself: Debian's Chromium renders the built site."""


def test_home_page_renders_in_chromium(page, real_site_url):
    page.goto(real_site_url)
    assert "Trauma Informed Partnership" in page.locator("h1").first.inner_text()


def test_a_group_page_is_reachable_by_link(page, real_site_url):
    page.goto(real_site_url + "groups/")
    page.locator("article").get_by_role("link", name="Community of Practice Group (CoP)", exact=True).click()
    page.wait_for_url("**/groups/cop/")
    assert "Community of Practice Group" in page.locator("h1").inner_text()
