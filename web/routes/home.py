"""`GET /`: the sign-in page, or the signed-in person's home, by their role.

A learner's home is their own voice (`web.routes.learner_voice`), a guardian's is their
child's page; a counselor's, advisor's, coach's and mentor's is their caseload
(`lrm_graph.homes.caseload`), a teacher's their classes (`web.routes.teaching`), a
leader's the dashboard (`web.routes.dashboard`); any other role a plain home that says
who is signed in.
"""

from __future__ import annotations

from collections.abc import Callable

from fastapi import Request
from starlette.responses import Response

from api.deps import GraphDep, SettingsDep
from lrm_graph.access import audit
from lrm_graph.auth.caller import Role
from lrm_graph.care import overview
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.homes import caseload
from web.pages import render
from web.routes import dashboard, learner_voice, teaching
from web.routes.signin import sign_in_page
from web.routing import web_router
from web.session import AuditDep, SessionDep, WebSession, audit_context

router = web_router(tags=["web"])
Home = Callable[[Request, WebSession, audit.Request, Graph, Settings], Response]


@router.get("/")
def home(request: Request, session: SessionDep, graph: GraphDep, settings: SettingsDep) -> Response:
    """Show the sign-in page, or the signed-in person's home."""
    if session.caller is None:
        return sign_in_page(request, session)
    page = HOMES.get(session.caller.role, signed_in_home)
    return page(request, session, audit_context(request, session.caller), graph, settings)


def guardian_home(
    request: Request, session: WebSession, asking: audit.Request, graph: Graph, _: Settings
) -> Response:
    """A guardian's home: their child's page (each child's, for several)."""
    children = overview.children(graph, asking)
    pages = [overview.overview(graph, asking, child["uid"]) for child in children]
    return render(request, session, "home/guardian.html", {"children": pages})


def care_home(
    request: Request, session: WebSession, asking: audit.Request, graph: Graph, settings: Settings
) -> Response:
    """A counselor's, advisor's, coach's or mentor's home: their caseload and what needs them."""
    home = caseload.care_home(graph, asking, settings)
    return render(request, session, "home/care.html", {"home": home})


@router.get("/home/caseload")
def caseload_cards(
    request: Request, session: SessionDep, asking: AuditDep, graph: GraphDep
) -> Response:
    """Show the caller's caseload with each learner's care team and goals: within the home
    (htmx asks for it when the folded caseload is opened), or as a page of its own."""
    load = caseload.caseload_cards(graph, asking)
    within = request.headers.get("HX-Request") == "true"
    template = "home/_caseload_list.html" if within else "home/caseload.html"
    return render(request, session, template, {"load": load})


def signed_in_home(
    request: Request, session: WebSession, _asking: audit.Request, _graph: Graph, _: Settings
) -> Response:
    """The plain home of a role whose own home is still to come: who is signed in."""
    return render(request, session, "home/signed_in.html")


HOMES: dict[Role, Home] = {
    Role.LEARNER: learner_voice.learner_home,
    Role.GUARDIAN: guardian_home,
    Role.COUNSELOR: care_home,
    Role.ADVISOR: care_home,
    Role.COACH: care_home,
    Role.MENTOR: care_home,
    Role.TEACHER: teaching.teacher_home,
    Role.ADMIN: dashboard.leader_home,
    Role.SCHOOL_ADMIN: dashboard.leader_home,
}
