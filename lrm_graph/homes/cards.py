"""A learner as a line of a list (a class, a caseload): name, grade, goals, care team."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lrm_graph import clock
from lrm_graph.care.team import by_person, care_team
from lrm_graph.db.graph import Graph


def learner_cards(graph: Graph, learners: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return each learner ({uid, name, grade_level}) with their goals and care team, in the
    order given; the caller has checked that each may be shown."""
    listed = list(learners)
    uids = [learner["uid"] for learner in listed]
    if not uids:
        return []
    goals: dict[str, list[dict[str, Any]]] = {uid: [] for uid in uids}
    for row in graph.read("homes/list_pursued_goals", learner_uids=uids, today=clock.today()):
        goals[row["learner_uid"]].append({**row["goal"], "since": row["since"]})
    team = care_team(graph, uids)
    return [
        {"uid": learner["uid"], "name": learner["name"],
         "grade_level": learner.get("grade_level"), "goals": goals[learner["uid"]],
         "care_team": by_person(team[learner["uid"]])}
        for learner in listed
    ]  # fmt: skip
