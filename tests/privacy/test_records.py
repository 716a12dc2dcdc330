"""Export and erase cover every record about a learner: the care team's records (issue 6's
labels, found by learner_uid), notes (every one in the legal-hold export), and import jobs
that quote the learner's source id."""

from __future__ import annotations

import json
import uuid

from fastapi.testclient import TestClient

from lrm_graph import clock
from lrm_graph.db.graph import Graph
from tests import factories
from tests.auth_helpers import seed_caller

# Records no API of this test writes: made as their modules store them (issue 6's model).
OTHER_LABELS = {
    "interventions": "Intervention",
    "mentor_requests": "MentorRequest",
    "join_requests": "JoinRequest",
    "ratings": "RelationshipRating",
    "mapping_marks": "MappingMark",
}
MAKE = "CREATE (x:$($label) {uid: $uid, learner_uid: $learner_uid, created_at: $now})"
LEFT = """
MATCH (x) WHERE x.learner_uid = $learner_uid AND NOT x:AuditEntry
RETURN count(x) AS records
"""
JOB = """
CREATE (:ImportJob {id: $id, kind: 'oneroster', source: 'set.zip', status: 'rejected',
                    counts_json: '{}', errors_json: $errors, detail: $detail,
                    created_at: $now, updated_at: $now})
"""


def run(graph: Graph, query: str, **params: object) -> list:
    return graph.driver.execute_query(query, database_=graph.database, **params).records


def cared_for(client: TestClient, graph: Graph, learner_uid: str) -> dict[str, str]:
    """Give the learner records of every kind; return the mentor's headers."""
    mentor = factories.adult(client)
    factories.relate(client, "MENTORS", mentor["uid"], learner_uid)
    headers = seed_caller(graph, "mentor", person_uid=mentor["uid"])
    body = {"learner_uid": learner_uid, "text": "Worried about home.", "visibility": "private"}
    assert client.post("/v1/notes", json=body, headers=headers).status_code == 201
    met = {"learner_uids": [learner_uid], "kind": "check_in", "summary": "Talked about maths."}
    assert client.post("/v1/interactions", json=met, headers=headers).status_code == 201
    for label in OTHER_LABELS.values():
        run(graph, MAKE, label=label, uid=uuid.uuid4().hex, learner_uid=learner_uid,
            now=clock.now())  # fmt: skip
    return headers


def rejected_job(graph: Graph, source_id: str) -> str:
    """Record a rejected import whose problems quote this source id and another's."""
    problems = [
        {"file": "enrollments.csv", "line": 2, "column": "userSourcedId",
         "message": f"no user with sourcedId {source_id!r} in users.csv"},
        {"file": "enrollments.csv", "line": 3, "column": "userSourcedId",
         "message": "no user with sourcedId 'someone-else' in users.csv"},
    ]  # fmt: skip
    job_id = uuid.uuid4().hex
    detail = f"enrollments.csv line 2: no user with sourcedId {source_id!r} (and 1 more)"
    run(graph, JOB, id=job_id, errors=json.dumps(problems), detail=detail, now=clock.now())
    return job_id


def test_export_holds_every_record_and_the_legal_hold_every_note(
    client: TestClient, graph: Graph
) -> None:
    learner = factories.learner(client, source_id="stu-77")
    cared_for(client, graph, learner["uid"])
    job_id = rejected_job(graph, "stu-77")
    export = client.get(f"/v1/learners/{learner['uid']}/export")
    assert export.status_code == 200, export.text
    records = export.json()["records"]
    assert records["notes"] == []  # the mentor's private note is theirs alone
    hold = client.post(
        f"/v1/learners/{learner['uid']}/legal-hold-export", json={"reason": "court order 17"}
    )
    assert hold.status_code == 200, hold.text
    assert [n["text"] for n in hold.json()["records"]["notes"]] == ["Worried about home."]
    assert [i["summary"] for i in records["interactions"]] == ["Talked about maths."]
    assert {section: len(records[section]) for section in OTHER_LABELS} == dict.fromkeys(
        OTHER_LABELS, 1
    )
    [job] = export.json()["import_jobs"]
    assert (job["id"], [p["line"] for p in job["problems"]]) == (job_id, [2])


def test_erase_removes_every_record_and_unnames_import_jobs(
    client: TestClient, graph: Graph
) -> None:
    learner = factories.learner(client, source_id="stu-78")
    other = factories.learner(client)
    cared_for(client, graph, learner["uid"])
    cared_for(client, graph, other["uid"])
    rejected_job(graph, "stu-78")
    assert client.post(f"/v1/learners/{learner['uid']}/erase").status_code == 204
    assert run(graph, LEFT, learner_uid=learner["uid"])[0]["records"] == 0
    assert run(graph, LEFT, learner_uid=other["uid"])[0]["records"] == 7  # theirs stay
    [job] = run(graph, "MATCH (j:ImportJob) RETURN j.errors_json AS e, j.detail AS d")
    assert "stu-78" not in job["e"] + job["d"] and "someone-else" in job["e"]
