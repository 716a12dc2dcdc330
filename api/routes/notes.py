"""Routes for notes about a learner, each with a visibility that every read respects."""

from typing import Annotated, Any

from fastapi import APIRouter, Path, Response, status

from api.deps import GraphDep, PageLimitDep
from api.disclosure import AuditDep
from api.routes.interactions import Cursor
from api.schemas.care import NoteCreate, NoteOut, NotePage, NoteUpdate
from lrm_graph.care import notes
from lrm_graph.care.paging import Window
from lrm_graph.errors import InvalidInput

router = APIRouter(tags=["notes"])
Uid = Annotated[str, Path(min_length=1, max_length=256)]


@router.post("/notes", status_code=status.HTTP_201_CREATED, response_model=NoteOut)
def write_note(body: NoteCreate, graph: GraphDep, request: AuditDep, response: Response) -> Any:
    """Write a note about a learner: private (you alone), care_team, learner (the care team
    and the learner) or guardian (the care team and the learner's guardians)."""
    note = notes.write(graph, request, body.learner_uid, body.text, body.visibility)
    response.headers["Location"] = f"/v1/notes/{note['uid']}"
    return note


@router.get("/notes/{uid}", response_model=NoteOut)
def get_note(uid: Uid, graph: GraphDep, request: AuditDep) -> Any:
    """One note you may read; any other is 404."""
    return notes.get(graph, request, uid)


@router.patch("/notes/{uid}", response_model=NoteOut)
def change_note(uid: Uid, body: NoteUpdate, graph: GraphDep, request: AuditDep) -> Any:
    """Change the text or visibility of a note you wrote."""
    changes = body.model_dump(exclude_unset=True)
    if not changes:
        raise InvalidInput("name text or visibility to change")
    if any(value is None for value in changes.values()):
        raise InvalidInput("a note's text and visibility cannot be removed")
    return notes.change(graph, request, uid, changes)


@router.delete("/notes/{uid}", status_code=status.HTTP_204_NO_CONTENT)
def delete_note(uid: Uid, graph: GraphDep, request: AuditDep) -> Response:
    """Delete a note you wrote."""
    notes.delete(graph, request, uid)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/learners/{uid}/notes", response_model=NotePage)
def learner_notes(
    uid: Uid,
    graph: GraphDep,
    request: AuditDep,
    limit: PageLimitDep,
    cursor: Cursor = None,
) -> Any:
    """The notes about a learner that you may read, newest first."""
    page = notes.list_for_learner(graph, request, uid, Window(cursor, limit))
    return {"items": page.items, "next_cursor": page.next_cursor}
