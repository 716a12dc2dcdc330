from typing import Any

from fastapi.testclient import TestClient

from api.main import create_app
from lrm_graph.config import Settings
from lrm_graph.vocabulary import NodeKind
from tests import factories
from tests.auth_helpers import ADMIN_HEADERS


def learner(source_id: str, **fields: Any) -> dict[str, Any]:
    body = {"kind": "learner", "source_id": source_id, "given_name": "Tavi", "family_name": "Orr"}
    return body | fields


def adult(source_id: str, **fields: Any) -> dict[str, Any]:
    body = {"kind": "adult", "source_id": source_id, "given_name": "Mirel", "family_name": "Vask"}
    return body | {"roles": ["mentor"]} | fields


def expert(source_id: str, **fields: Any) -> dict[str, Any]:
    body = {"kind": "expert", "source_id": source_id, "given_name": "Oro", "family_name": "Lind"}
    return body | fields


def ref(kind: str, source_id: str) -> dict[str, str]:
    return {"kind": kind, "source_id": source_id}


def rel(rel_type: str, start: dict, end: dict, **facts: Any) -> dict[str, Any]:
    return {"type": rel_type, "from": start, "to": end, **facts}


def post_bulk(client: TestClient, nodes: list, relationships: list, status: int = 200) -> dict:
    response = client.post("/v1/bulk", json={"nodes": nodes, "relationships": relationships})
    assert response.status_code == status, response.text
    return response.json()


def rejected(answer: dict, section: str) -> list[int]:
    return [r["index"] for r in answer["rejected"] if r["section"] == section]


def graph_counts(client: TestClient) -> tuple[int, int]:
    """Count every node (all kinds, archived too) and every relationship, via the API."""
    nodes = 0
    for kind in NodeKind:
        page = client.get(f"/v1/{kind.plural}", params={"limit": 500, "include_archived": True})
        assert page.status_code == 200, page.text
        nodes += len(page.json()["items"])
    relationships = client.get("/v1/relationships", params={"limit": 500})
    return nodes, len(relationships.json()["items"])


def relationships_of(client: TestClient, uid: str, **params: Any) -> list[dict]:
    response = client.get("/v1/relationships", params={"node": uid, "limit": 500, **params})
    assert response.status_code == 200, response.text
    return response.json()["items"]


def mixed_request() -> tuple[list, list]:
    """Good and bad rows of each kind of mistake; the comments give the expected outcome."""
    nodes = [
        learner("L1", grade_level="10"),  # 0 created
        adult("A1"),  # 1 created
        expert("E1"),  # 2 created (screening pending)
        {"kind": "wizard", "source_id": "W1", "name": "Merl"},  # 3 unknown kind
        learner("L3", given_name=None),  # 4 missing required field
        {"kind": "learner", "given_name": "Nell", "family_name": "Quay"},  # 5 no source_id
        learner("L1", given_name="Again"),  # 6 duplicate of 0
        learner("L2"),  # 7 created
    ]
    relationships = [
        rel("MENTORS", ref("adult", "A1"), ref("learner", "L1"), strength=4),  # 0 created
        rel("MENTORS", ref("learner", "L1"), ref("learner", "L2")),  # 1 wrong pair
        rel("MENTORS", ref("adult", "A1"), ref("learner", "nobody")),  # 2 unknown reference
        rel("MENTORS", ref("expert", "E1"), ref("learner", "L1")),  # 3 expert not screened
        rel("MENTORS", ref("adult", "A1"), ref("learner", "L1")),  # 4 duplicate of 0
        rel("PEER_OF", ref("learner", "L1"), ref("learner", "L2")),  # 5 created
        rel("PEER_OF", ref("learner", "L2"), ref("learner", "L1")),  # 6 duplicate (symmetric)
        rel("LIKES", ref("learner", "L1"), ref("learner", "L2")),  # 7 unknown type
        rel("MENTORS", ref("adult", "A1"), ref("learner", "L3")),  # 8 node 4 was rejected
    ]
    return nodes, relationships


def test_bulk_mixed_rows_counts_good_rows_and_rejects_bad_ones(client: TestClient) -> None:
    answer = post_bulk(client, *mixed_request())
    assert answer["nodes"] == {"created": 4, "updated": 0, "unchanged": 0}
    assert answer["relationships"] == {"created": 2, "updated": 0, "unchanged": 0}
    assert rejected(answer, "nodes") == [3, 4, 5, 6]
    assert rejected(answer, "relationships") == [1, 2, 3, 4, 6, 7, 8]


