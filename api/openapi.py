"""The OpenAPI document, made for client generators: readable operation ids, a description
per tag, one `Problem` schema referenced by each operation's own error statuses, and API
keys as a security scheme of their own."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute

from api.schemas.problems import Problem

VERBS = frozenset({"create", "list", "get", "update", "archive", "erase", "upsert", "end"})
TAGS: dict[str, str] = {
    "health": "Liveness, readiness and Prometheus metrics (no sign-in).",
    "problems": "The page that explains each problem type an error answer names.",
    "auth": "Sign-in: tokens (password flow), providers (OpenID Connect), invitations.",
    "learners": "Learners: the people the service is about.",
    "adults": "Adults of the school: teachers, counselors, advisors, coaches, guardians, ...",
    "experts": "Outside adults (industry, community), linked to learners only once screened.",
    "communities": "Advisories, clubs, teams, class sections, programs.",
    "organizations": "Schools, districts, companies, nonprofits.",
    "industries": "Career clusters and sectors that goals and experts are tied to.",
    "goals": "Learners' goals, as records (a learner's own: the `me` operations).",
    "interests": "Interests people share.",
    "resources": "Courses, texts, tools, programs and internships that support goals.",
    "relationships": "Typed relationships between nodes, checked against the vocabulary.",
    "bulk": "Loading many nodes and relationships at once, by source id.",
    "questions": "A learner's network, an adult's caseload, paths between people, search.",
    "reports": "No student without a mentor, and the other school-wide reports (JSON, CSV).",
    "analytics": "Goal gaps, structure (bridges, isolation), mentor matches, suggestions.",
    "imports": "OneRoster imports, run as jobs.",
    "audit": "Who read or changed what about a learner, and why.",
    "connections": "Proposed connections of outside adults: approval and guardian consent.",
    "privacy": "A learner's export, erasure, and the de-identified counts kept.",
    "me": "The signed-in person's own: profile, goals, interests, trusted adults, requests.",
    "mentor-requests": "Learners asking for a mentor, and staff answering.",
    "join-requests": "Learners asking to join communities, and staff deciding.",
    "interactions": "Check-ins, meetings and events with learners.",
    "notes": "Notes about learners, each with a visibility.",
    "interventions": "Interventions: an owner, check-ins and an outcome.",
    "learner-views": "A learner's brief before a conversation, and their timeline.",
    "mapping-rounds": "Relationship mapping rounds: staff mark the learners they know.",
    "ratings": "Ratings of a relationship's elements.",
}
PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
API_KEY = "ApiKey"
CURSOR_FORMAT = "cursor"
CURSOR_TEXT = "The next_cursor of the page before, as it was given (none: the first page)."
OPEN_V1 = ("/v1/auth/token", "/v1/auth/invitation")  # the /v1 operations without sign-in


def operation_id(route: APIRoute) -> str:
    """Name an operation `<tag>_<function>`, and `<tag>_<verb>` for the plain verbs of a
    resource (`learners_create`, `relationships_list`).

    Unique because each router's functions are; FastAPI warns of a duplicate.
    """
    tag = str(route.tags[0] if route.tags else "service").replace("-", "_")
    verb, _, rest = route.name.partition("_")
    if verb in VERBS and rest in {"node", "nodes", tag, tag.removesuffix("s")}:
        return f"{tag}_{verb}"
    return f"{tag}_{route.name}"


def install(app: FastAPI, page_size_max: int) -> None:
    """Give the app the document described above (built once, on first request), its page
    sizes bounded by `page_size_max` (the setting)."""

    def document() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = get_openapi(
                title=app.title,
                version=app.version,
                summary=app.summary,
                routes=app.routes,
                tags=[{"name": name, "description": text} for name, text in TAGS.items()],
            )
            _add_problems(spec)
            _add_api_keys(spec)
            _bound_page_sizes(spec, page_size_max)
            _mark_cursors(spec)
            app.openapi_schema = spec
        return app.openapi_schema

    app.openapi = document  # type: ignore[method-assign]


def error_statuses(path: str, method: str, operation: dict[str, Any]) -> list[int]:
    """Return the error statuses an operation can answer, from what it takes."""
    if path in ("/healthz", "/metrics") or path.startswith("/problems"):
        return [404] if "{" in path else []
    statuses = {503}
    signed_in = path.startswith("/v1") and path not in OPEN_V1
    takes_input = bool(operation.get("parameters")) or "requestBody" in operation
    if signed_in:
        statuses |= {401, 403}
    # 404 also when a body or query names a node, an invitation or a job that is not there
    if "{" in path or (takes_input and path != "/v1/auth/token"):
        statuses.add(404)
    if takes_input:
        statuses.add(422)
    if "requestBody" in operation:
        statuses |= {400, 413}  # 400: a body that does not parse
    if method in ("post", "put", "patch", "delete") and signed_in:
        statuses.add(409)
    if path == "/v1/auth/token":
        statuses |= {401, 403, 429}
    if path.startswith("/auth/oidc"):
        statuses |= {400, 401, 403, 502}
    return sorted(statuses)


def _add_problems(spec: dict[str, Any]) -> None:
    schemas = spec.setdefault("components", {}).setdefault("schemas", {})
    schemas["Problem"] = Problem.model_json_schema()
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            responses = operation["responses"]
            responses.pop("422", None)  # FastAPI's HTTPValidationError, never sent
            for status in error_statuses(path, method, operation):
                responses[str(status)] = {
                    "description": HTTPStatus(status).phrase,
                    "content": {"application/problem+json": {"schema": PROBLEM_REF}},
                }
    for unused in ("HTTPValidationError", "ValidationError"):
        schemas.pop(unused, None)


def _bound_page_sizes(spec: dict[str, Any], page_size_max: int) -> None:
    """Give each list's `limit` the largest page the app serves: a `limit` without a
    maximum of its own is the page size, which `page_size_max` bounds (a setting, so not
    known when the routes are declared)."""
    for methods in spec["paths"].values():
        for operation in methods.values():
            for parameter in operation.get("parameters", ()):
                schema = parameter["schema"]
                if parameter["name"] == "limit" and "maximum" not in schema:
                    schema["maximum"] = page_size_max


def _mark_cursors(spec: dict[str, Any]) -> None:
    """Say that a `cursor` is one this API gave out (format `cursor`): it is opaque, so only
    the `next_cursor` of the page before (or none) is valid, never a string made up."""
    for methods in spec["paths"].values():
        for operation in methods.values():
            for parameter in operation.get("parameters", ()):
                if parameter["name"] == "cursor":
                    schema = parameter["schema"]
                    for branch in schema.get("anyOf", [schema]):
                        if branch.get("type") == "string":
                            branch["format"] = CURSOR_FORMAT
                    parameter.setdefault("description", CURSOR_TEXT)


def _add_api_keys(spec: dict[str, Any]) -> None:
    schemes = spec["components"].setdefault("securitySchemes", {})
    schemes[API_KEY] = {
        "type": "http",
        "scheme": "bearer",
        "description": "A system's API key (`lrm_k_...`, made by `lrm keys create`), sent "
        "as `Authorization: Bearer <key>`.",
    }
    for methods in spec["paths"].values():
        for operation in methods.values():
            if operation.get("security"):
                operation["security"].append({API_KEY: []})
