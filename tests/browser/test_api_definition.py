"""The API definition in HTML: Swagger UI from the pip package, offline, under our CSP."""

from __future__ import annotations


def test_the_api_definition_reads_as_a_page_with_every_operation(page, live_server):
    page.goto(live_server.url + "/api")
    page.wait_for_selector(".opblock", timeout=20_000)
    assert page.locator(".info .title").inner_text().startswith("Iran–Russia Historical Atlas")
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/collections/cessions/items" in paths and "/collections/cessions/queryables" in paths


def test_the_html_landing_page_leads_to_the_collections(page, live_server):
    page.goto(live_server.url + "/?f=html")
    page.get_by_role("link", name="The layers as collections").click()
    page.wait_for_selector("text=Territories held by Persia or Russia")
    assert page.url.startswith(live_server.url + "/collections")