def test_bulk_rejected_rows_say_why(client: TestClient) -> None:
    answer = post_bulk(client, *mixed_request())
    reasons = {(r["section"], r["index"]): r["reason"] for r in answer["rejected"]}
    assert "kind must be one of" in reasons["nodes", 3]
    assert "given_name" in reasons["nodes", 4]
    assert "source_id is required" in reasons["nodes", 5]
    assert "duplicates nodes[0]" in reasons["nodes", 6]
    assert "allowed: adult -> learner, expert -> learner" in reasons["relationships", 1]
    assert "no learner with source_id 'nobody'" in reasons["relationships", 2]
    assert "screened and cleared" in reasons["relationships", 3]
    assert "duplicates relationships[0]" in reasons["relationships", 4]
    assert "duplicates relationships[5]" in reasons["relationships", 6]
    assert "type" in reasons["relationships", 7]


def test_bulk_rejected_rows_leave_no_partial_write(client: TestClient) -> None:
    post_bulk(client, *mixed_request())
    learners = client.get("/v1/learners", params={"limit": 500}).json()["items"]
    assert sorted(n["name"] for n in learners) == ["Tavi Orr", "Tavi Orr"]
    assert client.get("/v1/organizations").json()["items"] == []
    by_name = {(n["source_id"], n["grade_level"]): n for n in learners}
    first = by_name["L1", "10"]
    assert sorted(r["type"] for r in relationships_of(client, first["uid"])) == [
        "MENTORS",
        "PEER_OF",
    ]
    the_expert = client.get("/v1/experts").json()["items"][0]
    assert relationships_of(client, the_expert["uid"]) == []
    assert graph_counts(client) == (4, 2)


def test_bulk_same_request_twice_changes_nothing(client: TestClient) -> None:
    post_bulk(client, *mixed_request())
    before = graph_counts(client), stamps(client)
    again = post_bulk(client, *mixed_request())
    assert again["nodes"] == {"created": 0, "updated": 0, "unchanged": 4}
    assert again["relationships"] == {"created": 0, "updated": 0, "unchanged": 2}
    assert (graph_counts(client), stamps(client)) == before


def stamps(client: TestClient) -> dict[str, str]:
    """Return every node's and relationship's updated_at by uid."""
    nodes = [
        node
        for kind in NodeKind
        for node in client.get(f"/v1/{kind.plural}", params={"limit": 500}).json()["items"]
    ]
    found = {node["uid"]: node["updated_at"] for node in nodes}
    for node in nodes:
        found |= {r["uid"]: r["updated_at"] for r in relationships_of(client, node["uid"])}
    assert len(found) == 6  # the 4 nodes and 2 relationships of the mixed request
    return found


def test_bulk_nodes_readable_and_upsert_by_source_finds_same_uid(client: TestClient) -> None:
    post_bulk(client, [learner("SIS-77", grade_level="11", email="tavi@example.org")], [])
    [listed] = client.get("/v1/learners").json()["items"]
    got = client.get(f"/v1/learners/{listed['uid']}")
    assert got.status_code == 200
    assert (got.json()["source_id"], got.json()["grade_level"]) == ("SIS-77", "11")
    assert got.json()["name"] == "Tavi Orr"
    body = {"given_name": "Tavi", "family_name": "Orr", "grade_level": "12"}
    put = client.put("/v1/learners/by-source/SIS-77", json=body)
    assert put.status_code == 200, put.text
    assert (put.json()["uid"], put.json()["grade_level"]) == (listed["uid"], "12")


def test_bulk_replaces_node_fields_like_a_put(client: TestClient) -> None:
    post_bulk(client, [learner("SIS-1", email="tavi@example.org", grade_level="09")], [])
    answer = post_bulk(client, [learner("SIS-1", grade_level="10")], [])
    assert answer["nodes"] == {"created": 0, "updated": 1, "unchanged": 0}
    [node] = client.get("/v1/learners").json()["items"]
    assert (node["grade_level"], node["email"]) == ("10", None)


def test_bulk_community_row_gives_node_kind_beside_its_own_kind(client: TestClient) -> None:
    club = {"node_kind": "community", "source_id": "C1", "name": "Code Club", "kind": "club"}
    answer = post_bulk(
        client,
        [club, learner("L1"), {"kind": "community", "source_id": "C2", "name": "Band"}],
        [rel("MEMBER_OF", ref("learner", "L1"), ref("community", "C1"), role="member")],
    )
    assert (answer["nodes"]["created"], answer["relationships"]["created"]) == (2, 1)
    assert "node_kind" in answer["rejected"][0]["reason"]
    [made] = client.get("/v1/communities").json()["items"]
    assert (made["node_kind"], made["kind"], made["source_id"]) == ("community", "club", "C1")


def test_bulk_relationship_by_uid_updates_the_active_one(client: TestClient) -> None:
    mentor, pupil = factories.adult(client), factories.learner(client)
    first = factories.relate(client, "MENTORS", mentor["uid"], pupil["uid"], strength=2)
    row = rel("MENTORS", {"uid": mentor["uid"]}, {"uid": pupil["uid"]}, strength=5)
    answer = post_bulk(client, [], [row])
    assert answer["relationships"] == {"created": 0, "updated": 1, "unchanged": 0}
    [current] = relationships_of(client, pupil["uid"])
    assert (current["uid"], current["strength"], current["source"]) == (first["uid"], 5, "api")


