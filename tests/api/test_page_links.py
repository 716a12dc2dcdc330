"""Every paged list answers `Link: <...>; rel="next"` while there is a next page."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient

from tests import factories


def _next(response: Any) -> str | None:
    match = re.fullmatch(r'<([^>]+)>; rel="next"', response.headers.get("link", ""))
    return match.group(1) if match else None


def test_a_list_is_paged_by_following_its_links(client: TestClient) -> None:
    made = {factories.learner(client)["uid"] for _ in range(5)}
    seen: list[str] = []
    url: str | None = "/v1/learners?limit=2"
    pages = 0
    while url:
        page = client.get(url)
        assert page.status_code == 200
        seen += [item["uid"] for item in page.json()["items"]]
        assert (_next(page) is None) == (page.json()["next_cursor"] is None)
        url, pages = _next(page), pages + 1
    assert pages == 3 and sorted(seen) == sorted(made)


def test_the_link_keeps_the_query_and_sets_the_cursor(client: TestClient) -> None:
    adult = factories.adult(client)
    for _ in range(3):
        factories.relate(client, "MENTORS", adult["uid"], factories.learner(client)["uid"])
    first = client.get("/v1/relationships", params={"type": "MENTORS", "limit": 1})
    link = _next(first)
    assert link is not None and link.startswith("/v1/relationships?")
    assert "type=MENTORS" in link and "limit=1" in link
    assert f"cursor={first.json()['next_cursor']}" in link.replace("%3D", "=")
    assert client.get(link).json()["items"][0]["uid"] != first.json()["items"][0]["uid"]
