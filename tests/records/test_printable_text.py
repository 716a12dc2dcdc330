"""Names and titles beyond the node kinds (goals and interests in the learner's voice,
mentor requests, mapping rounds) refuse control and bidirectional-override characters;
free text (notes, summaries, hopes, reasons) keeps its line breaks and nothing else; a
bulk load row is checked as a create is. Each refusal is a 422 problem naming the field."""

import unicodedata

from fastapi.testclient import TestClient

from tests import factories
from tests.records.support import UNPRINTABLE, refused_naming
from tests.voice.support import count, me

NOBODY = "no-such-uid"  # the body is refused before anything is looked up


def test_goal_titles_interests_and_preferences_in_the_learners_voice(client: TestClient) -> None:
    _, headers = me(client)
    for character in UNPRINTABLE:
        title = {"title": f"Fly{character}planes", "kind": "ambition"}
        refused_naming(client.post("/v1/me/goals", json=title, headers=headers), "title", character)
    interest = client.post("/v1/me/interests", json={"name": "Ch\u202eess"}, headers=headers)
    refused_naming(interest, "name", "\u202e")
    preferences = {"learning_preferences": ["by doing", "vis\u0000ual"]}
    refused_naming(
        client.patch("/v1/me", json=preferences, headers=headers), "learning_preferences", "\u0000"
    )
    goal = client.post("/v1/me/goals", json={"title": "Fly", "kind": "ambition"}, headers=headers)
    changed = client.patch(
        f"/v1/me/goals/{goal.json()['uid']}", json={"title": "F\nly"}, headers=headers
    )
    refused_naming(changed, "title", "\n")
    assert count(client, "MATCH (i:Interest) RETURN count(i)") == 0
    assert count(client, "MATCH (g:Goal) RETURN collect(g.title)") == ["Fly"]


def test_mentor_request_hope_is_free_text_and_its_interest_a_name(client: TestClient) -> None:
    _, headers = me(client)
    asked = {"hope": "Someone\u001b[2J who builds bridges"}
    refused_naming(
        client.post("/v1/me/mentor-requests", json=asked, headers=headers), "hope", "\u001b"
    )
    asked = {"hope": "Someone to talk to", "interest": "Ro\u2067bots"}
    refused_naming(
        client.post("/v1/me/mentor-requests", json=asked, headers=headers), "interest", "\u2067"
    )
    asked = {"hope": "Someone who builds bridges.\nOr boats."}
    made = client.post("/v1/me/mentor-requests", json=asked, headers=headers)
    assert made.status_code == 201, made.text
    assert made.json()["hope"] == asked["hope"]


NOTE = {"learner_uid": NOBODY, "visibility": "care_team"}
INTERACTION = {"learner_uids": [NOBODY], "kind": "meeting"}
FREE_TEXT_FIELDS = [
    (f"/v1/join-requests/{NOBODY}/decline", {}, "reason"),
    (f"/v1/mentor-requests/{NOBODY}/decline", {}, "reason"),
    (f"/v1/relationships/{NOBODY}/end", {}, "reason"),
    (f"/v1/connections/{NOBODY}/revoke", {}, "reason"),
    ("/v1/notes", NOTE, "text"),
    ("/v1/interactions", INTERACTION, "summary"),
]


def test_reasons_notes_and_summaries_refuse_controls_but_line_breaks(client: TestClient) -> None:
    for path, body, field in FREE_TEXT_FIELDS:
        for character in (c for c in UNPRINTABLE if c != "\n"):
            sent = body | {field: f"Seen on Monday.\nMoved{character} away."}
            refused_naming(client.post(path, json=sent), field, character)
        kept = client.post(path, json=body | {field: "Seen on Monday.\r\nMoved away."})
        assert kept.status_code != 422, (path, kept.text)  # refused further on: no such uid


def test_mapping_round_name_is_a_name(client: TestClient) -> None:
    school = factories.organization(client)
    for character in UNPRINTABLE:
        body = {"name": f"Spring{character}round", "organization_uid": school["uid"]}
        refused_naming(client.post("/v1/mapping-rounds", json=body), "name", character)
    assert count(client, "MATCH (r:MappingRound) RETURN count(r)") == 0


def test_bulk_row_with_a_control_in_a_name_is_rejected_naming_the_field(client: TestClient) -> None:
    person = {"kind": "learner", "given_name": "Tavi", "family_name": "Orr"}
    nodes = [
        person | {"source_id": "s1", "family_name": "O\u202err"},
        person | {"source_id": "s2", "given_name": unicodedata.normalize("NFD", "Zoë")},
        {"node_kind": "community", "kind": "club", "source_id": "c1", "name": "Art\nClub"},
    ]
    response = client.post("/v1/bulk", json={"nodes": nodes, "relationships": []})
    assert response.status_code == 200, response.text
    reasons = {r["index"]: r["reason"] for r in response.json()["rejected"]}
    assert sorted(reasons) == [0, 2]
    assert "family_name may not hold" in reasons[0] and "U+202E" in reasons[0]
    assert "name may not hold" in reasons[2] and "U+000A" in reasons[2]
    stored = client.get("/v1/learners").json()["items"]
    assert [learner["given_name"] for learner in stored] == ["Zoë"]
