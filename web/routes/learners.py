"""`/learners/{uid}`: a learner's page, and their brief (printable, and as a PDF).

Staff see the whole page (`web.learner_page`): who the learner is, the network picture,
goals with their connections and gaps, the care team, the timeline, notes and, for those
who may accept one, mentor suggestions. A learner or a guardian sees the learner at a
glance, read-only (`lrm_graph.care.overview`). 404, as in the API, for anyone who may not
see the learner. Each part comes from the use case the API answers with, and is audited
as the API audits it.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Form, Path, Query, Request
from starlette.responses import RedirectResponse, Response

from api.deps import GraphDep, SettingsDep
from lrm_graph import analysis
from lrm_graph.auth.caller import Role
from lrm_graph.care import overview
from lrm_graph.vocabulary import RelType
from web import learner_page
from web.network_picture import DEPTHS
from web.pages import render
from web.pdf import pdf_response
from web.routing import web_router
from web.session import AuditDep, SessionDep

router = web_router(prefix="/learners", tags=["web"])
Uid = Annotated[str, Path(min_length=1, max_length=128)]
FormUid = Annotated[str, Form(min_length=1, max_length=128)]
OWN_VIEW = frozenset({Role.LEARNER, Role.GUARDIAN})  # they see the learner at a glance


@router.get("/{uid}")
def learner(
    uid: Uid,
    request: Request,
    session: SessionDep,
    asking: AuditDep,
    graph: GraphDep,
    settings: SettingsDep,
    depth: Annotated[int, Query(ge=min(DEPTHS), le=max(DEPTHS))] = 1,
) -> Response:
    """Show the learner as the caller may see them."""
    if asking.caller is not None and asking.caller.role in OWN_VIEW:
        page = overview.overview(graph, asking, uid)
        return render(request, session, "learners/overview.html", {"page": page})
    page = learner_page.staff_page(graph, asking, settings, uid, depth)
    return render(request, session, "learners/page.html", page)


@router.get("/{uid}/brief")
def brief(
    uid: Uid, request: Request, session: SessionDep, asking: AuditDep, graph: GraphDep,
    settings: SettingsDep,
) -> Response:  # fmt: skip
    """Show the brief on one page, to read or print (the PDF is the same template)."""
    answer = learner_page.brief_of(graph, asking, settings, uid)
    return render(request, session, "learners/brief.html", {"brief": answer})


@router.get("/{uid}/brief.pdf")
def brief_pdf(
    uid: Uid, request: Request, asking: AuditDep, graph: GraphDep, settings: SettingsDep
) -> Response:
    """Download the brief as a PDF."""
    answer = learner_page.brief_of(graph, asking, settings, uid)
    name = f"brief-{answer['generated_at']:%Y-%m-%d}.pdf"
    return pdf_response(request, "learners/brief_print.html", {"brief": answer}, name)


@router.post("/{uid}/mentor-matches")
def accept_mentor(uid: Uid, asking: AuditDep, graph: GraphDep, adult_uid: FormUid) -> Response:
    """Accept a suggested mentor: the caring relationship is made by the use case of
    `POST /v1/analytics/mentor-matches/accept`; back to the learner's care team."""
    analysis.accept_match(graph, asking, uid, adult_uid, RelType.MENTORS)
    return RedirectResponse(f"/learners/{uid}#care-team", status_code=303)


# Last: `/{uid}/brief` and `/{uid}/brief.pdf` above are matched before this.
@router.get("/{uid}/{part}")
def page_part(
    uid: Uid,
    part: Annotated[str, Path(pattern="^(goals|mentor-suggestions)$")],
    request: Request,
    session: SessionDep,
    asking: AuditDep,
    graph: GraphDep,
    settings: SettingsDep,
) -> Response:
    """Show a part of the learner page that comes after it: within the page (htmx asks
    for it), or as a page of its own (without scripts)."""
    context = learner_page.part(graph, asking, settings, uid, part)
    context |= {"learner_uid": uid, "part": part, "title": learner_page.PARTS[part]}
    within = request.headers.get("HX-Request") == "true"
    template = f"learners/_{part}.html" if within else "learners/part.html"
    return render(request, session, template, context)
