"""Later sets: a bulk set ends what it no longer lists, a delta ends what it marks
tobedeleted, and neither touches what the LRM owns (mentoring, trust, goals...).
"""

from pathlib import Path

from fastapi.testclient import TestClient

from lrm_graph import clock
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from tests import factories
from tests.imports import support


def _full_year_enrollment(out: Path) -> dict[str, str]:
    """Return a student's enrollment in a full-year class (active all year)."""
    _, classes = support.read(out, "classes.csv")
    full_year = {c["sourcedId"] for c in classes if "," in c["termSourcedIds"]}
    _, enrollments = support.read(out, "enrollments.csv")
    return next(
        e for e in enrollments if e["role"] == "student" and e["classSourcedId"] in full_year
    )


def _remove_learner(out: Path, leaver: str) -> None:
    """Drop a learner from the set: their user, role and enrollment rows, and agent links."""
    for name, column in (
        ("users.csv", "sourcedId"),
        ("roles.csv", "userSourcedId"),
        ("enrollments.csv", "userSourcedId"),
    ):
        support.keep_rows(out, name, lambda row, column=column: row[column] != leaver)
    header, users = support.read(out, "users.csv")
    for user in users:  # the guardians no longer list the leaver either
        agents = user["agentSourcedIds"].split(",")
        user["agentSourcedIds"] = ",".join(a for a in agents if a != leaver)
    support.write(out, "users.csv", header, users)


def _mentor(client: TestClient, learner_uid: str) -> dict:
    mentor = factories.adult(client)
    return factories.relate(client, "MENTORS", mentor["uid"], learner_uid)


