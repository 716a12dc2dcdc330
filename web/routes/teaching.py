"""A teacher's home (`lrm_graph.homes.classes`) and its one-step record: beside each
learner, a short form that either notes what the teacher saw (a note for the care team,
`POST /v1/notes`) or logs a check-in (`POST /v1/interactions`), through the same use cases
and request models as the API.

With htmx the form swaps only its own learner's block (the answer is that block); without
it, the form redirects back to the learner on the home (303).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Form, Path, Request
from pydantic import ValidationError
from starlette.responses import RedirectResponse, Response

from api.deps import GraphDep, SettingsDep
from api.schemas.care import InteractionCreate, NoteCreate
from lrm_graph.access import audit
from lrm_graph.care import interactions, notes
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.errors import InvalidInput, LrmError
from lrm_graph.homes import classes
from web.pages import render
from web.routes.learner_voice import worded
from web.routing import web_router
from web.session import AuditDep, SessionDep, WebSession

router = web_router(prefix="/teaching", tags=["web"])
Uid = Annotated[str, Path(min_length=1, max_length=128)]
FormText = Annotated[str, Form(max_length=5000)]
SAID = {"note": "Note saved for the care team.", "check_in": "Check-in logged."}
SHOWN_BESIDE_FORM = frozenset({403, 409, 422})  # refusals said beside the form


def teacher_home(
    request: Request, session: WebSession, asking: audit.Request, graph: Graph, _: Settings
) -> Response:
    """A teacher's home: their class sections, each learner with goals and care team."""
    home = classes.teacher_home(graph, asking)
    return render(request, session, "home/teacher.html", {"home": home})


@router.post("/learners/{uid}/records")
def record(
    uid: Uid,
    request: Request,
    session: SessionDep,
    asking: AuditDep,
    graph: GraphDep,
    settings: SettingsDep,
    what: FormText = "note",
    text: FormText = "",
    block: FormText = "",
) -> Response:
    """Write a note for the care team, or log a check-in, about one learner."""
    refused: LrmError | None = None
    try:
        if what == "check_in":
            body = InteractionCreate.model_validate(
                {"learner_uids": [uid], "kind": "check_in", "summary": text})  # fmt: skip
            interactions.log(graph, asking, body.learner_uids, body.kind, body.summary,
                             caring_types=settings.caring_types)  # fmt: skip
        else:
            note = NoteCreate.model_validate(
                {"learner_uid": uid, "text": text, "visibility": "care_team"})  # fmt: skip
            notes.write(graph, asking, note.learner_uid, note.text, note.visibility)
    except ValidationError as exc:
        refused = InvalidInput(worded(exc))
    except LrmError as exc:
        if exc.status not in SHOWN_BESIDE_FORM:
            raise
        refused = exc
    if request.headers.get("HX-Request") != "true":
        if refused is not None:
            raise refused  # the error page, with the reason
        return RedirectResponse(f"/#{block or 'learner-' + uid}", status_code=303)
    context = {"uid": uid, "block": block, "what": what,
               "said": None if refused else SAID.get(what, SAID["note"]),
               "problem": refused.detail if refused else None,
               "text": text if refused else ""}  # fmt: skip
    return render(request, session, "home/_record.html", context)
