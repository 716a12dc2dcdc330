"""The relationship-elements report on a hand-built graph whose answer is known.

ana: mia mentors her (mia rates every element 5, then ana rates share_power 2: the newer
     score wins, and leaves the other elements' scores as they were); adam advises her,
     unrated. Lacks share_power.
bo:  mia mentors him; bo rates every element 4. Lacks nothing: not listed.
cy:  tom coached him (rated all 5, then ended: counts for nothing); cora counsels him,
     rated express_care 3 only. Lacks all five.
dee: mia mentors her, unrated. Unrated, one relationship.
eve: no caring relationship. Unrated, none.
fay: only an ended, rated relationship. Unrated, none.
"""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from lrm_graph import reports
from lrm_graph.access import audit
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.reports import Filters, Options
from tests import auth_helpers, factories
from tests.reports.support import csv_rows, end, enroll, lrm_report, report

ALL_FIVE = ("express_care", "challenge_growth", "provide_support", "share_power",
            "expand_possibilities")  # fmt: skip


def build(client: TestClient, graph: Graph) -> dict[str, str]:
    uid: dict[str, str] = {"school": factories.organization(client)["uid"]}
    for name in ("ana", "bo", "cy", "dee", "eve", "fay"):
        uid[name] = factories.learner(client, given_name=name.title())["uid"]
    for name in ("mia", "adam", "tom", "cora"):
        uid[name] = factories.adult(client, given_name=name.title())["uid"]
    enroll(client, uid["ana"], uid["school"])
    enroll(client, uid["bo"], uid["school"])

    def rel(rel_type: str, adult: str, learner: str) -> str:
        return factories.relate(client, rel_type, uid[adult], uid[learner])["uid"]

    def rate(who: str, rel_uid: str, **scores: int) -> None:
        headers = auth_helpers.seed_caller(graph, "mentor", person_uid=uid[who])
        if who in ("ana", "bo", "cy", "fay"):
            headers = auth_helpers.seed_caller(graph, "learner", person_uid=uid[who])
        response = client.post(f"/v1/relationships/{rel_uid}/ratings", json=scores,
                               headers=headers)  # fmt: skip
        assert response.status_code == 201, response.text

    ana_mentor = rel("MENTORS", "mia", "ana")
    rate("mia", ana_mentor, **dict.fromkeys(ALL_FIVE, 5))
    rate("ana", ana_mentor, share_power=2)
    rel("ADVISES", "adam", "ana")
    rate("bo", rel("MENTORS", "mia", "bo"), **dict.fromkeys(ALL_FIVE, 4))
    cy_coach = rel("COACHES", "tom", "cy")
    rate("cy", cy_coach, **dict.fromkeys(ALL_FIVE, 5))
    end(client, {"uid": cy_coach})
    rate("cy", rel("COUNSELS", "cora", "cy"), express_care=3)
    rel("MENTORS", "mia", "dee")
    fay_coach = rel("COACHES", "tom", "fay")
    rate("fay", fay_coach, **dict.fromkeys(ALL_FIVE, 5))
    end(client, {"uid": fay_coach})
    return uid


def named(uid: dict[str, str], rows: list[dict]) -> dict[str, dict]:
    names = {v: k for k, v in uid.items()}
    return {names[row["learner_uid"]]: row for row in rows}


def test_lacking_and_unrated_on_the_known_graph(client: TestClient, graph: Graph) -> None:
    uid = build(client, graph)
    answer = report(client, "relationship-elements")
    assert answer["parameters"] == {"threshold": 4}
    lacking = named(uid, answer["sections"]["lacking"])
    assert {name: row["lacking"] for name, row in lacking.items()} == {
        "ana": ["share_power"],
        "cy": list(ALL_FIVE),
    }
    assert {e: lacking["ana"][e] for e in ALL_FIVE} == dict.fromkeys(ALL_FIVE, 5) | {
        "share_power": 2
    }
    assert lacking["ana"]["relationships"] == 2
    assert {e: lacking["cy"][e] for e in ALL_FIVE} == dict.fromkeys(ALL_FIVE) | {"express_care": 3}
    unrated = named(uid, answer["sections"]["unrated"])
    assert {name: row["relationships"] for name, row in unrated.items()} == {
        "dee": 1,
        "eve": 0,
        "fay": 0,
    }


def test_threshold_option_moves_the_line(client: TestClient, graph: Graph) -> None:
    uid = build(client, graph)
    answer = report(client, "relationship-elements", threshold=2)
    assert answer["parameters"] == {"threshold": 2}
    lacking = named(uid, answer["sections"]["lacking"])
    assert {name: row["lacking"] for name, row in lacking.items()} == {"cy": list(ALL_FIVE[1:])}
    bad = client.get("/v1/reports/relationship-elements", params={"threshold": 6})
    assert bad.status_code == 422 and bad.headers["content-type"] == "application/problem+json"
    assert client.get("/v1/reports/unmentored", params={"threshold": 3}).status_code == 422


def test_threshold_setting_is_the_default(settings: Settings, client: TestClient) -> None:
    graph: Graph = client.app.state.graph  # type: ignore[attr-defined]
    uid = build(client, graph)
    strict = settings.model_copy(update={"element_threshold": 5})
    result = reports.run(graph, strict, "relationship-elements", Filters(), Options())
    assert result["parameters"] == {"threshold": 5}
    assert set(named(uid, result["sections"]["lacking"])) == {"ana", "bo", "cy"}  # bo's fours
    cli = lrm_report(settings, "relationship-elements", "--threshold", "5", "--format", "json")
    assert cli.exit_code == 0, cli.output
    assert set(named(uid, json.loads(cli.stdout)["sections"]["lacking"])) == {"ana", "bo", "cy"}


def test_filters_and_scope_limit_the_learners(client: TestClient, graph: Graph) -> None:
    uid = build(client, graph)
    school = report(client, "relationship-elements", organization=uid["school"])["sections"]
    assert set(named(uid, school["lacking"])) == {"ana"}
    assert school["unrated"] == []
    mia = auth_helpers.seed_caller(graph, "mentor", person_uid=uid["mia"])
    mine = client.get("/v1/reports/relationship-elements", headers=mia).json()["sections"]
    assert set(named(uid, mine["lacking"])) == {"ana"}
    assert set(named(uid, mine["unrated"])) == {"dee"}
    learner = auth_helpers.seed_caller(graph, "learner", person_uid=uid["ana"])
    assert client.get("/v1/reports/relationship-elements", headers=learner).status_code == 403


def test_csv_download_and_audit(client: TestClient, graph: Graph) -> None:
    uid = build(client, graph)
    response = client.get("/v1/reports/relationship-elements.csv")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = csv_rows(response.text)
    ana = next(r for r in rows if r["learner_uid"] == uid["ana"])
    assert (ana["section"], ana["lacking"], ana["share_power"]) == ("lacking", "share_power", "2")
    assert {r["section"] for r in rows} == {"lacking", "unrated"}
    what = "GET /v1/reports/relationship-elements.csv"
    entries = [e for e in audit.list_entries(graph, limit=1000).items if e["what"] == what]
    assert {e["learner_uid"] for e in entries} == {
        uid[n] for n in ("ana", "cy", "dee", "eve", "fay")
    }