def test_bulk_set_without_a_class_enrollment_ends_only_that_membership(
    client: TestClient, graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    out = support.district(tmp_path)
    support.run(graph, settings, out)
    dropped = _full_year_enrollment(out)
    learner = support.by_source(client, "learners", dropped["userSourcedId"])
    section = support.by_source(client, "communities", dropped["classSourcedId"])
    mentoring = _mentor(client, learner["uid"])
    support.keep_rows(out, "enrollments.csv", lambda row: row["sourcedId"] != dropped["sourcedId"])

    later = support.run(graph, settings, out)

    assert (later["ended"], later["archived"]) == (1, 0)
    memberships = [
        e
        for e in support.relationships_of(client, learner["uid"], type="MEMBER_OF")
        if e["to_uid"] == section["uid"]
    ]
    assert [(e["active"], e["until"], e["ended_reason"]) for e in memberships] == [
        (False, clock.today().isoformat(), "left the roster")
    ]
    assert client.get(f"/v1/relationships/{mentoring['uid']}").json() == mentoring
    assert support.by_source(client, "learners", dropped["userSourcedId"])["archived_at"] is None


def test_bulk_set_ends_what_it_no_longer_lists_page_by_page(
    client: TestClient, graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    # Pages of two start nodes: the enrollment dropped is found however far along it is.
    small = settings.model_copy(update={"bulk_batch_size": 2})
    out = support.district(tmp_path)
    support.run(graph, small, out)
    _, enrollments = support.read(out, "enrollments.csv")
    dropped = [e for e in enrollments if e["role"] == "student"][::7]
    gone = {e["sourcedId"] for e in dropped}
    support.keep_rows(out, "enrollments.csv", lambda row: row["sourcedId"] not in gone)

    later = support.run(graph, small, out)

    assert (later["ended"], later["archived"]) == (len(dropped), 0)
    assert support.run(graph, small, out)["ended"] == 0


def test_bulk_set_without_a_learner_archives_them_and_ends_all_their_relationships(
    client: TestClient, graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    out = support.district(tmp_path)
    support.run(graph, settings, out)
    leaver = _full_year_enrollment(out)["userSourcedId"]
    learner = support.by_source(client, "learners", leaver)
    mentoring = _mentor(client, learner["uid"])
    _remove_learner(out, leaver)

    later = support.run(graph, settings, out)

    assert later["archived"] >= 1
    assert support.by_source(client, "learners", leaver)["archived_at"] is not None
    assert support.relationships_of(client, learner["uid"], active=True) == []
    ended = client.get(f"/v1/relationships/{mentoring['uid']}").json()
    assert (ended["active"], ended["ended_reason"]) == (False, "archived")
    assert support.count(client, "learners") == support.LEARNERS - 1


def test_bulk_set_with_the_learner_back_restores_them(
    client: TestClient, graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    out = support.district(tmp_path)
    support.run(graph, settings, out)
    _, users = support.read(out, "users.csv")
    leaver = next(u["sourcedId"] for u in users if u["sourcedId"].startswith("stu-"))
    original = tmp_path / "original"
    support.district(original)
    _remove_learner(out, leaver)
    support.run(graph, settings, out)

    back = support.run(graph, settings, original)

    learner = support.by_source(client, "learners", leaver)
    assert learner["archived_at"] is None and back["nodes"]["updated"] >= 1
    active = support.relationships_of(client, learner["uid"], active=True, type="ENROLLED_AT")
    assert len(active) == 1


def test_delta_tobedeleted_enrollment_ends_that_membership(
    client: TestClient, graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    out = support.district(tmp_path)
    support.run(graph, settings, out)
    dropped = _full_year_enrollment(out)
    learner = support.by_source(client, "learners", dropped["userSourcedId"])
    mentoring = _mentor(client, learner["uid"])
    header, _ = support.read(out, "enrollments.csv")
    delta = tmp_path / "delta"
    delta.mkdir()
    row = dropped | {"status": "tobedeleted", "dateLastModified": "2026-11-02T08:00:00Z"}
    support.write(delta, "enrollments.csv", header, [row])
    support.set_modes(delta, enrollments="delta")

    changed = support.run(graph, settings, delta)

    assert (changed["ended"], changed["archived"], changed["relationships"]["created"]) == (1, 0, 0)
    memberships = support.relationships_of(client, learner["uid"], type="MEMBER_OF", active=True)
    section = support.by_source(client, "communities", dropped["classSourcedId"])
    assert section["uid"] not in {e["to_uid"] for e in memberships}
    assert len(memberships) == 5  # the other classes stay
    assert client.get(f"/v1/relationships/{mentoring['uid']}").json()["active"] is True


def test_delta_tobedeleted_user_archives_them(
    client: TestClient, graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    out = support.district(tmp_path)
    support.run(graph, settings, out)
    header, users = support.read(out, "users.csv")
    gone = next(u for u in users if u["sourcedId"].startswith("stu-"))
    delta = tmp_path / "delta"
    delta.mkdir()
    support.write(
        delta,
        "users.csv",
        header,
        [gone | {"status": "tobedeleted", "dateLastModified": "2026-11-02T08:00:00Z"}],
    )
    support.set_modes(delta, users="delta")

    changed = support.run(graph, settings, delta)

    learner = support.by_source(client, "learners", gone["sourcedId"])
    assert changed["archived"] == 1 and learner["archived_at"] is not None
    assert support.relationships_of(client, learner["uid"], active=True) == []


def test_delta_adds_an_enrollment_to_a_known_class(
    client: TestClient, graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    out = support.district(tmp_path)
    support.run(graph, settings, out)
    header, enrollments = support.read(out, "enrollments.csv")
    teacher_row = enrollments[0]
    learners_there = {
        e["userSourcedId"]
        for e in enrollments
        if e["classSourcedId"] == teacher_row["classSourcedId"]
    }
    _, users = support.read(out, "users.csv")
    newcomer = next(
        u["sourcedId"]
        for u in users
        if u["sourcedId"].startswith("stu-") and u["sourcedId"] not in learners_there
    )
    delta = tmp_path / "delta"
    delta.mkdir()
    row = teacher_row | {"sourcedId": "enr-new-1", "userSourcedId": newcomer, "role": "student"}
    support.write(
        delta, "enrollments.csv", header, [row | {"status": "active", "primary": "false"}]
    )
    support.set_modes(delta, enrollments="delta")

    changed = support.run(graph, settings, delta)

    assert changed["per_type"]["MEMBER_OF"]["created"] == 1
    section = support.by_source(client, "communities", teacher_row["classSourcedId"])
    learner = support.by_source(client, "learners", newcomer)
    edges = [
        e
        for e in support.relationships_of(client, learner["uid"], type="MEMBER_OF")
        if e["to_uid"] == section["uid"]
    ]
    year = support.school_year()
    assert [(e["since"], e["until"]) for e in edges] == [(f"{year}-08-17", f"{year + 1}-06-11")]


def test_oneroster_11_set_takes_role_and_orgs_from_users(
    client: TestClient, graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    out = support.district(tmp_path)
    _, roles = support.read(out, "roles.csv")
    role_of = {r["userSourcedId"]: r["role"] for r in roles}
    v11 = {
        "principal": "administrator",
        "districtAdministrator": "administrator",
        "counselor": "aide",
    }
    _, users = support.read(out, "users.csv")
    header = [
        "sourcedId",
        "status",
        "dateLastModified",
        "enabledUser",
        "orgSourcedIds",
        "role",
        "username",
        "userIds",
        "givenName",
        "familyName",
        "middleName",
        "identifier",
        "email",
        "sms",
        "phone",
        "agentSourcedIds",
        "grades",
        "password",
    ]
    rows = [
        {k: v for k, v in u.items() if k in header}
        | {
            "role": v11.get(role_of[u["sourcedId"]], role_of[u["sourcedId"]]),
            "orgSourcedIds": u["primaryOrgSourcedId"],
        }
        for u in users
    ]
    support.write(out, "users.csv", header, rows)
    (out / "roles.csv").unlink()
    support.set_modes(
        out,
        "1.1",
        orgs="bulk",
        academicSessions="bulk",
        courses="bulk",
        classes="bulk",
        users="bulk",
        enrollments="bulk",
    )

    done = support.run(graph, settings, out)

    assert done["version"] == "1.1"
    assert support.count(client, "learners") == support.LEARNERS
    learner = support.by_source(client, "learners", "stu-000001")
    enrolled = support.relationships_of(client, learner["uid"], type="ENROLLED_AT")
    school = support.by_source(client, "organizations", "org-school-001")
    assert [e["to_uid"] for e in enrolled] == [school["uid"]]
    guardians = support.relationships_of(client, learner["uid"], type="GUARDIAN_OF")
    student = next(u for u in users if u["sourcedId"] == "stu-000001")
    assert len(guardians) == len(student["agentSourcedIds"].split(","))
    admin = support.by_source(client, "adults", "stf-00000")
    assert admin["roles"] == ["administrator"]
