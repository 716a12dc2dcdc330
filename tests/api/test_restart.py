from fastapi.testclient import TestClient

from api.main import create_app
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from tests.auth_helpers import ADMIN_HEADERS, seed_admin


def test_data_survives_an_api_restart(settings: Settings, graph: Graph) -> None:
    seed_admin(graph)
    with TestClient(create_app(settings), headers=ADMIN_HEADERS) as first:
        made = first.post("/v1/learners", json={"given_name": "Noor", "family_name": "Haddad"})
        assert made.status_code == 201
    with TestClient(create_app(settings), headers=ADMIN_HEADERS) as second:
        again = second.get(f"/v1/learners/{made.json()['uid']}")
        assert again.status_code == 200
        assert again.json()["name"] == "Noor Haddad"
