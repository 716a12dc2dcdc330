from fastapi.testclient import TestClient


def test_create_learner_returns_201_location_and_uid(client: TestClient) -> None:
    response = client.post(
        "/v1/learners",
        json={"given_name": "Zoë", "family_name": "Ngũgĩ", "grade_level": "10"},
    )
    assert response.status_code == 201
    body = response.json()
    assert response.headers["location"] == f"/v1/learners/{body['uid']}"
    assert body["name"] == "Zoë Ngũgĩ"
    assert client.get(response.headers["location"]).json()["grade_level"] == "10"


def test_get_unknown_learner_is_404_problem(client: TestClient) -> None:
    response = client.get("/v1/learners/nope")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["status"] == 404
