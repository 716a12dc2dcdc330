"""Relationship mapping rounds, as schools practise them.

A round opens at an organization (one open round at a time there); the adults who work
there mark, in bulk, the learners they have a positive relationship with, and learners
enrolled there name the adults they trust; then the round closes and is compared with
the one before (`lrm_graph.mapping.diff`). Rounds and marks are `MappingRound` and
`MappingMark` nodes, never graph edges: a mark is what someone said in a survey, not a
relationship on record, so the network, reports and analytics never see them.

Who does what (also in the table of `lrm_graph.access.policy`): the district admin, or a school
admin or counselor of the organization (an organization's API key likewise), opens and
closes rounds; adults who WORK_AT the organization, or hold an active caring
relationship with a learner enrolled there, mark learners; a learner enrolled there
names adults. Anyone who takes part in an organization's rounds in one of these ways
reads its rounds; others get 404, as if there were none.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from lrm_graph import clock
from lrm_graph.access import audit, visibility
from lrm_graph.access.policy import CARING, Audience, Unreadable, audience_of, require
from lrm_graph.auth.caller import Caller, Role, Scope
from lrm_graph.db.graph import Graph
from lrm_graph.db.pages import Page, decode, page_of
from lrm_graph.errors import Conflict, Forbidden, NotFound
from lrm_graph.store import nodes
from lrm_graph.vocabulary import NodeKind


class RoundStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class MarkBy(StrEnum):
    ADULT = "adult"  # an adult marked a learner they have a positive relationship with
    LEARNER = "learner"  # a learner named an adult they trust


NOT_ON_ROSTER = "not a learner on your roster for this round"
NOT_AN_ADULT = "no adult or expert with this uid"
NOT_MARKERS = frozenset({Role.LEARNER, Role.GUARDIAN})


@dataclass(frozen=True)
class Part:
    """How a caller takes part in the rounds of one organization."""

    manages: bool = False  # opens and closes rounds, sees the whole roster
    works_at: bool = False  # marks any learner on the roster while a round is open
    cares: bool = False  # marks the learners there they see through their own relationships
    enrolled: bool = False  # a learner there: names the adults they trust

    @property
    def any(self) -> bool:
        return self.manages or self.works_at or self.cares or self.enrolled


MANAGER = Part(manages=True)


def participation(graph: Graph, caller: Caller, only: str | None = None) -> dict[str, Part] | None:
    """Return {organization uid: how the caller takes part}; None: every one (the district)."""
    if audience_of(caller) is Audience.DISTRICT:
        return None
    org_uid = caller.org_uid if audience_of(caller) is Audience.ORGANIZATION else None
    rows = graph.read(
        "mapping/get_participation",
        org_uid=org_uid,
        person_uid=caller.person_uid,
        caring_types=sorted(t.value for t in CARING),
        only=only,
        today=clock.today(),
    )
    return {
        row["organization_uid"]: Part(
            row["manages"], row["works_at"], row["cares"], row["enrolled"]
        )
        for row in rows
    }


def part_in(graph: Graph, caller: Caller, organization_uid: str) -> Part:
    """Return how the caller takes part in the rounds of one organization."""
    parts = participation(graph, caller, only=organization_uid)
    return MANAGER if parts is None else parts.get(organization_uid, Part())


def _answer(row: dict[str, Any]) -> dict[str, Any]:
    return {**row["round"], "organization_name": row["organization_name"]}


def _caller(request: audit.Request) -> Caller:
    if request.caller is None:  # the API signs every /v1 caller in first
        raise Forbidden("sign in first")
    return request.caller


def _acting_uid(caller: Caller) -> str:
    return caller.person_uid or caller.id


def read_round(graph: Graph, caller: Caller, uid: str) -> tuple[dict[str, Any], Part]:
    """Return a round and how the caller takes part in it; 404 unless they take part."""
    require(caller, Scope.READ)
    rows = graph.read("mapping/get_round", uid=uid)
    not_found = f"no mapping round with uid {uid!r}"
    if not rows:
        raise NotFound(not_found)
    found = _answer(rows[0])
    part = part_in(graph, caller, found["organization_uid"])
    if not part.any:
        raise Unreadable(not_found)
    return found, part


def open_round(graph: Graph, request: audit.Request, name: str, organization_uid: str) -> dict:
    """Open a round at an organization; 409 while another is open there."""
    caller = _caller(request)
    require(caller, Scope.WRITE)
    nodes.get(graph, NodeKind.ORGANIZATION, organization_uid)  # 404: an organization is public
    if not part_in(graph, caller, organization_uid).manages:
        raise Forbidden("rounds are opened by admins, and school admins or counselors there")
    rows = graph.write(
        "mapping/create_round",
        organization_uid=organization_uid,
        uid=uuid.uuid4().hex,
        name=name,
        opened_by=_acting_uid(caller),
        now=clock.now(),
    )
    if not rows:
        raise NotFound(f"no organization with uid {organization_uid!r}")
    if rows[0]["uid"] is None:
        open_uid = rows[0]["open_uid"]
        raise Conflict(
            f"a mapping round is open at this organization: {open_uid}", open_uid=open_uid
        )
    return read_round(graph, caller, rows[0]["uid"])[0]


def close_round(graph: Graph, request: audit.Request, uid: str) -> dict[str, Any]:
    """Close an open round (those who open rounds); 409 when it is closed already."""
    caller = _caller(request)
    require(caller, Scope.WRITE)
    _, part = read_round(graph, caller, uid)
    if not part.manages:
        raise Forbidden("rounds are closed by admins, and school admins or counselors there")
    rows = graph.write(
        "mapping/close_round", uid=uid, closed_by=_acting_uid(caller), now=clock.now()
    )
    if not rows:
        raise Conflict("this mapping round is closed already")
    return read_round(graph, caller, uid)[0]


def list_rounds(
    graph: Graph,
    caller: Caller,
    *,
    organization: str | None = None,
    status: RoundStatus | None = None,
    cursor: str | None = None,
    limit: int = 50,
) -> Page:
    """Return one page of the rounds of the organizations the caller takes part in."""
    require(caller, Scope.READ)
    parts = participation(graph, caller)
    rows = graph.read(
        "mapping/list_rounds",
        organizations=None if parts is None else sorted(parts),
        organization=organization,
        status=status.value if status else None,
        after=decode(cursor),
        limit=limit + 1,
    )
    return page_of([_answer(row) for row in rows], limit)


def purposes(graph: Graph, caller: Caller, learner_uids: list[str], round_uid: str) -> dict:
    """Return {learner uid: purpose} for the audit: why the caller sees each learner, or the
    round, for a learner they reach only through its roster."""
    if not learner_uids:
        return {}
    visible = visibility.visible_learners(graph, caller, only=learner_uids)
    if visible is None:
        return dict.fromkeys(learner_uids, visibility.ALL)
    return {uid: visible.get(uid, f"mapping round {round_uid}") for uid in learner_uids}


def enrolled(
    graph: Graph,
    organization_uid: str,
    *,
    visible: list[str] | None = None,
    only: list[str] | None = None,
    grade: str | None = None,
    on: Any = None,
) -> list[dict[str, Any]]:
    """Return the learners enrolled at an organization on a day (default today)."""
    return graph.read(
        "mapping/list_enrolled_learners",
        organization_uid=organization_uid,
        on=on or clock.today(),
        visible=visible,
        only=only,
        grade=grade,
    )


def roster(graph: Graph, request: audit.Request, uid: str, grade: str | None) -> dict[str, Any]:
    """Return the learners the caller may mark in a round (see the module docstring)."""
    caller = _caller(request)
    found, part = read_round(graph, caller, uid)
    whole = part.manages or (part.works_at and found["status"] == RoundStatus.OPEN)
    if not whole and not (part.cares or part.works_at):
        raise Forbidden("the roster is for the adults who mark learners in this round")
    visible = None
    if not whole:
        seen = visibility.visible_learners(graph, caller)
        visible = None if seen is None else sorted(seen)
    rows = enrolled(graph, found["organization_uid"], visible=visible, grade=grade)
    learners = [{k: v for k, v in row.items() if k != "mentors"} for row in rows]
    audit.record(
        graph, request, "read", purposes(graph, caller, [r["learner_uid"] for r in learners], uid)
    )
    return {"round": found, "whole_roster": whole, "learners": learners}


def mark_uid(round_uid: str, by: MarkBy, adult_uid: str, learner_uid: str) -> str:
    """Return the uid of a mark: the same words give the same mark (idempotent marking)."""
    key = "\x1f".join((round_uid, by.value, adult_uid, learner_uid))
    return hashlib.sha256(key.encode()).hexdigest()[:32]
