"""A generated district's OneRoster set goes in, and the API shows what it said."""

from datetime import date
from pathlib import Path

from fastapi.testclient import TestClient

from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.demo.generator import bulk_file
from tests.imports import support


def test_import_makes_every_learner(
    client: TestClient, graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    support.run(graph, settings, support.district(tmp_path))
    assert support.count(client, "learners") == support.LEARNERS


def test_import_makes_guardian_of_from_agent_ids(
    client: TestClient, graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    out = support.district(tmp_path)
    support.run(graph, settings, out)
    _, users = support.read(out, "users.csv")
    learner_row = next(u for u in users if u["sourcedId"].startswith("stu-"))
    guardian_id = learner_row["agentSourcedIds"].split(",")[0]
    learner = support.by_source(client, "learners", learner_row["sourcedId"])
    guardian = support.by_source(client, "adults", guardian_id)
    edges = support.relationships_of(client, learner["uid"], type="GUARDIAN_OF")
    assert [
        (e["from_uid"], e["source"], e["active"]) for e in edges if e["from_uid"] == guardian["uid"]
    ] == [(guardian["uid"], "imported", True)]
    assert set(guardian["roles"]) <= {"parent", "guardian"}


def test_import_makes_class_community_with_its_teacher(
    client: TestClient, graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    out = support.district(tmp_path)
    support.run(graph, settings, out)
    _, enrollments = support.read(out, "enrollments.csv")
    first = enrollments[0]  # the first class's teacher comes first
    assert first["role"] == "teacher"
    section = support.by_source(client, "communities", first["classSourcedId"])
    teacher = support.by_source(client, "adults", first["userSourcedId"])
    assert (section["kind"], section["open"]) == ("class_section", False)
    assert "teacher" in teacher["roles"]
    edges = support.relationships_of(client, section["uid"])
    teaches = [e for e in edges if e["type"] == "TEACHES"]
    assert [(e["from_uid"], e["active"]) for e in teaches] == [(teacher["uid"], True)]
    members = [e for e in edges if e["type"] == "MEMBER_OF"]
    assert (
        len(members)
        == sum(1 for e in enrollments if e["classSourcedId"] == first["classSourcedId"]) - 1
    )


def test_import_dates_memberships_by_the_class_terms(
    client: TestClient, graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    out = support.district(tmp_path)
    support.run(graph, settings, out)
    _, classes = support.read(out, "classes.csv")
    fall_only = next(
        c for c in classes if "," not in c["termSourcedIds"] and c["termSourcedIds"].endswith("t1")
    )
    section = support.by_source(client, "communities", fall_only["sourcedId"])
    members = support.relationships_of(client, section["uid"], type="MEMBER_OF")
    year = support.school_year()
    assert {(e["since"], e["until"]) for e in members} == {
        (date(year, 8, 17).isoformat(), date(year + 1, 1, 15).isoformat())
    }


def test_import_links_people_to_their_school(
    client: TestClient, graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    support.run(graph, settings, support.district(tmp_path))
    school = support.by_source(client, "organizations", "org-school-001")
    district = support.by_source(client, "organizations", "org-district")
    edges = support.relationships_of(client, school["uid"])
    kinds = {(e["type"], e["from_kind"]) for e in edges}
    assert {("ENROLLED_AT", "learner"), ("WORKS_AT", "adult"), ("PART_OF", "community")} <= kinds
    part_of = [e for e in edges if e["type"] == "PART_OF" and e["to_uid"] == district["uid"]]
    assert [e["from_uid"] for e in part_of] == [school["uid"]]
    enrolled = [e for e in edges if e["type"] == "ENROLLED_AT"]
    assert len(enrolled) == support.LEARNERS


def test_import_again_changes_nothing(
    client: TestClient, graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    out = support.district(tmp_path)
    first = support.run(graph, settings, out)
    before = client.get("/v1/relationships", params={"limit": 500}).json()["items"]
    again = support.run(graph, settings, out)
    after = client.get("/v1/relationships", params={"limit": 500}).json()["items"]
    assert first["nodes"]["created"] > 0 and first["relationships"]["created"] > 0
    assert (again["nodes"]["created"], again["nodes"]["updated"]) == (0, 0)
    assert (again["relationships"]["created"], again["relationships"]["updated"]) == (0, 0)
    assert (again["ended"], again["archived"]) == (0, 0)
    assert after == before


def test_lrm_file_loads_after_the_roster(
    client: TestClient, graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    out = support.district(tmp_path)
    support.run(graph, settings, out)
    loaded = bulk_file.load_file(graph, settings, out / "lrm.json")
    expected = support.manifest(out)
    assert loaded.rejected == []
    assert loaded.relationships["created"] == sum(expected["relationships"].values()) - sum(
        expected["roster_relationships"].values()
    )


def test_roster_again_keeps_what_the_lrm_file_added(
    client: TestClient, graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    out = support.district(tmp_path)
    support.run(graph, settings, out)
    bulk_file.load_file(graph, settings, out / "lrm.json")
    again = support.run(graph, settings, out)
    counselor = support.by_source(client, "adults", _first_counselor(out))
    assert counselor["caseload_capacity"] is not None
    assert counselor["roles"] == ["counselor"]
    assert (again["nodes"]["updated"], again["relationships"]["created"], again["ended"]) == (
        0,
        0,
        0,
    )
    counsels = support.relationships_of(client, counselor["uid"], type="COUNSELS", active=True)
    assert counsels and {e["source"] for e in counsels} == {"adult_reported"}


def _first_counselor(out: Path) -> str:
    _, roles = support.read(out, "roles.csv")
    return next(r["userSourcedId"] for r in roles if r["role"] == "counselor")
