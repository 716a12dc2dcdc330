import itertools
import re

from fastapi.testclient import TestClient

from lrm_graph.db import cypher
from lrm_graph.db.graph import Graph
from lrm_graph.records import traversal
from lrm_graph.vocabulary import CASELOAD_TYPES, NodeKind
from tests import factories

SYNTAX_QUERY = '"a:b OR (x*) && \\" \' MATCH (n) DETACH DELETE n'


def end(client: TestClient, rel: dict) -> None:
    response = client.post(f"/v1/relationships/{rel['uid']}/end", json={})
    assert response.status_code == 200, response.text


def network(client: TestClient, uid: str, **params: object) -> dict:
    response = client.get(f"/v1/learners/{uid}/network", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def uids(nodes: list[dict]) -> list[str]:
    return [n["uid"] for n in nodes]


def all_uids(answer: dict) -> set[str]:
    return {n["uid"] for group in answer["nodes"].values() for n in group}


def path(client: TestClient, start: str, end_: str, **params: object) -> dict:
    response = client.get("/v1/paths", params={"from": start, "to": end_, **params})
    assert response.status_code == 200, response.text
    return response.json()


def search(client: TestClient, q: str, **params: object) -> list[str]:
    response = client.get("/v1/search", params={"q": q, **params})
    assert response.status_code == 200, response.text
    return [item["uid"] for item in response.json()["items"]]


# --- network -------------------------------------------------------------------------


def test_network_depth_one_lists_direct_connections_by_kind(client: TestClient) -> None:
    learner, mentor = factories.learner(client), factories.adult(client)
    peer = factories.learner(client)
    club, goal, field = (
        factories.community(client),
        factories.goal(client),
        factories.industry(client),
    )
    mentors = factories.relate(client, "MENTORS", mentor["uid"], learner["uid"], strength=4)
    factories.relate(client, "PEER_OF", learner["uid"], peer["uid"])
    factories.relate(client, "MEMBER_OF", learner["uid"], club["uid"])
    factories.relate(client, "PURSUES", learner["uid"], goal["uid"])
    factories.relate(client, "IN_INDUSTRY", goal["uid"], field["uid"])

    answer = network(client, learner["uid"])

    assert answer["learner"] == {
        "uid": learner["uid"],
        "node_kind": "learner",
        "name": learner["name"],
        "hops": 0,
    }
    assert (answer["depth"], answer["truncated"]) == (1, False)
    assert answer["nodes"]["adult"] == [
        {"uid": mentor["uid"], "node_kind": "adult", "name": mentor["name"], "hops": 1}
    ]
    assert uids(answer["nodes"]["learner"]) == [peer["uid"]]
    assert uids(answer["nodes"]["community"]) == [club["uid"]]
    assert uids(answer["nodes"]["goal"]) == [goal["uid"]]
    assert answer["nodes"]["industry"] == []
    assert set(answer["nodes"]) == {kind.value for kind in NodeKind}
    assert sorted(answer["edges"]) == ["MEMBER_OF", "MENTORS", "PEER_OF", "PURSUES"]
    edge = answer["edges"]["MENTORS"][0]
    assert (edge["uid"], edge["from_uid"], edge["to_uid"], edge["strength"]) == (
        mentors["uid"],
        mentor["uid"],
        learner["uid"],
        4,
    )


def test_network_depth_two_reaches_goal_industry_and_mentor_circle(client: TestClient) -> None:
    learner, other = factories.learner(client), factories.learner(client)
    mentor, club = factories.adult(client), factories.community(client)
    goal, field = factories.goal(client), factories.industry(client)
    factories.relate(client, "MENTORS", mentor["uid"], learner["uid"])
    factories.relate(client, "MENTORS", mentor["uid"], other["uid"])
    factories.relate(client, "MEMBER_OF", learner["uid"], club["uid"])
    mentor_in_club = factories.relate(client, "MEMBER_OF", mentor["uid"], club["uid"])
    factories.relate(client, "PURSUES", learner["uid"], goal["uid"])
    factories.relate(client, "IN_INDUSTRY", goal["uid"], field["uid"])

    answer = network(client, learner["uid"], depth=2)

    assert answer["depth"] == 2
    assert answer["nodes"]["industry"] == [
        {"uid": field["uid"], "node_kind": "industry", "name": field["name"], "hops": 2,
         "members": 0, "caller_ties": []}
    ]  # fmt: skip
    assert [(n["uid"], n["hops"]) for n in answer["nodes"]["learner"]] == [(other["uid"], 2)]
    assert [(n["uid"], n["hops"]) for n in answer["nodes"]["adult"]] == [(mentor["uid"], 1)]
    # The mentor and the club are both one hop away; the tie between them is walked at hop 2.
    assert mentor_in_club["uid"] in uids(answer["edges"]["MEMBER_OF"])
    assert len(answer["edges"]["MENTORS"]) == 2


def test_network_does_not_walk_through_a_group_bigger_than_asked(client: TestClient) -> None:
    learner, club = factories.learner(client), factories.community(client)
    members = [factories.learner(client) for _ in range(3)]
    for person in [learner, *members]:
        factories.relate(client, "MEMBER_OF", person["uid"], club["uid"])

    small = network(client, learner["uid"], depth=2, walk_groups_up_to=4)
    big = network(client, learner["uid"], depth=2, walk_groups_up_to=3)

    assert small["nodes"]["community"] == [
        {"uid": club["uid"], "node_kind": "community", "name": club["name"], "hops": 1,
         "members": 4, "kind": club["kind"], "caller_ties": []}
    ]  # fmt: skip
    assert set(uids(small["nodes"]["learner"])) == {m["uid"] for m in members}
    assert small["collapsed"] == []
    assert big["nodes"]["community"] == small["nodes"]["community"]
    assert big["nodes"]["learner"] == [] and len(big["edges"]["MEMBER_OF"]) == 1
    assert big["collapsed"] == [{"uid": club["uid"], "kind": club["kind"],
                                 "node_kind": "community", "name": club["name"],
                                 "member_count": 4}]  # fmt: skip


def test_network_leaves_out_far_end_of_ended_relationship(client: TestClient) -> None:
    learner, former = factories.learner(client), factories.adult(client)
    current = factories.adult(client)
    their_mentee = factories.learner(client)
    old = factories.relate(client, "MENTORS", former["uid"], learner["uid"])
    factories.relate(client, "MENTORS", former["uid"], their_mentee["uid"])
    factories.relate(client, "MENTORS", current["uid"], learner["uid"])
    end(client, old)

    answer = network(client, learner["uid"], depth=2)

    assert all_uids(answer) == {current["uid"]}
    assert uids(answer["edges"]["MENTORS"]) != [old["uid"]]
    assert len(answer["edges"]["MENTORS"]) == 1


def test_network_leaves_out_archived_node(client: TestClient) -> None:
    learner, peer = factories.learner(client), factories.learner(client)
    club = factories.community(client)
    factories.relate(client, "PEER_OF", learner["uid"], peer["uid"])
    factories.relate(client, "MEMBER_OF", learner["uid"], club["uid"])
    assert client.delete(f"/v1/learners/{peer['uid']}").status_code == 200

    answer = network(client, learner["uid"], depth=3)

    assert all_uids(answer) == {club["uid"]}
    assert sorted(answer["edges"]) == ["MEMBER_OF"]


def test_network_node_cap_sets_truncated(client: TestClient) -> None:
    learner = factories.learner(client)
    for _ in range(3):
        factories.relate(client, "MENTORS", factories.adult(client)["uid"], learner["uid"])
    state = client.app.state  # type: ignore[attr-defined]
    # Starlette's State keeps attributes in a private dict that monkeypatch cannot restore.
    original = state.settings
    state.settings = original.model_copy(update={"network_max_nodes": 2})
    try:
        answer = network(client, learner["uid"], depth=2)
    finally:
        state.settings = original

    assert answer["truncated"] is True
    assert len(answer["nodes"]["adult"]) == 2
    assert len(answer["edges"]["MENTORS"]) == 2


def test_network_under_cap_is_not_truncated(client: TestClient) -> None:
    learner = factories.learner(client)
    factories.relate(client, "MENTORS", factories.adult(client)["uid"], learner["uid"])
    assert network(client, learner["uid"], depth=3)["truncated"] is False


def test_network_unknown_or_non_learner_is_404(client: TestClient) -> None:
    adult = factories.adult(client)
    for uid in ("no-such-learner", adult["uid"]):
        response = client.get(f"/v1/learners/{uid}/network")
        assert response.status_code == 404, uid
        assert response.headers["content-type"] == "application/problem+json"


def test_network_depth_outside_one_to_three_is_422(client: TestClient) -> None:
    learner = factories.learner(client)
    for depth in (0, 4, "two"):
        response = client.get(f"/v1/learners/{learner['uid']}/network", params={"depth": depth})
        assert response.status_code == 422, depth


# --- caseload ------------------------------------------------------------------------


def test_caseload_lists_active_learners_by_name_with_room(client: TestClient) -> None:
    adult = factories.adult(client, caseload_capacity=5, roles=["advisor", "mentor"])
    zed = factories.learner(client, given_name="Zed", family_name="Ayala", grade_level="11")
    amy = factories.learner(client, given_name="Amy", family_name="Zhou", grade_level="10")
    bob, cy = factories.learner(client, given_name="Bob"), factories.learner(client)
    factories.relate(client, "MENTORS", adult["uid"], zed["uid"])
    mentors = factories.relate(
        client, "MENTORS", adult["uid"], amy["uid"], strength=3, since="2026-01-05"
    )
    advises = factories.relate(client, "ADVISES", adult["uid"], amy["uid"], since="2025-09-01")
    end(client, factories.relate(client, "COACHES", adult["uid"], bob["uid"]))
    factories.relate(client, "TEACHES", adult["uid"], cy["uid"])

    response = client.get(f"/v1/adults/{adult['uid']}/caseload")

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["adult"]["uid"] == adult["uid"]
    assert (body["capacity"], body["count"], body["room"]) == (5, 2, 3)
    assert [(c["name"], c["grade_level"]) for c in body["learners"]] == [
        ("Amy Zhou", "10"),
        ("Zed Ayala", "11"),
    ]
    assert body["learners"][0]["relationships"] == [
        {
            "uid": advises["uid"],
            "type": "ADVISES",
            "since": "2025-09-01",
            "strength": None,
            "last_interaction_at": None,
        },
        {
            "uid": mentors["uid"],
            "type": "MENTORS",
            "since": "2026-01-05",
            "strength": 3,
            "last_interaction_at": None,
        },
    ]


def test_caseload_without_capacity_has_no_room(client: TestClient) -> None:
    adult = factories.adult(client)
    body = client.get(f"/v1/adults/{adult['uid']}/caseload").json()
    assert (body["capacity"], body["count"], body["room"], body["learners"]) == (None, 0, None, [])


def test_caseload_over_capacity_has_negative_room(client: TestClient) -> None:
    adult = factories.adult(client, caseload_capacity=1)
    for _ in range(2):
        factories.relate(client, "COUNSELS", adult["uid"], factories.learner(client)["uid"])
    body = client.get(f"/v1/adults/{adult['uid']}/caseload").json()
    assert (body["capacity"], body["count"], body["room"]) == (1, 2, -1)


def test_caseload_unknown_or_non_adult_is_404(client: TestClient) -> None:
    learner = factories.learner(client)
    for uid in ("no-such-adult", learner["uid"]):
        assert client.get(f"/v1/adults/{uid}/caseload").status_code == 404, uid


def test_caseload_query_names_exactly_the_caseload_types() -> None:
    pattern = re.search(r"\[r:([A-Z_|]+)\]", cypher.text("questions/get_caseload"))
    assert pattern is not None
    assert set(pattern.group(1).split("|")) == {t.value for t in CASELOAD_TYPES}


# --- paths ---------------------------------------------------------------------------


def test_path_found_lists_nodes_and_relationships_in_order(client: TestClient) -> None:
    ada, ben = factories.learner(client), factories.learner(client)
    mentor = factories.adult(client)
    peers = factories.relate(client, "PEER_OF", ada["uid"], ben["uid"])
    mentors = factories.relate(client, "MENTORS", mentor["uid"], ben["uid"])

    answer = path(client, ada["uid"], mentor["uid"])

    assert (answer["found"], answer["length"]) == (True, 2)
    assert answer["nodes"] == [
        {"uid": ada["uid"], "node_kind": "learner", "name": ada["name"]},
        {"uid": ben["uid"], "node_kind": "learner", "name": ben["name"]},
        {"uid": mentor["uid"], "node_kind": "adult", "name": mentor["name"]},
    ]
    assert [(r["uid"], r["type"], r["from_uid"], r["to_uid"]) for r in answer["relationships"]] == [
        (peers["uid"], "PEER_OF", ada["uid"], ben["uid"]),
        (mentors["uid"], "MENTORS", mentor["uid"], ben["uid"]),
    ]


def test_path_longer_than_max_hops_is_not_found(client: TestClient) -> None:
    chain = [factories.learner(client) for _ in range(4)]
    for a, b in itertools.pairwise(chain):
        factories.relate(client, "PEER_OF", a["uid"], b["uid"])

    assert path(client, chain[0]["uid"], chain[3]["uid"], max_hops=2) == {
        "found": False,
        "length": None,
        "nodes": [],
        "relationships": [],
    }
    found = path(client, chain[0]["uid"], chain[3]["uid"], max_hops=3)
    assert uids(found["nodes"]) == [n["uid"] for n in chain]


def test_every_max_hops_is_a_bound_of_its_own(client: TestClient) -> None:
    # The query holds a branch per bound (a pattern's length is no parameter): each one
    # finds a path exactly that long and none longer.
    chain = [factories.learner(client) for _ in range(8)]
    for a, b in itertools.pairwise(chain):
        factories.relate(client, "PEER_OF", a["uid"], b["uid"])

    for hops in range(1, 7):
        found = path(client, chain[0]["uid"], chain[hops]["uid"], max_hops=hops)
        beyond = path(client, chain[0]["uid"], chain[hops + 1]["uid"], max_hops=hops)
        assert (found["found"], found["length"]) == (True, hops), hops
        assert uids(found["nodes"]) == [n["uid"] for n in chain[: hops + 1]]
        assert beyond["found"] is False, hops


def test_path_goes_around_ended_relationship(client: TestClient) -> None:
    ada, ben = factories.learner(client), factories.learner(client)
    mentor = factories.adult(client)
    end(client, factories.relate(client, "MENTORS", mentor["uid"], ada["uid"]))
    factories.relate(client, "PEER_OF", ada["uid"], ben["uid"])
    factories.relate(client, "MENTORS", mentor["uid"], ben["uid"])

    answer = path(client, ada["uid"], mentor["uid"])

    assert uids(answer["nodes"]) == [ada["uid"], ben["uid"], mentor["uid"]]


def test_path_only_through_ended_relationship_is_not_found(client: TestClient) -> None:
    ada, mentor = factories.learner(client), factories.adult(client)
    end(client, factories.relate(client, "MENTORS", mentor["uid"], ada["uid"]))
    assert path(client, ada["uid"], mentor["uid"])["found"] is False


def test_path_from_a_node_to_itself_has_length_zero(client: TestClient) -> None:
    ada = factories.learner(client)
    assert path(client, ada["uid"], ada["uid"]) == {
        "found": True,
        "length": 0,
        "nodes": [{"uid": ada["uid"], "node_kind": "learner", "name": ada["name"]}],
        "relationships": [],
    }


def test_path_unknown_node_is_404(client: TestClient) -> None:
    ada = factories.learner(client)
    response = client.get("/v1/paths", params={"from": ada["uid"], "to": "nobody"})
    assert response.status_code == 404
    assert response.json()["missing"] == ["nobody"]
    response = client.get("/v1/paths", params={"from": "nobody", "to": "nobody"})
    assert response.json()["missing"] == ["nobody"]


def test_path_missing_or_bad_params_is_422(client: TestClient) -> None:
    ada, ben = factories.learner(client), factories.learner(client)
    cases = [
        {"from": ada["uid"]},
        {"to": ben["uid"]},
        {"from": ada["uid"], "to": ben["uid"], "max_hops": 0},
        {"from": ada["uid"], "to": ben["uid"], "max_hops": 7},
    ]
    for params in cases:
        response = client.get("/v1/paths", params=params)
        assert response.status_code == 422, params
        assert response.headers["content-type"] == "application/problem+json"


# --- search --------------------------------------------------------------------------


def test_search_finds_unicode_name(client: TestClient) -> None:
    zoe = factories.learner(client, given_name="Zoë", family_name="Ngũgĩ")
    factories.learner(client, given_name="Zoe", family_name="Smith")
    response = client.get("/v1/search", params={"q": "Zoë Ngũgĩ"})
    assert response.status_code == 200
    [item] = response.json()["items"]
    assert (item["uid"], item["node_kind"], item["name"]) == (zoe["uid"], "learner", "Zoë Ngũgĩ")
    assert item["score"] > 0


def test_search_matches_each_word_as_prefix(client: TestClient) -> None:
    zoe = factories.learner(client, given_name="Zoë", family_name="Ngũgĩ")
    assert search(client, "ngũ") == [zoe["uid"]]
    assert search(client, "Zo Ng") == [zoe["uid"]]
    assert search(client, "Zoë Smith") == []


def test_search_finds_adults_experts_and_communities(client: TestClient) -> None:
    adult = factories.adult(client, given_name="Robin", family_name="Okafor")
    expert = factories.expert(client, given_name="Robin", family_name="Adeyemi")
    club = factories.community(client, name="Robotics Club")
    factories.organization(client, name="Robinson High")  # organizations are not searched
    found = client.get("/v1/search", params={"q": "rob"}).json()["items"]
    assert sorted((i["node_kind"], i["uid"]) for i in found) == sorted(
        [("adult", adult["uid"]), ("expert", expert["uid"]), ("community", club["uid"])]
    )


def test_search_with_query_syntax_is_searched_literally(client: TestClient) -> None:
    ada = factories.learner(client, given_name="Match", family_name="Delete")
    factories.community(client, name="Robotics Club")
    assert search(client, SYNTAX_QUERY) == []
    assert search(client, "*") == []
    assert search(client, "Match OR Robotics") == []
    assert client.get(f"/v1/learners/{ada['uid']}").status_code == 200


def test_search_name_with_lucene_characters_is_found(client: TestClient) -> None:
    club = factories.community(client, name="C++ (Advanced) Club")
    obrien = factories.learner(client, given_name="Siobhán", family_name="O'Brien")
    assert search(client, "C++ (Advanced)") == [club["uid"]]
    assert search(client, "o'brien") == [obrien["uid"]]


def test_search_hides_archived(client: TestClient) -> None:
    gone = factories.learner(client, given_name="Wanjiru", family_name="Kamau")
    kept = factories.learner(client, given_name="Wanjiru", family_name="Otieno")
    assert client.delete(f"/v1/learners/{gone['uid']}").status_code == 200
    assert search(client, "Wanjiru") == [kept["uid"]]


def test_search_respects_limit(client: TestClient) -> None:
    for _ in range(3):
        factories.learner(client, family_name="Mwangi")
    assert len(search(client, "Mwangi", limit=2)) == 2


def test_search_q_empty_blank_or_too_long_is_422(client: TestClient) -> None:
    for q in ("", "   ", "x" * 201):
        response = client.get("/v1/search", params={"q": q})
        assert response.status_code == 422, q
        assert response.headers["content-type"] == "application/problem+json"
    assert client.get("/v1/search").status_code == 422


def test_search_hook_can_leave_out_directory_opt_outs(client: TestClient, graph: Graph) -> None:
    hidden = factories.learner(client, given_name="Amara", directory_opt_out=True)
    listed = factories.learner(client, given_name="Amara")
    assert sorted(search(client, "Amara")) == sorted([hidden["uid"], listed["uid"]])
    found = traversal.search(graph, "Amara", 10, include_directory_opt_outs=False)
    assert [item["uid"] for item in found] == [listed["uid"]]


def test_search_folds_accents_both_ways(client: TestClient) -> None:
    zoe = factories.learner(client, given_name="Zoë", family_name="Ngũgĩ")
    assert search(client, "zoe ngugi") == [zoe["uid"]]
    assert search(client, "NGŨ") == [zoe["uid"]]
