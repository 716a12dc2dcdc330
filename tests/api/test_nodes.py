"""Node endpoints of every kind: create, read, change, archive, erase, upsert, list."""

import unicodedata

import pytest
from fastapi.testclient import TestClient

from lrm_graph.db.graph import Graph
from lrm_graph.store.fields import FIELDS, Printable
from lrm_graph.vocabulary import NodeKind
from tests import factories
from tests.records.support import UNPRINTABLE, refused_naming

VALID = {
    "learners": {"given_name": "Amara", "family_name": "Okafor", "grade_level": "11"},
    "adults": {"given_name": "Tomas", "family_name": "Reyes", "roles": ["counselor"]},
    "experts": {
        "given_name": "Priya",
        "family_name": "Nair",
        "screening_status": "cleared",
        "screened_by": "District HR",
        "screening_expires_on": "2099-06-30",
    },
    "communities": {"name": "Chess Club", "kind": "club"},
    "organizations": {"name": "Eastfield High", "kind": "school"},
    "industries": {"name": "Information Technology", "code": "IT"},
    "goals": {"title": "Build video games", "kind": "ambition"},
    "interests": {"name": "Astronomy"},
    "resources": {"name": "Intro to Python", "kind": "course", "url": "https://example.org/py"},
}


@pytest.mark.parametrize("plural", sorted(VALID))
def test_create_get_patch_archive_each_kind(client: TestClient, plural: str) -> None:
    created = client.post(f"/v1/{plural}", json=VALID[plural])
    assert created.status_code == 201, created.text
    node = created.json()
    assert created.headers["location"] == f"/v1/{plural}/{node['uid']}"
    assert client.get(f"/v1/{plural}/{node['uid']}").json() == node
    field = "title" if plural == "goals" else "family_name" if "given_name" in node else "name"
    patched = client.patch(f"/v1/{plural}/{node['uid']}", json={field: "Renamed"})
    assert patched.status_code == 200, patched.text
    assert patched.json()[field] == "Renamed"
    assert "Renamed" in patched.json()["name"]
    archived = client.delete(f"/v1/{plural}/{node['uid']}")
    assert archived.status_code == 200
    assert archived.json()["archived_at"] is not None
    assert client.get(f"/v1/{plural}/{node['uid']}").status_code == 200


def test_uid_of_another_kind_is_404(client: TestClient) -> None:
    learner = factories.learner(client)
    assert client.get(f"/v1/adults/{learner['uid']}").status_code == 404


def test_missing_and_mistyped_fields_are_422_problem(client: TestClient) -> None:
    cases = [
        ("learners", {"family_name": "NoGiven"}),
        ("learners", {"given_name": "A", "family_name": "B", "grade_level": "nineth"}),
        ("learners", {"given_name": "A", "family_name": "B", "shoe_size": 9}),
        ("learners", {"given_name": "", "family_name": "B"}),
        ("adults", {"given_name": "A", "family_name": "B", "roles": []}),
        ("adults", {"given_name": "A", "family_name": "B", "roles": ["wizard"]}),
        (
            "adults",
            {"given_name": "A", "family_name": "B", "roles": ["coach"], "caseload_capacity": -1},
        ),
        ("communities", {"name": "X", "kind": "cult"}),
        ("resources", {"name": "X", "kind": "course", "url": "javascript:alert(1)"}),
        ("learners", {"given_name": "A" * 201, "family_name": "B"}),
    ]
    for plural, body in cases:
        response = client.post(f"/v1/{plural}", json=body)
        assert response.status_code == 422, (plural, body, response.text)
        problem = response.json()
        assert response.headers["content-type"] == "application/problem+json"
        assert problem["status"] == 422 and problem["errors"], problem


