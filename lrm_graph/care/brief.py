"""The brief: what an adult about to meet a learner should know, on one page.

Goals and progress, interests, how they like to learn, the last interactions and by whom,
the rest of the care team, open interventions (overdue ones marked), caring ties gone
quiet or ending soon, goals without a connection and who could introduce one, recent notes
the caller may read, and a few conversation openers drawn from all this. Only what the
caller may see: notes by their visibility, interventions by the policy, learners the caller
does not see never named. For the staff side (lrm_graph.access.policy): a learner or guardian gets
403. Rendered as Markdown or HTML by `lrm_graph.care.brief_render`.
"""

from __future__ import annotations

from typing import Any

from lrm_graph import clock
from lrm_graph.access import audit
from lrm_graph.care import interactions, interventions, notes, openers, paging, ties
from lrm_graph.care.goal_links import goal_links
from lrm_graph.care.team import STAFF_SIDE, Place, care_team, person, place, require_standing
from lrm_graph.db.graph import Graph
from lrm_graph.errors import NotFound

LAST_INTERACTIONS = 5
RECENT_NOTES = 5


def brief(
    graph: Graph,
    request: audit.Request,
    learner_uid: str,
    *,
    days: int,
    caring_types: tuple[str, ...],
    max_nodes: int,
) -> dict[str, Any]:
    """Return the brief on one learner for the caller; record every learner it names."""
    caller = person(request)
    where = place(graph, caller, learner_uid)
    require_standing(where, STAFF_SIDE, "a brief")
    rows = graph.read("care/get_learner_profile", learner_uid=learner_uid, today=clock.today())
    if not rows:
        raise NotFound(f"no learner with uid {learner_uid!r}")
    profile = rows[0]
    links = goal_links(graph, caller, profile["learner"], max_nodes=max_nodes)
    rows, _ = ties.readable(graph, caller, learner_uid)  # at risk: ties to adults only
    answer = {
        "learner": profile["learner"] | {"learning_preferences":
                                         profile["learner"].get("learning_preferences") or []},
        "generated_at": clock.now(),
        "quiet_days": days,
        "goals": profile["goals"],
        "interests": profile["interests"],
        "last_interactions": _last_interactions(graph, request, learner_uid),
        "care_team": _rest_of_team(graph, caller.person_uid, learner_uid),
        "open_interventions": _open_interventions(graph, request, where),
        "at_risk": ties.at_risk(rows, caring_types, days),
        "goal_gaps": {k: v for k, v in links.items() if k != "disclosed"},
        "notes": notes.list_for_learner(
            graph, request, learner_uid, paging.Window(limit=RECENT_NOTES), record=False
        ).items,
    }  # fmt: skip
    answer["openers"] = openers.openers(answer)
    audit.record(graph, request, "read", links["disclosed"] | {learner_uid: where.purpose})
    return answer


def _last_interactions(
    graph: Graph, request: audit.Request, learner_uid: str
) -> list[dict[str, Any]]:
    window = paging.Window(limit=LAST_INTERACTIONS)
    page = interactions.list_for_learner(graph, request, learner_uid, window, record=False)
    # The brief is about this learner: others an interaction touched are not listed.
    return [{k: v for k, v in item.items() if k != "learner_uids"} for item in page.items]


def _rest_of_team(graph: Graph, caller_uid: str | None, learner_uid: str) -> list[dict[str, Any]]:
    """Return the care team but the caller, one entry per person with their relationships."""
    people: dict[str, dict[str, Any]] = {}
    for row in care_team(graph, [learner_uid])[learner_uid]:
        if row["person_uid"] == caller_uid:
            continue
        entry = people.setdefault(row["person_uid"], {
            "uid": row["person_uid"], "name": row["person_name"], "node_kind": row["person_kind"],
            "types": [], "since": row["since"], "last_interaction_at": None,
        })  # fmt: skip
        entry["types"].append(row["type"])
        last = row["last_interaction_at"]
        if last is not None and (entry["last_interaction_at"] is None
                                 or last > entry["last_interaction_at"]):  # fmt: skip
            entry["last_interaction_at"] = last
    return list(people.values())


def _open_interventions(graph: Graph, request: audit.Request, where: Place) -> list[dict[str, Any]]:
    plans = interventions.list_for_learner(graph, request, where.learner_uid, "open", record=False)
    return sorted(plans, key=lambda p: (not p["overdue"], -p["days_overdue"], p["uid"]))
