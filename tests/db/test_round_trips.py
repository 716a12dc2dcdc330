"""Round trips to Neo4j per API read, counted from the driver's own log (db/round_trips.py):
a checked caller costs none, each query one (no transaction of its own to open or commit),
the audit entries one; a read that makes more than it did fails here."""

from __future__ import annotations

from collections import Counter

import pytest
from fastapi.testclient import TestClient

from lrm_graph import metrics
from lrm_graph.db.graph import Graph
from lrm_graph.db.round_trips import counting
from tests import factories
from tests.auth_helpers import seed_caller

# Round trips each read makes at most, as the district admin. The goal is 2 (the question,
# then its audit entries); those above it say how far each still is.
CEILING = {
    "/v1/learners/{ada}": 2,
    "/v1/learners": 2,
    "/v1/adults/{mira}/caseload": 2,
    "/v1/paths?from={ada}&to={ben}": 2,
    "/v1/learners/{ada}/network": 2,
    "/v1/learners/{ada}/network?depth=2": 2,
    "/v1/search?q=ada": 2,
    "/v1/relationships/{mentoring}": 2,
    "/v1/relationships?node={ada}": 2,
    "/v1/learners/{ada}/brief": 7,
    "/v1/learners/{ada}/timeline": 2,
    "/v1/reports/unmentored": 4,  # a summary and two sections (issue 14 reports paging)
    "/v1/auth/me": 0,
}


@pytest.fixture
def uids(client: TestClient) -> dict[str, str]:
    ada = factories.learner(client, given_name="Ada", family_name="Lane")
    ben = factories.learner(client, given_name="Ben", family_name="Ray")
    mira = factories.adult(client, given_name="Mira", family_name="Sol", roles=["mentor"])
    school = factories.organization(client, name="North High", kind="school")
    mentoring = factories.relate(client, "MENTORS", mira["uid"], ada["uid"])
    factories.relate(client, "PEER_OF", ada["uid"], ben["uid"])
    factories.relate(client, "ENROLLED_AT", ada["uid"], school["uid"])
    return {"ada": ada["uid"], "ben": ben["uid"], "mira": mira["uid"],
            "mentoring": mentoring["uid"], "school": school["uid"]}  # fmt: skip


def named_queries() -> Counter[str]:
    """Return how many times each named query has run in this process."""
    ran: Counter[str] = Counter()
    for metric in metrics.QUERY_SECONDS.collect():
        for sample in metric.samples:
            if sample.name.endswith("_count"):
                ran[sample.labels["query"]] += int(sample.value)
    return ran


def measured(
    client: TestClient, url: str, headers: dict[str, str] | None = None
) -> tuple[int, int, list[str]]:
    """Return the round trips and queries of one read (its plans compiled and its caller
    checked by the same read just before), and the names of the queries it ran."""
    assert client.get(url, headers=headers).status_code == 200, url
    me = client.get("/v1/auth/me", headers=headers)  # checked now, if no longer trusted
    assert me.status_code == 200
    before = named_queries()
    with counting() as trips:
        response = client.get(url, headers=headers)
    assert response.status_code == 200, response.text
    return trips.count, trips.queries, sorted((named_queries() - before).elements())


@pytest.mark.parametrize("path", list(CEILING))
def test_a_read_makes_one_round_trip_per_query_and_none_for_its_caller(
    client: TestClient, uids: dict[str, str], path: str
) -> None:
    count, queries, names = measured(client, path.format(**uids))
    assert count == queries == len(names), names
    assert "auth/get_token_caller" not in names  # checked a moment ago: trusted
    assert count <= CEILING[path], f"{path}: {count} round trips ({', '.join(names)})"


@pytest.mark.parametrize("depth", [1, 2, 3])
@pytest.mark.parametrize("role", ["counselor", "mentor"])
def test_a_scoped_callers_network_asks_who_they_see_in_its_question(
    client: TestClient, graph: Graph, uids: dict[str, str], role: str, depth: int
) -> None:
    """A counselor of Ada's school, Ada's mentor: neither sees Ben; the network asks the
    access rule about the learners it meets in its own query, no round trip of its own."""
    if role == "counselor":
        headers = seed_caller(graph, role, org_uid=uids["school"])
    else:
        headers = seed_caller(graph, role, person_uid=uids["mira"])
    url = f"/v1/learners/{uids['ada']}/network?depth={depth}"

    count, queries, names = measured(client, url, headers)

    assert count == queries == len(names), names
    assert "access/visible_learners" not in names
    assert count <= {1: 2, 2: 2, 3: 3}[depth], f"{url}: {count} round trips ({', '.join(names)})"


def test_a_care_team_members_brief_asks_for_the_care_team_once(
    client: TestClient, graph: Graph, uids: dict[str, str]
) -> None:
    """Ada's mentor stands where the care team says: the team read for that is the one
    the brief lists, not asked again."""
    headers = seed_caller(graph, "mentor", person_uid=uids["mira"])

    count, queries, names = measured(client, f"/v1/learners/{uids['ada']}/brief", headers)

    assert count == queries == len(names), names
    assert names.count("care/get_care_team") == 1, names
