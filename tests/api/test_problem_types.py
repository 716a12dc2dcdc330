"""Problem types as a catalogue: one title per type, a page for each, specific types for
the product's own refusals."""

from __future__ import annotations

import html
import importlib
import pkgutil

import pytest
from fastapi.testclient import TestClient

import api
import lrm_graph
import web
from lrm_graph import problem_types
from lrm_graph.errors import LrmError
from tests import factories
from tests.problem_answers import ProblemAnswers


def _every_error_class() -> list[type[LrmError]]:
    for package in (lrm_graph, api, web):
        for module in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            importlib.import_module(module.name)
    found, todo = [], [LrmError]
    while todo:
        for sub in todo.pop().__subclasses__():
            found.append(sub)
            todo.append(sub)
    return found


def test_every_error_class_names_a_catalogued_type() -> None:
    classes = _every_error_class()
    assert len(classes) > 20
    for cls in classes:
        assert problem_types.CATALOGUE[cls.problem.name] is cls.problem, cls
        assert (cls.status, cls.title) == (cls.problem.status, cls.problem.title), cls


def test_an_error_class_without_a_type_is_refused_when_defined() -> None:
    with pytest.raises(TypeError, match="must name its problem type"):
        type("Nameless", (LrmError,), {})


def test_each_type_has_a_page_that_explains_it(app_client: TestClient) -> None:
    for kind in problem_types.CATALOGUE.values():
        page = app_client.get(kind.uri)
        assert page.status_code == 200, kind
        assert page.headers["content-type"].startswith("text/html")
        assert html.escape(kind.title) in page.text and str(kind.status) in page.text
    listing = app_client.get("/problems")
    assert all(k.uri in listing.text for k in problem_types.CATALOGUE.values())
    assert app_client.get("/problems/no-such-type").status_code == 404


def test_a_wrong_pair_names_its_own_type_and_the_allowed_pairs(client: TestClient) -> None:
    learner, goal = factories.learner(client), factories.industry(client)
    body = {"type": "MENTORS", "from_uid": goal["uid"], "to_uid": learner["uid"]}
    answer = client.post("/v1/relationships", json=body).json()
    assert answer["type"] == "/problems/relationship-pair-not-allowed"
    assert answer["title"] == "Relationship pair not allowed"
    assert "adult -> learner" in answer["allowed_pairs"]


def test_a_twin_relationship_is_a_duplicate_with_the_existing_uid(client: TestClient) -> None:
    adult, learner = factories.adult(client), factories.learner(client)
    body = {"type": "MENTORS", "from_uid": adult["uid"], "to_uid": learner["uid"]}
    first = client.post("/v1/relationships", json=body).json()
    twin = client.post("/v1/relationships", json=body)
    assert twin.status_code == 409
    assert twin.json()["type"] == "/problems/duplicate-active-relationship"
    assert twin.json()["existing_uid"] == first["uid"]


def test_an_unscreened_expert_needs_screening_first(client: TestClient) -> None:
    expert, learner = factories.expert(client), factories.learner(client)
    body = {"type": "MENTORS", "from_uid": expert["uid"], "to_uid": learner["uid"]}
    answer = client.post("/v1/relationships", json=body)
    assert (answer.status_code, answer.json()["type"]) == (422, "/problems/screening-required")


def test_a_405_names_the_methods_it_allows(client: TestClient) -> None:
    answer = client.put("/v1/learners")
    assert answer.status_code == 405
    assert answer.json()["type"] == "/problems/method-not-allowed"
    assert set(answer.headers["allow"].split(", ")) == {"GET", "POST"}


def test_the_suite_collects_the_problem_answers_it_gets(
    client: TestClient, problem_answers: ProblemAnswers
) -> None:
    key = ("/problems/not-found", "Not found", 404)
    problem_answers.where.pop(key, None)  # where keeps the first place; an earlier test may own it
    client.get("/v1/learners/nobody-at-all")
    assert ("Not found", 404) in problem_answers.seen["/problems/not-found"]
    assert problem_answers.where[key] == "GET /v1/learners/nobody-at-all"
