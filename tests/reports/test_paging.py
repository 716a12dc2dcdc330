"""Reports a page at a time: every row exactly once across pages (also with writes between
page requests), opaque cursors (a changed one is a 422), `Link: rel="next"`, a bad limit
a 422, and a summary that counts what the pages list."""

from collections import Counter
from typing import Any

from fastapi.testclient import TestClient

from lrm_graph import reports
from tests import factories
from tests.reports.support import archive, day, enroll, join, touch


def world(client: TestClient) -> dict[str, Any]:
    """Learners in every report's sections: alone, at risk, with one adult, trusting an
    adult with nothing on record, in two schools, in no community, and a few adults."""
    east, west = factories.organization(client), factories.organization(client)
    club = factories.community(client, kind="club")
    adults = [factories.adult(client, caseload_capacity=3) for _ in range(4)]
    learners = []
    for index in range(13):
        learner = factories.learner(client, grade_level=("09", "10", "11")[index % 3])
        learners.append(learner)
        enroll(client, learner["uid"], (east, west)[index % 2]["uid"])
        if index % 10 == 0:  # east and west
            enroll(client, learner["uid"], west["uid"])
        if index % 4 == 0:
            join(client, learner["uid"], club["uid"])
        adult = adults[index % 4]["uid"]
        if index % 3 == 1:  # one caring adult, quiet or never logged
            rel = factories.relate(client, "MENTORS", adult, learner["uid"], since=str(day(-90)))
            if index % 2:
                touch(client, rel, -45)
        elif index % 3 == 2:  # trusts an adult with nothing on record
            factories.relate(client, "TRUSTS", learner["uid"], adult, since=str(day(-3)))
    return {"learners": learners, "adults": adults, "schools": [east, west]}


