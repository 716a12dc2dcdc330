"""The learner's own goals (/v1/me/goals): state them, revise them, set them aside.

A goal the learner states is a Goal node they PURSUE (source learner_reported), tied to
an industry by IN_INDUSTRY when they name one, all written in one transaction. They see
and change only the goals they actively pursue (any other is 404, as if absent), and
change one only while no other learner pursues it (a goal several learners share is
staff's to change). Taking a goal back ends the PURSUES; the goal and its history stay.
"""

from __future__ import annotations

import secrets
from typing import Any

from lrm_graph import clock
from lrm_graph.access import node_checks
from lrm_graph.access.audit import Request
from lrm_graph.auth.caller import Scope
from lrm_graph.db.graph import Graph
from lrm_graph.errors import Conflict, Forbidden, InvalidInput, NodeArchived, NotFound
from lrm_graph.store import nodes
from lrm_graph.store.fields import GoalFields
from lrm_graph.vocabulary import NodeKind, RelType, Source
from lrm_graph.voice import profile

INDUSTRY_CHANGED = "the learner changed the goal's industry"


def _answer(row: dict[str, Any]) -> dict[str, Any]:
    industry = row["industry"] or {}
    return {
        **row["goal"],
        "industry_uid": industry.get("uid"),
        "industry_name": industry.get("name"),
        "pursuit_uid": row["pursuit_uid"],
        "since": row["since"],
        "source": row["source"],
    }


def _pursued(graph: Graph, learner_uid: str, goal_uid: str | None) -> list[dict[str, Any]]:
    rows = graph.read(
        "voice/list_goals", learner_uid=learner_uid, goal_uid=goal_uid, today=clock.today()
    )
    return [_answer(row) for row in rows]


def own_goal(graph: Graph, learner_uid: str, goal_uid: str) -> dict[str, Any]:
    """Return one goal the learner actively pursues; 404 for any other."""
    found = _pursued(graph, learner_uid, goal_uid)
    if not found:
        raise NotFound(f"no goal with uid {goal_uid!r} among the goals you pursue")
    return found[0]


def _tie() -> dict[str, Any]:
    return {"since": clock.today(), "source": Source.LEARNER_REPORTED.value}


def _check_industry(graph: Graph, industry_uid: str | None) -> None:
    """Raise 404 for an unknown industry, 409 for an archived one."""
    if industry_uid is None:
        return
    if nodes.get(graph, NodeKind.INDUSTRY, industry_uid).get("archived_at") is not None:
        raise NodeArchived(f"industry {industry_uid!r} is archived; it takes no new goals")


def list_goals(graph: Graph, request: Request) -> list[dict[str, Any]]:
    """Return the goals the learner actively pursues, oldest first."""
    learner = profile.me(graph, request)
    goals = _pursued(graph, learner.uid, None)
    profile.record(graph, request, learner, "read")
    return goals


def create_goal(
    graph: Graph, request: Request, fields: dict[str, Any], industry_uid: str | None
) -> dict[str, Any]:
    """State a new goal (title, kind, description), maybe tied to an industry."""
    learner = profile.me(graph, request, Scope.WRITE)
    goal = GoalFields.model_validate(fields)
    _check_industry(graph, industry_uid)
    profile.record(graph, request, learner, "write")
    goal_uid = nodes.new_uid()
    rows = graph.write(
        "voice/create_goal",
        learner_uid=learner.uid,
        industry_uid=industry_uid,
        goal_uid=goal_uid,
        props=nodes.stored_props(NodeKind.GOAL, goal, replace=True),
        pursuit_uid=f"{learner.uid}.{secrets.token_hex(8)}",
        industry_tie_uid=f"{goal_uid}.{secrets.token_hex(8)}",
        tie=_tie(),
        now=clock.now(),
    )
    if not rows:
        raise Conflict("you or the industry were archived meanwhile; nothing was written")
    return own_goal(graph, learner.uid, goal_uid)


def update_goal(
    graph: Graph, request: Request, goal_uid: str, changes: dict[str, Any]
) -> dict[str, Any]:
    """Revise a goal the learner pursues: its fields, and its industry (None: no industry)."""
    learner = profile.me(graph, request, Scope.WRITE)
    own_goal(graph, learner.uid, goal_uid)
    others = set(node_checks.pursuers(graph, [goal_uid]).get(goal_uid, [])) - {learner.uid}
    if others:
        raise Forbidden("other learners pursue this goal too; ask staff to change it")
    retie = "industry_uid" in changes
    industry_uid = changes.pop("industry_uid", None)
    if not changes and not retie:
        raise InvalidInput("the body names no field to change")
    _check_industry(graph, industry_uid)
    profile.record(graph, request, learner, "write")
    if changes:  # validated as a whole before it is written: a 422 here writes nothing
        nodes.update(graph, NodeKind.GOAL, goal_uid, changes)
    if retie:
        rows = graph.write(
            "voice/set_goal_industry",
            goal_uid=goal_uid,
            industry_uid=industry_uid,
            tie_uid=f"{goal_uid}.{secrets.token_hex(8)}",
            tie=_tie(),
            reason=INDUSTRY_CHANGED,
            today=clock.today(),
            now=clock.now(),
        )
        if not rows:
            raise Conflict("the industry was archived meanwhile; it was not tied")
    return own_goal(graph, learner.uid, goal_uid)


def take_back(graph: Graph, request: Request, goal_uid: str) -> dict[str, Any]:
    """Stop pursuing a goal: end the PURSUES today; the goal and its history stay."""
    not_found = f"no goal with uid {goal_uid!r} among the goals you pursue"
    return profile.end_tie(graph, request, RelType.PURSUES, goal_uid, not_found)