def test_bulk_relationship_new_has_start_uid_and_default_source(client: TestClient) -> None:
    nodes = [adult("A1"), learner("L1")]
    facts = {"since": "2026-08-24", "properties": {"room": "B12"}}
    post_bulk(client, nodes, [rel("ADVISES", ref("adult", "A1"), ref("learner", "L1"), **facts)])
    mentor = client.get("/v1/adults").json()["items"][0]
    [made] = relationships_of(client, mentor["uid"])
    assert made["uid"].startswith(mentor["uid"] + ".")
    assert (made["source"], made["since"], made["properties"]) == (
        "api",
        "2026-08-24",
        {"room": "B12"},
    )
    assert client.get(f"/v1/relationships/{made['uid']}").status_code == 200


def test_bulk_ended_relationship_row_is_recorded_once(client: TestClient) -> None:
    nodes = [adult("A1"), learner("L1")]
    ended = {"since": "2024-09-01", "until": "2025-06-13"}
    row = rel("MENTORS", ref("adult", "A1"), ref("learner", "L1"), **ended)
    first, again = (post_bulk(client, nodes, [row])["relationships"] for _ in range(2))
    assert first == {"created": 1, "updated": 0, "unchanged": 0}
    assert again == {"created": 0, "updated": 0, "unchanged": 1}
    pupil = client.get("/v1/learners").json()["items"][0]
    [history] = relationships_of(client, pupil["uid"])
    assert (history["active"], history["until"]) == (False, "2025-06-13")


def test_bulk_until_before_since_is_rejected(client: TestClient) -> None:
    nodes = [adult("A1"), learner("L1")]
    row = rel("MENTORS", ref("adult", "A1"), ref("learner", "L1"), since="2025-09-01")
    answer = post_bulk(client, nodes, [row | {"until": "2025-01-01"}])
    assert rejected(answer, "relationships") == [0]
    assert "before since" in answer["rejected"][0]["reason"]


def test_bulk_reference_needs_uid_or_kind_and_source_id(client: TestClient) -> None:
    nodes = [adult("A1"), learner("L1")]
    rows = [
        rel("MENTORS", {"kind": "adult"}, ref("learner", "L1")),
        rel("MENTORS", {"uid": "x", "kind": "adult", "source_id": "A1"}, ref("learner", "L1")),
    ]
    answer = post_bulk(client, nodes, rows)
    assert rejected(answer, "relationships") == [0, 1]
    assert all("give either uid" in r["reason"] for r in answer["rejected"])


def test_bulk_small_batches_write_every_row(settings: Settings, client: TestClient) -> None:
    small = settings.model_copy(update={"bulk_batch_size": 2})
    nodes = [learner(f"L{i}") for i in range(5)] + [adult("A1")]
    rows = [rel("MENTORS", ref("adult", "A1"), ref("learner", f"L{i}")) for i in range(5)]
    with TestClient(create_app(small), headers=ADMIN_HEADERS) as batched:
        answer = post_bulk(batched, nodes, rows)
    assert (answer["nodes"]["created"], answer["relationships"]["created"]) == (6, 5)
    assert graph_counts(client) == (6, 5)


def test_bulk_over_row_limit_is_413_and_writes_nothing(
    settings: Settings, client: TestClient
) -> None:
    limited = settings.model_copy(update={"bulk_max_rows": 3})
    nodes = [learner(f"L{i}") for i in range(3)] + [adult("A1")]
    with TestClient(create_app(limited), headers=ADMIN_HEADERS) as small:
        problem = post_bulk(small, nodes, [], status=413)
        assert problem["max_rows"] == 3
        assert "at most 3 rows" in problem["detail"]
        assert post_bulk(small, nodes[:3], [])["nodes"]["created"] == 3
    assert graph_counts(client) == (3, 0)


def test_bulk_body_with_unknown_top_level_field_is_422(client: TestClient) -> None:
    response = client.post("/v1/bulk", json={"nodes": [], "edges": []})
    assert response.status_code == 422


def test_bulk_expert_to_learner_row_is_only_a_proposed_connection(client: TestClient) -> None:
    nodes = [
        learner("L1"),
        {"kind": "expert", "source_id": "E1", "given_name": "Ines", "family_name": "Rocha",
         "screening_status": "cleared", "screened_by": "Dana Staff",
         "screening_expires_on": "2099-01-01"},
    ]  # fmt: skip
    rows = [rel("MENTORS", ref("expert", "E1"), ref("learner", "L1"))]
    post_bulk(client, nodes, rows)
    post_bulk(client, nodes, rows)  # a re-run leaves it as it is
    learner_uid = client.get("/v1/learners").json()["items"][0]["uid"]
    [made] = client.get("/v1/relationships", params={"node": learner_uid}).json()["items"]
    assert (made["type"], made["connection_status"]) == ("MENTORS", "proposed")
