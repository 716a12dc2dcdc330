"""Deltas exact (1.1 and 1.2): a known sourcedId updates what it made, dates included; a
class deleted in a delta takes that delta's enrollments of it out; the same delta twice
changes nothing; a row older than what is stored changes nothing."""

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.imports import oneroster
from tests.imports import support, tiny


def member_links(client: TestClient, user: str, class_id: str, rel: str = "MEMBER_OF") -> list:
    person = support.by_source(client, "learners" if user.startswith("stu") else "adults", user)
    section = support.by_source(client, "communities", class_id)
    links = support.relationships_of(client, person["uid"], type=rel)
    return [link for link in links if link["to_uid"] == section["uid"]]


def delta(tmp_path: Path, name: str, version: str, **files: list[dict[str, str]]) -> Path:
    return tiny.write(tmp_path / name, files, version, "delta")


@pytest.mark.parametrize("version", ["1.1", "1.2"])
def test_delta_with_new_enrollment_dates_updates_the_relationship(
    client: TestClient, graph: Graph, settings: Settings, tmp_path: Path, version: str
) -> None:
    oneroster.run(graph, settings, tiny.write(tmp_path / "bulk", tiny.rows(version), version))
    rows = tiny.rows(version)["enrollments"]
    moved = [dict(r, beginDate="2025-09-01", endDate="2026-06-01") for r in rows]
    changed = oneroster.run(graph, settings, delta(tmp_path, "d", version, enrollments=moved))
    assert changed["relationships"] == {"created": 0, "updated": 3, "unchanged": 0}
    [link] = member_links(client, "stu1", "cls1")
    assert (link["since"], link["until"]) == ("2025-09-01", "2026-06-01")
    [taught] = member_links(client, "tea1", "cls1", "TEACHES")
    assert taught["until"] == "2026-06-01"
    # Dates moved again, though the relationship has ended by its own dates: still one.
    later = [dict(r, dateLastModified="2026-10-01T08:00:00Z", endDate="2027-06-11") for r in moved]
    again = oneroster.run(graph, settings, delta(tmp_path, "d2", version, enrollments=later))
    assert again["relationships"]["created"] == 0
    [link] = member_links(client, "stu1", "cls1")
    assert link["until"] == "2027-06-11"


@pytest.mark.parametrize("version", ["1.1", "1.2"])
def test_class_deleted_in_a_delta_takes_its_enrollments_out(
    client: TestClient, graph: Graph, settings: Settings, tmp_path: Path, version: str
) -> None:
    oneroster.run(graph, settings, tiny.write(tmp_path / "bulk", tiny.rows(version), version))
    gone = dict(tiny.rows(version)["classes"][0], status="tobedeleted")
    late = {"sourcedId": "e9", "classSourcedId": "cls1", "schoolSourcedId": "s1",
            "userSourcedId": "stu2", "role": "student"}  # fmt: skip
    out = delta(tmp_path, "d", version, classes=[gone], enrollments=[late])
    first = oneroster.run(graph, settings, out)
    assert first["relationships"]["created"] == 0 and first["archived"] == 1
    [warning] = first["report"]["problems"]
    assert (warning["code"], warning["file"], warning["line"]) == (
        "deleted-in-delta",
        "enrollments.csv",
        2,
    )
    assert first["report"]["files"]["enrollments.csv"]["taken_out"] == 1
    assert [link["active"] for link in member_links(client, "stu1", "cls1")] == [False]
    assert member_links(client, "stu2", "cls1") == []
    second = oneroster.run(graph, settings, out)  # the same delta again changes nothing
    assert (second["archived"], second["ended"], second["relationships"]["created"]) == (0, 0, 0)
    assert second["nodes"]["updated"] == 0


@pytest.mark.parametrize("version", ["1.1", "1.2"])
def test_delta_older_than_what_is_stored_changes_nothing(
    client: TestClient, graph: Graph, settings: Settings, tmp_path: Path, version: str
) -> None:
    oneroster.run(graph, settings, tiny.write(tmp_path / "bulk", tiny.rows(version), version))
    [row, *_] = tiny.rows(version)["enrollments"]
    new = dict(row, beginDate="2026-09-02", dateLastModified="2026-11-01T00:00:00Z")
    old = dict(row, beginDate="2026-08-01", dateLastModified="2026-10-01T00:00:00Z")
    user = dict(tiny.rows(version)["users"][0], givenName="Adaeze", dateLastModified="2026-11-01")
    older_user = dict(user, givenName="Ada", dateLastModified="2026-10-01")
    oneroster.run(graph, settings, delta(tmp_path, "new", version, enrollments=[new], users=[user]))

    stale = oneroster.run(
        graph, settings, delta(tmp_path, "old", version, enrollments=[old], users=[older_user])
    )

    assert [(p["code"], p["file"]) for p in stale["report"]["problems"]] == [
        ("stale-row", "users.csv"),
        ("stale-row", "enrollments.csv"),
    ]
    assert stale["relationships"]["updated"] == stale["nodes"]["updated"] == 0
    [link] = member_links(client, "stu1", "cls1")
    assert link["since"] == "2026-09-02"
    assert support.by_source(client, "learners", "stu1")["given_name"] == "Adaeze"


@pytest.mark.parametrize("version", ["1.1", "1.2"])
def test_delta_that_moves_an_enrollment_ends_the_old_link(
    client: TestClient, graph: Graph, settings: Settings, tmp_path: Path, version: str
) -> None:
    oneroster.run(graph, settings, tiny.write(tmp_path / "bulk", tiny.rows(version), version))
    e1, e2, _ = tiny.rows(version)["enrollments"]
    to_class = dict(e1, classSourcedId="cls2", schoolSourcedId="s2")  # stu1: cls1 -> cls2
    to_user = dict(e2, userSourcedId="stu1", schoolSourcedId="s2")  # cls2: stu2 -> stu1
    moved = oneroster.run(
        graph, settings, delta(tmp_path, "d", version, enrollments=[to_class, to_user])
    )
    assert moved["ended"] == 2
    [old_class] = member_links(client, "stu1", "cls1")
    [old_user] = member_links(client, "stu2", "cls2")
    assert [old_class["active"], old_user["active"]] == [False, False]
    now_in = member_links(client, "stu1", "cls2")  # e1 and e2, one link each
    assert [link["active"] for link in now_in] == [True, True]
    again = oneroster.run(  # the same delta twice changes nothing
        graph, settings, delta(tmp_path, "d2", version, enrollments=[to_class, to_user])
    )
    assert (again["ended"], again["relationships"]["created"]) == (0, 0)


def test_delta_that_changes_an_enrollments_role_ends_the_old_link(
    client: TestClient, graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    rows = tiny.rows()
    rows["enrollments"].append({"sourcedId": "e4", "classSourcedId": "cls2",
                                "schoolSourcedId": "s2", "userSourcedId": "tea1",
                                "role": "administrator"})  # fmt: skip
    oneroster.run(graph, settings, tiny.write(tmp_path / "bulk", rows))
    [as_member] = member_links(client, "tea1", "cls2")
    teaching = dict(rows["enrollments"][-1], role="teacher")
    oneroster.run(graph, settings, delta(tmp_path, "d", "1.2", enrollments=[teaching]))
    [ended] = member_links(client, "tea1", "cls2")
    assert (ended["uid"], ended["active"]) == (as_member["uid"], False)
    [taught] = member_links(client, "tea1", "cls2", "TEACHES")
    assert taught["active"]