def test_malformed_json_is_422_problem(client: TestClient) -> None:
    response = client.post(
        "/v1/learners", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"


def test_cypher_syntax_in_a_name_is_stored_literally(client: TestClient) -> None:
    name = "x'}) MATCH (n) DETACH DELETE n //"
    first = factories.learner(client)
    weird = factories.learner(client, given_name=name, family_name="$(label) `Robert`; DROP")
    fetched = client.get(f"/v1/learners/{weird['uid']}").json()
    assert fetched["given_name"] == name
    assert fetched["family_name"] == "$(label) `Robert`; DROP"
    assert client.get(f"/v1/learners/{first['uid']}").status_code == 200


def test_unicode_names_round_trip(client: TestClient) -> None:
    learner = factories.learner(client, given_name="Siân 李雷", family_name="Ó Briain-Øvrebø")
    fetched = client.get(f"/v1/learners/{learner['uid']}").json()
    assert fetched["name"] == "Siân 李雷 Ó Briain-Øvrebø"


# Every name and title field of every kind (a list: learning preferences are names too).
NAME_FIELDS = {
    "learners": ["given_name", "family_name", "preferred_name", "learning_preferences"],
    "adults": ["given_name", "family_name", "preferred_name"],
    "experts": ["given_name", "family_name", "preferred_name", "screened_by"],
    "communities": ["name"],
    "organizations": ["name"],
    "industries": ["name"],
    "goals": ["title"],
    "interests": ["name"],
    "resources": ["name"],
}


def _with(plural: str, field: str, value: str) -> dict:
    return VALID[plural] | {field: [value] if field == "learning_preferences" else value}


def test_name_fields_listed_here_are_every_one_line_field_of_every_kind() -> None:
    one_line = {
        kind.plural: sorted(
            name
            for name, field in FIELDS[kind].model_fields.items()
            if repr(Printable()) in f"{field.annotation!r} {field.metadata!r}"
        )
        for kind in NodeKind
    }
    assert one_line == {plural: sorted(fields) for plural, fields in NAME_FIELDS.items()}


@pytest.mark.parametrize(
    ("plural", "field"), [(p, f) for p, fields in sorted(NAME_FIELDS.items()) for f in fields]
)
def test_control_and_bidi_characters_in_a_name_are_refused(
    client: TestClient, plural: str, field: str
) -> None:
    for character in UNPRINTABLE:
        body = _with(plural, field, f"Ann{character}a")
        refused_naming(client.post(f"/v1/{plural}", json=body), field, character)
    put = client.put(f"/v1/{plural}/by-source/sis-1", json=_with(plural, field, "A\u202eB"))
    refused_naming(put, field, "\u202e")
    assert client.get(f"/v1/{plural}").json()["items"] == []


@pytest.mark.parametrize("plural", sorted(NAME_FIELDS))
def test_a_change_to_a_name_holding_a_control_is_refused_naming_it(
    client: TestClient, plural: str
) -> None:
    node = client.post(f"/v1/{plural}", json=VALID[plural]).json()
    field = NAME_FIELDS[plural][0]
    patched = client.patch(f"/v1/{plural}/{node['uid']}", json={field: "Re\nnamed"})
    refused_naming(patched, field, "\n")
    assert client.get(f"/v1/{plural}/{node['uid']}").json() == node


def test_free_text_keeps_line_breaks_but_no_other_control(client: TestClient) -> None:
    text = "Meets on Tuesdays\r\nRoom 4\nBring a board"
    club = factories.community(client, description=text)
    assert client.get(f"/v1/communities/{club['uid']}").json()["description"] == text
    for character in ("\u0000", "\t", "\u001b", "\u202d", "\u2069"):
        body = VALID["resources"] | {"description": f"Line one\nline{character}two"}
        refused_naming(client.post("/v1/resources", json=body), "description", character)
    patched = client.patch(f"/v1/communities/{club['uid']}", json={"description": "\u202eX"})
    refused_naming(patched, "description", "\u202e")


def test_names_are_stored_in_nfc(client: TestClient) -> None:
    decomposed = unicodedata.normalize("NFD", "Zoë Ngũgĩ")
    learner = factories.learner(client, given_name=decomposed, family_name="Siân")
    fetched = client.get(f"/v1/learners/{learner['uid']}").json()
    assert fetched["given_name"] == "Zoë Ngũgĩ" != decomposed
    assert unicodedata.is_normalized("NFC", fetched["name"])
    assert client.get("/v1/learners", params={"name": "Zoë"}).json()["items"]


def test_a_name_stored_before_the_rule_is_still_readable(client: TestClient, graph: Graph) -> None:
    learner = factories.learner(client)
    graph.driver.execute_query(
        "MATCH (l:Learner {uid: $uid}) SET l.family_name = $name",
        uid=learner["uid"],
        name="Old\u202eName",
        database_=graph.database,
    )
    fetched = client.get(f"/v1/learners/{learner['uid']}")
    assert fetched.status_code == 200
    assert fetched.json()["family_name"] == "Old\u202eName"


def test_preferred_name_is_the_display_name_and_can_be_removed(client: TestClient) -> None:
    learner = factories.learner(client, given_name="Robert", preferred_name="Bo")
    assert learner["name"].startswith("Bo ")
    patched = client.patch(f"/v1/learners/{learner['uid']}", json={"preferred_name": None})
    assert patched.json()["preferred_name"] is None
    assert patched.json()["name"].startswith("Robert ")


def test_patch_cannot_remove_a_required_field(client: TestClient) -> None:
    learner = factories.learner(client)
    response = client.patch(f"/v1/learners/{learner['uid']}", json={"given_name": None})
    assert response.status_code == 422


def test_patch_with_empty_body_is_422(client: TestClient) -> None:
    learner = factories.learner(client)
    assert client.patch(f"/v1/learners/{learner['uid']}", json={}).status_code == 422


def test_duplicate_source_id_in_a_kind_is_409(client: TestClient) -> None:
    factories.learner(client, source_id="sis-1")
    response = client.post("/v1/learners", json=VALID["learners"] | {"source_id": "sis-1"})
    assert response.status_code == 409
    assert (
        client.post("/v1/adults", json=VALID["adults"] | {"source_id": "sis-1"}).status_code == 201
    )


def test_put_by_source_is_idempotent(client: TestClient) -> None:
    body = VALID["learners"] | {"preferred_name": "Mara"}
    first = client.put("/v1/learners/by-source/sis-42", json=body)
    second = client.put("/v1/learners/by-source/sis-42", json=body)
    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json()["uid"] == second.json()["uid"]
    assert first.json()["source_id"] == "sis-42"
    listed = client.get("/v1/learners").json()["items"]
    assert [n["uid"] for n in listed] == [first.json()["uid"]]


def test_put_by_source_replaces_fields(client: TestClient) -> None:
    client.put("/v1/learners/by-source/sis-7", json=VALID["learners"] | {"preferred_name": "Mara"})
    replaced = client.put("/v1/learners/by-source/sis-7", json=VALID["learners"])
    assert replaced.json()["preferred_name"] is None


def test_put_by_source_with_other_source_id_in_body_is_422(client: TestClient) -> None:
    body = VALID["learners"] | {"source_id": "other"}
    assert client.put("/v1/learners/by-source/sis-9", json=body).status_code == 422


def test_archive_ends_relationships_and_hides_from_list(client: TestClient) -> None:
    mentor, learner = factories.adult(client), factories.learner(client)
    rel = factories.relate(client, "MENTORS", mentor["uid"], learner["uid"])
    client.delete(f"/v1/learners/{learner['uid']}")
    assert client.get(f"/v1/relationships/{rel['uid']}").json()["active"] is False
    assert client.get("/v1/learners").json()["items"] == []
    archived = client.get("/v1/learners", params={"include_archived": True}).json()["items"]
    assert [n["uid"] for n in archived] == [learner["uid"]]
    again = {"type": "MENTORS", "from_uid": mentor["uid"], "to_uid": learner["uid"]}
    assert client.post("/v1/relationships", json=again).status_code == 409


def test_erase_removes_person_their_goals_and_relationships(client: TestClient) -> None:
    mentor, learner = factories.adult(client), factories.learner(client)
    goal = factories.goal(client)
    factories.relate(client, "MENTORS", mentor["uid"], learner["uid"])
    factories.relate(client, "PURSUES", learner["uid"], goal["uid"])
    assert client.post(f"/v1/learners/{learner['uid']}/erase").status_code == 204
    assert client.get(f"/v1/learners/{learner['uid']}").status_code == 404
    assert client.get(f"/v1/goals/{goal['uid']}").status_code == 404
    assert client.get("/v1/relationships", params={"node": mentor["uid"]}).json()["items"] == []
    assert client.post(f"/v1/learners/{learner['uid']}/erase").status_code == 404


def test_list_pages_through_every_node_once(client: TestClient) -> None:
    made = {factories.learner(client)["uid"] for _ in range(7)}
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 3} | ({"cursor": cursor} if cursor else {})
        page = client.get("/v1/learners", params=params).json()
        seen += [n["uid"] for n in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert sorted(seen) == sorted(made)


def test_list_filters_by_grade_role_kind_name_and_organization(client: TestClient) -> None:
    school = factories.organization(client)
    tenth = factories.learner(client, grade_level="10", family_name="Mbeki")
    factories.learner(client, grade_level="12")
    factories.relate(client, "ENROLLED_AT", tenth["uid"], school["uid"])
    coach = factories.adult(client, roles=["coach", "teacher"])
    factories.adult(client, roles=["counselor"])
    club = factories.community(client, kind="club")
    factories.community(client, kind="team")

    def uids(plural: str, **params: object) -> list[str]:
        return [n["uid"] for n in client.get(f"/v1/{plural}", params=params).json()["items"]]

    assert uids("learners", grade="10") == [tenth["uid"]]
    assert uids("learners", organization=school["uid"]) == [tenth["uid"]]
    assert uids("learners", name="mbek") == [tenth["uid"]]
    assert uids("adults", role="coach") == [coach["uid"]]
    assert uids("communities", kind="club") == [club["uid"]]


def test_list_bad_parameters_are_422(client: TestClient) -> None:
    for params in ({"limit": 0}, {"limit": 100000}, {"grade": "nineth"}, {"cursor": "%%%"}):
        response = client.get("/v1/learners", params=params)
        assert response.status_code == 422, params
