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
from lrm_graph.auth.caller import Caller
from lrm_graph.care import interactions, interventions, notes, on_record, openers, paging, ties
from lrm_graph.care.goal_links import goal_links
from lrm_graph.care.team import STAFF_SIDE, Place, care_team, person, place, require_standing
from lrm_graph.db.graph import Graph
from lrm_graph.errors import NotFound

RECENT = 5  # the last interactions and the recent notes listed (one window: one query)


def brief(
    graph: Graph,
    request: audit.Request,
    learner_uid: str,
    *,
    days: int,
    caring_types: tuple[str, ...],
    max_nodes: int,
    hub_members: int,
) -> dict[str, Any]:
    """Return the brief on one learner for the caller; record every learner it names. Its
    goal links walk at most `max_nodes` nodes, through no group of more than `hub_members`."""
    caller = person(request)
    where = place(graph, caller, learner_uid)
    require_standing(where, STAFF_SIDE, "a brief")
    rows = graph.read("care/get_learner_profile", learner_uid=learner_uid, today=clock.today())
    if not rows:
        raise NotFound(f"no learner with uid {learner_uid!r}")
    profile = rows[0]
    links = goal_links(graph, caller, profile["learner"], max_nodes=max_nodes,
                       hub_members=hub_members)  # fmt: skip
    recent = paging.Window(limit=RECENT)
    found = on_record.read(
        graph,
        learner_uid,
        relationships=ties.MAX_RELATIONSHIPS,
        interactions=recent,
        interventions=interventions.asked(caller, where, "open"),
        notes=notes.asked(caller, where, recent),
    )
    # At risk: ties to adults only, so no other learner is shown.
    rows, _ = ties.readable_rows(graph, caller, learner_uid, found["relationships"])
    answer = {
        "learner": profile["learner"] | {"learning_preferences":
                                         profile["learner"].get("learning_preferences") or []},
        "generated_at": clock.now(),
        "quiet_days": days,
        "goals": profile["goals"],
        "interests": profile["interests"],
        "last_interactions": _last_interactions(graph, caller, where, found["interactions"]),
        "care_team": _rest_of_team(graph, caller.person_uid, where),
        "open_interventions": _open_interventions(found["interventions"]),
        "at_risk": ties.at_risk(rows, caring_types, days),
        "goal_gaps": {k: v for k, v in links.items() if k != "disclosed"},
        "notes": notes.page_of(found["notes"], recent).items,
    }  # fmt: skip
    answer["openers"] = openers.openers(answer)
    audit.record(graph, request, "read", links["disclosed"] | {learner_uid: where.purpose})
    return answer


def _last_interactions(
    graph: Graph, caller: Caller, where: Place, rows: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    page, _ = interactions.page_of(graph, caller, where, rows, paging.Window(limit=RECENT))
    # The brief is about this learner: others an interaction touched are not listed.
    return [{k: v for k, v in item.items() if k != "learner_uids"} for item in page.items]


def _rest_of_team(graph: Graph, caller_uid: str | None, where: Place) -> list[dict[str, Any]]:
    """Return the care team but the caller, one entry per person with their relationships
    (the team read already for the caller's standing, where it was)."""
    people: dict[str, dict[str, Any]] = {}
    team = where.team
    if team is None:
        team = care_team(graph, [where.learner_uid])[where.learner_uid]
    for row in team:
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


def _open_interventions(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    plans = [interventions.answer(row["v"], row["owner_name"]) for row in rows]
    return sorted(plans, key=lambda p: (not p["overdue"], -p["days_overdue"], p["uid"]))
