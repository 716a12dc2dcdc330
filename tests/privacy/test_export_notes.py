"""A learner's export shows notes as every read does (issue 11, item 5): a `private` note is
its author's alone, in no export, an admin's included; `care_team` notes go to the care
team and the admin, not to the learner or guardian. Only the district admin's legal-hold
export, an explicit operation with a reason, holds every note, and it is audited as such."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests import factories
from tests.safeguarding.support import guardian_of, school_with_learner, signed_in

VISIBILITIES = ("private", "care_team", "learner", "guardian")


def noted(client: TestClient) -> tuple[str, dict[str, str]]:
    """A learner with one note of each visibility by their mentor; the mentor's headers."""
    learner = factories.learner(client)
    mentor = factories.adult(client)
    factories.relate(client, "MENTORS", mentor["uid"], learner["uid"])
    headers = signed_in(client, "mentor", person_uid=mentor["uid"])
    for visibility in VISIBILITIES:
        text = f"a {visibility} note"
        body = {"learner_uid": learner["uid"], "text": text, "visibility": visibility}
        assert client.post("/v1/notes", json=body, headers=headers).status_code == 201
    return learner["uid"], headers


def exported_notes(client: TestClient, uid: str, headers: dict[str, str] | None) -> set[str]:
    response = client.get(f"/v1/learners/{uid}/export", headers=headers)
    assert response.status_code == 200, response.text
    return {note["visibility"] for note in response.json()["records"]["notes"]}


def legal_hold(client: TestClient, uid: str, headers: dict[str, str] | None = None, **body):
    body = {"reason": "Litigation hold, case 2026-CV-0142"} | body
    return client.post(f"/v1/learners/{uid}/legal-hold-export", json=body, headers=headers)


@pytest.mark.parametrize(
    ("who", "shown"),
    [
        ("admin", {"care_team", "learner", "guardian"}),
        ("learner", {"learner"}),
        ("guardian", {"guardian"}),
    ],
)
def test_an_export_holds_the_notes_its_caller_may_read(
    client: TestClient, who: str, shown: set[str]
) -> None:
    uid, _ = noted(client)
    headers = {
        "admin": None,
        "learner": signed_in(client, "learner", person_uid=uid),
        "guardian": guardian_of(client, uid),
    }[who]
    assert exported_notes(client, uid, headers) == shown


def test_a_legal_hold_export_holds_every_note_and_is_audited_with_its_reason(
    client: TestClient,
) -> None:
    uid, _ = noted(client)
    response = legal_hold(client, uid)
    assert response.status_code == 200, response.text
    notes = response.json()["records"]["notes"]
    assert sorted(note["visibility"] for note in notes) == sorted(VISIBILITIES)
    entries = client.get("/v1/audit", params={"learner": uid}).json()["items"]
    [hold] = [e for e in entries if e["action"] == "legal_hold_export"]
    assert (hold["purpose"], hold["outcome"], hold["actor_role"]) == (
        "legal hold: Litigation hold, case 2026-CV-0142",
        "allowed",
        "admin",
    )


@pytest.mark.parametrize("role", ["learner", "guardian", "counselor", "mentor"])
def test_a_legal_hold_export_is_for_the_district_admin_only(client: TestClient, role: str) -> None:
    school, learner = school_with_learner(client)
    uid = learner["uid"]
    headers = {
        "learner": lambda: signed_in(client, "learner", person_uid=uid),
        "guardian": lambda: guardian_of(client, uid),
        "counselor": lambda: signed_in(
            client, "counselor", person_uid=factories.adult(client)["uid"], org_uid=school["uid"]
        ),
        "mentor": lambda: noted_mentor(client, uid),
    }[role]()
    response = legal_hold(client, uid, headers)
    assert response.status_code == 403, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    entries = client.get("/v1/audit", params={"learner": uid}).json()["items"]
    refused = [e for e in entries if e["action"] == "legal_hold_export"]
    assert [e["outcome"] for e in refused] == ["denied (403)"]


def noted_mentor(client: TestClient, uid: str) -> dict[str, str]:
    mentor = factories.adult(client)
    factories.relate(client, "MENTORS", mentor["uid"], uid)
    return signed_in(client, "mentor", person_uid=mentor["uid"])


def test_a_legal_hold_export_needs_a_reason_and_a_learner(client: TestClient) -> None:
    uid, _ = noted(client)
    missing = client.post(f"/v1/learners/{uid}/legal-hold-export", json={})
    assert missing.status_code == 422
    assert "reason" in missing.text
    assert legal_hold(client, "no-such-learner").status_code == 404


def test_the_author_still_reads_their_private_note(client: TestClient) -> None:
    uid, mentor = noted(client)
    notes = client.get(f"/v1/learners/{uid}/notes", headers=mentor).json()["items"]
    assert "private" in {note["visibility"] for note in notes}
    admin_reads = client.get(f"/v1/learners/{uid}/notes").json()["items"]
    assert "private" not in {note["visibility"] for note in admin_reads}