def get(client: TestClient, name: str, **params: Any) -> dict[str, Any]:
    response = client.get(f"/v1/reports/{name}", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def every_row(client: TestClient, name: str, **params: Any) -> dict[str, list]:
    """Return each section's rows read in one page as large as it gets."""
    answer = get(client, name, limit=1000, **params)
    assert answer["next_cursor"] is None
    return {k: v for k, v in answer["sections"].items() if v is not None}


def key(row: dict[str, Any]) -> str:
    return repr(sorted(row.items()))


def test_every_row_once_across_pages_of_every_report(client: TestClient) -> None:
    world(client)
    for name, report in reports.REPORTS.items():
        params = {"min_learners": 1} if name == "fragile" else {}
        whole = every_row(client, name, **params)
        assert any(whole.values()), name
        # Following the one next_cursor pages every section in step.
        seen: dict[str, list[str]] = {section: [] for section in whole}
        answer = get(client, name, limit=2, **params)
        pages = 0
        while True:
            pages += 1
            for section, rows in answer["sections"].items():
                if rows is not None:
                    assert len(rows) <= 2
                    seen[section] += [key(row) for row in rows]
            if answer["next_cursor"] is None:
                break
            answer = get(client, name, limit=2, cursor=answer["next_cursor"], **params)
            assert answer["summary"] is None  # the summary leads the first page only
        assert seen == {s: [key(r) for r in rows] for s, rows in whole.items()}, name
        assert pages > 1 or max(len(rows) for rows in whole.values()) <= 2
        # Each section's own cursor pages that section alone.
        for section in report.sections:
            if section.name not in whole:
                continue
            first = get(client, name, limit=3, **params)
            rows, cursor = first["sections"][section.name], first["next_cursors"][section.name]
            while cursor:
                page = get(client, name, limit=3, cursor=cursor, **params)
                assert {s for s, r in page["sections"].items() if r is not None} == {section.name}
                rows += page["sections"][section.name]
                cursor = page["next_cursors"][section.name]
            assert [key(r) for r in rows] == [key(r) for r in whole[section.name]], section


def test_pages_stay_exact_with_writes_between_requests(client: TestClient) -> None:
    alone = sorted(factories.learner(client)["uid"] for _ in range(9))
    first = get(client, "unmentored", limit=3)
    listed = [row["learner_uid"] for row in first["sections"]["learners"]]
    assert listed == alone[:3]
    # Meanwhile: one learner not yet listed leaves, a listed one is archived, new ones come.
    gone = alone[5]
    archive(client, "learners", gone)
    archive(client, "learners", alone[1])
    added = [factories.learner(client)["uid"] for _ in range(4)]
    cursor = first["next_cursor"]
    while cursor:
        answer = get(client, "unmentored", limit=3, cursor=cursor)
        listed += [row["learner_uid"] for row in answer["sections"]["learners"]]
        cursor = answer["next_cursor"]
    counted = Counter(listed)
    assert max(counted.values()) == 1  # never twice
    assert set(alone) - {gone} <= set(listed)  # the others never skipped
    assert gone not in listed
    # A new learner shows when its uid comes after the page it arrived behind.
    assert {uid for uid in added if uid > alone[2]} <= set(listed)
    assert listed == sorted(listed)


def test_a_changed_or_foreign_cursor_is_a_422_problem(client: TestClient) -> None:
    for _ in range(3):
        factories.learner(client)
    cursor = get(client, "unmentored", limit=1)["next_cursor"]
    assert cursor
    changed = cursor[:-3] + ("AAA" if not cursor.endswith("AAA") else "BBB")
    for name, bad in (
        ("unmentored", changed),
        ("unmentored", "not-a-cursor!"),
        ("unmentored", cursor[:10]),
        ("no-community", cursor),  # another report's
    ):
        response = client.get(f"/v1/reports/{name}", params={"cursor": bad})
        assert response.status_code == 422, (name, bad)
        assert response.headers["content-type"] == "application/problem+json"
        assert "cursor" in response.json()["detail"]


def test_a_bad_limit_is_a_422(client: TestClient) -> None:
    for limit in ("0", "1001", "-3", "many"):
        response = client.get("/v1/reports/unmentored", params={"limit": limit})
        assert response.status_code == 422, limit
        assert response.headers["content-type"] == "application/problem+json"


def test_link_next_follows_the_pages(client: TestClient) -> None:
    for _ in range(5):
        factories.learner(client, grade_level="10")
    response = client.get("/v1/reports/unmentored", params={"limit": 2, "grade": "10"})
    listed = []
    while True:
        assert response.status_code == 200
        listed += [row["learner_uid"] for row in response.json()["sections"]["learners"]]
        link = response.headers.get("link")
        if not response.json()["next_cursor"]:
            assert link is None
            break
        assert link.endswith('>; rel="next"') and "grade=10" in link
        response = client.get(link[1 : link.index(">")])
    assert len(listed) == len(set(listed)) == 5


def test_the_summary_counts_what_the_pages_list(client: TestClient) -> None:
    built = world(client)
    schools = {s["uid"]: s["name"] for s in built["schools"]}
    for name in reports.REPORTS:
        whole = every_row(client, name)
        summary = get(client, name, limit=1)["summary"]
        assert summary["total"] == {s: len(rows) for s, rows in whole.items()}, name
        per_section = Counter()
        for count in summary["counts"]:
            assert count["school_uid"] is None or count["school_name"] == schools.get(
                count["school_uid"], count["school_name"]
            )
            per_section[count["section"]] += count["count"]
        for section, rows in whole.items():
            assert per_section[section] >= len(rows)  # two schools count a learner twice
    # The unmentored summary, one aggregate query, against its listed rows one by one.
    sections = every_row(client, "unmentored")
    counted: Counter[tuple] = Counter()
    enrolled = {lr["uid"]: [] for lr in built["learners"]}
    for index, learner in enumerate(built["learners"]):
        enrolled[learner["uid"]].append(built["schools"][index % 2]["uid"])
        if index % 10 == 0:
            enrolled[learner["uid"]].append(built["schools"][1]["uid"])
    for section, rows in sections.items():
        for row in rows:
            for school in enrolled[row["learner_uid"]]:
                counted[(section, row["reason"], school, row["grade_level"])] += 1
    summary = get(client, "unmentored")["summary"]
    assert {(c["section"], c["reason"], c["school_uid"], c["grade_level"]): c["count"]
            for c in summary["counts"]} == counted  # fmt: skip
    only = get(client, "unmentored", reason="never_logged")["summary"]
    assert {c["reason"] for c in only["counts"]} <= {"never_logged"}
