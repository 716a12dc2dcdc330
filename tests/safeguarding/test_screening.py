"""An expert's screening: a clearance needs an approver and an expiry; a lapsed one is expired."""

from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient

from lrm_graph.access.safeguarding import needs_guardian_consent, screening_on
from tests import factories

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize("missing", ["screened_by", "screening_expires_on"])
def test_cleared_expert_without_approver_or_expiry_is_422(client: TestClient, missing: str) -> None:
    body = {"given_name": "Kay", "family_name": "Lee", **factories.CLEARED}
    del body[missing]
    response = client.post("/v1/experts", json=body)
    assert response.status_code == 422
    assert missing in response.json()["detail"]


def test_cleared_expert_with_approver_and_expiry_is_created(client: TestClient) -> None:
    expert = factories.expert(client, screening_status="cleared")
    assert (expert["screened_by"], expert["screening_expires_on"]) == (
        "District HR",
        factories.CLEARED_UNTIL,
    )


def test_pending_expert_needs_no_approver(client: TestClient) -> None:
    assert factories.expert(client)["screening_status"] == "pending"


def test_patch_to_cleared_without_approver_is_422(client: TestClient) -> None:
    expert = factories.expert(client)
    response = client.patch(f"/v1/experts/{expert['uid']}", json={"screening_status": "cleared"})
    assert response.status_code == 422
    assert "screened_by and screening_expires_on" in response.json()["detail"]


def test_patch_to_cleared_with_approver_and_expiry_is_200(client: TestClient) -> None:
    expert = factories.expert(client)
    response = client.patch(f"/v1/experts/{expert['uid']}", json=factories.CLEARED)
    assert response.status_code == 200, response.text
    assert response.json()["screening_status"] == "cleared"


def test_bulk_cleared_expert_without_expiry_is_a_rejected_row(client: TestClient) -> None:
    row = {"kind": "expert", "source_id": "E1", "given_name": "Oro", "family_name": "Lind"}
    row |= {"screening_status": "cleared", "screened_by": "HR"}
    response = client.post("/v1/bulk", json={"nodes": [row], "relationships": []})
    assert response.status_code == 200, response.text
    [rejected] = response.json()["rejected"]
    assert "screening_expires_on" in rejected["reason"]


@pytest.mark.parametrize(
    ("stored", "expires", "expected"),
    [
        ("cleared", TODAY, "cleared"),  # the last day still holds
        ("cleared", TODAY - timedelta(days=1), "expired"),
        ("cleared", None, "expired"),  # stored before expiries were required: no day holds
        ("pending", None, "pending"),
        ("expired", TODAY + timedelta(days=9), "expired"),
        (None, None, "pending"),
    ],
)
def test_screening_on_counts_a_lapsed_clearance_as_expired(
    stored: str | None, expires: date | None, expected: str
) -> None:
    expert = {"screening_status": stored, "screening_expires_on": expires}
    assert screening_on(expert, TODAY) == expected


@pytest.mark.parametrize(
    ("birth_date", "needs"),
    [
        (date(2008, 11, 23), False),  # 18 today
        (date(2008, 11, 24), True),  # 18 tomorrow
        (date(1990, 2, 28), False),
        (date(2012, 2, 29), True),
        (None, True),  # an unknown age counts as a minor
    ],
)
def test_needs_guardian_consent_under_18_or_unknown(birth_date: date | None, needs: bool) -> None:
    assert needs_guardian_consent(birth_date, TODAY) is needs
