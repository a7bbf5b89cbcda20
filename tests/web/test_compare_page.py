"""The comparison page: both dates in the page, bad dates a precise 400, a classroom variant."""

from __future__ import annotations


def test_the_comparison_page_holds_both_dates(client):
    answer = client.get(
        "/compare?left=1812-06-01&right=1829-06-01", headers={"Accept": "text/html"}
    )
    assert answer.status_code == 200
    page = answer.get_data(as_text=True)
    assert "1 June 1812 | 1 June 1829" in page
    assert "Atlas.controls.compare.attach" in page
    assert '"leftDay": 661606' in page and '"rightDay": 667815' in page
    assert 'class="atlas-compare-divider" role="separator"' in page
    assert "atlas-timebar" not in page  # each side has its own date control instead


def test_the_classroom_comparison_uses_the_classroom_styles(client):
    page = client.get("/classroom/compare?left=1812", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert '<body class="classroom compare">' in page.get_data(as_text=True)


def test_every_map_page_links_to_the_comparison(client):
    page = client.get("/?date=1812", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert 'href="/compare" class="atlas-compare-link"' in page
    classroom = client.get("/classroom").get_data(as_text=True)
    assert 'href="/classroom/compare" class="atlas-compare-link"' in classroom
