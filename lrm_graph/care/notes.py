"""Notes about a learner, each with a visibility that every read respects.

| visibility | who reads it (besides its author, while they see the learner) |
| --- | --- |
| private | nobody else, not even the district admin |
| care_team | the care team; the district admin and organization roles who see the learner |
| learner | as care_team, and the learner |
| guardian | as care_team, and the learner's active guardians (not the learner) |

A note is never shown to someone who cannot see the learner (its author included). The
district admin, organization roles, the care team and staff who see the learner through a
class (a teacher) write notes; only the author changes or deletes one. A learner's export
(`lrm_graph.privacy.family_rights`) follows the same rules; only the district admin's
legal-hold export holds every note.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from lrm_graph import clock
from lrm_graph.access import audit
from lrm_graph.access.visibility import Hidden
from lrm_graph.auth.caller import Caller, Scope
from lrm_graph.care import on_record, paging
from lrm_graph.care.team import RECORDERS, Place, Standing, author_uid, person, place, record_place
from lrm_graph.care.team import require_standing as require_place
from lrm_graph.db.graph import Graph
from lrm_graph.db.pages import Page
from lrm_graph.errors import Forbidden, NotFound
from lrm_graph.store import nodes


class Visibility(StrEnum):
    PRIVATE = "private"
    CARE_TEAM = "care_team"
    LEARNER = "learner"
    GUARDIAN = "guardian"


_SHARED = frozenset({Visibility.CARE_TEAM, Visibility.LEARNER, Visibility.GUARDIAN})
# The visibilities a caller's standing opens, besides the notes they wrote themself.
OPENS: dict[Standing, frozenset[Visibility]] = {
    Standing.OVERSEER: _SHARED,
    Standing.TEAM: _SHARED,
    Standing.SELF: frozenset({Visibility.LEARNER}),
    Standing.GUARDIAN: frozenset({Visibility.GUARDIAN}),
    Standing.OTHER: frozenset(),
}


def may_read(caller: Caller, where: Place, note: dict[str, Any]) -> bool:
    """Say whether the caller (who sees the learner, from `where`) may read this note."""
    return note["author_uid"] == author_uid(caller) or note["visibility"] in OPENS[where.standing]


def write(
    graph: Graph, request: audit.Request, learner_uid: str, text: str, visibility: Visibility
) -> dict[str, Any]:
    """Write a note about a learner (the admin, organization roles, the care team)."""
    caller = person(request, Scope.WRITE)
    where = place(graph, caller, learner_uid)
    require_place(where, RECORDERS, "writing a note")
    audit.record(graph, request, "write", {learner_uid: where.purpose})
    rows = graph.write(
        "care/create_note",
        uid=nodes.new_uid(),
        learner_uid=learner_uid,
        author_uid=author_uid(caller),
        text=text,
        visibility=visibility.value,
        now=clock.now(),
    )
    return _answer(rows[0]["n"], rows[0]["author_name"])


def _readable(graph: Graph, caller: Caller, uid: str) -> tuple[dict[str, Any], Place]:
    """Return the note and the caller's place; 404 alike for absent and unreadable notes."""
    rows = graph.read("care/get_note", uid=uid)
    missing = f"no note with uid {uid!r}"
    if not rows:
        raise NotFound(missing)
    note = rows[0]["n"] | {"author_name": rows[0]["author_name"]}
    where = record_place(graph, caller, note["learner_uid"], missing)
    if not may_read(caller, where, note):
        raise Hidden(missing, note["learner_uid"])
    return note, where


def get(graph: Graph, request: audit.Request, uid: str) -> dict[str, Any]:
    """Return one note the caller may read (404 otherwise), recorded as a read."""
    note, where = _readable(graph, person(request), uid)
    audit.record(graph, request, "read", {where.learner_uid: where.purpose})
    return _answer(note, note["author_name"])


def change(
    graph: Graph, request: audit.Request, uid: str, changes: dict[str, Any]
) -> dict[str, Any]:
    """Change a note's text or visibility: its author only."""
    caller = person(request, Scope.WRITE)
    note, where = _own(graph, caller, uid)
    audit.record(graph, request, "write", {where.learner_uid: where.purpose})
    props = {k: (v.value if isinstance(v, Visibility) else v) for k, v in changes.items()}
    rows = graph.write("care/update_note", uid=uid, props=props, now=clock.now())
    if not rows:
        raise NotFound(f"no note with uid {uid!r}")
    return _answer(rows[0]["n"], note["author_name"])


def delete(graph: Graph, request: audit.Request, uid: str) -> None:
    """Delete a note for good: its author only."""
    caller = person(request, Scope.WRITE)
    _, where = _own(graph, caller, uid)
    audit.record(graph, request, "write", {where.learner_uid: where.purpose})
    graph.write("care/delete_note", uid=uid)


def _own(graph: Graph, caller: Caller, uid: str) -> tuple[dict[str, Any], Place]:
    note, where = _readable(graph, caller, uid)
    if note["author_uid"] != author_uid(caller):
        raise Forbidden("only its author may change or delete a note")
    return note, where


def list_for_learner(
    graph: Graph,
    request: audit.Request,
    learner_uid: str,
    window: paging.Window = paging.FIRST_PAGE,
    *,
    record: bool = True,
) -> Page:
    """Return one page of the notes about a learner the caller may read, newest first."""
    caller = person(request)
    where = place(graph, caller, learner_uid)
    rows = on_record.read(graph, learner_uid, notes=asked(caller, where, window))["notes"]
    if record:
        audit.record(graph, request, "read", {learner_uid: where.purpose})
    return page_of(rows, window)


def asked(caller: Caller, where: Place, window: paging.Window) -> on_record.Notes:
    """Return the notes the caller may read, one page: their own, and those whose
    visibility their place around the learner opens."""
    return on_record.Notes(window, author_uid(caller), sorted(OPENS[where.standing]))


def page_of(rows: list[dict[str, Any]], window: paging.Window) -> Page:
    """Return the page of notes read already (`on_record.read`)."""
    kept, next_cursor = paging.cut([row["n"] for row in rows], window.limit, "created_at")
    return Page([_answer(row["n"], row["author_name"]) for row in rows[: len(kept)]], next_cursor)


def _answer(note: dict[str, Any], author_name: str | None) -> dict[str, Any]:
    fields = ("uid", "learner_uid", "author_uid", "text", "visibility", "created_at", "updated_at")
    return {field: note.get(field) for field in fields} | {"author_name": author_name}
