"""A teacher's home: their class sections, each learner with goals and care team.

A teacher has 30 to 120 learners a semester: the sections come one by one, each learner
once per section, with whether they have a caring adult and who; the page lets the
teacher note what they saw or log a check-in in one step (`lrm_graph.care.notes`,
`lrm_graph.care.interactions`, open to staff who see a learner through a class).
"""

from __future__ import annotations

from typing import Any

from lrm_graph import clock
from lrm_graph.access import audit, node_checks, visibility
from lrm_graph.care.team import person
from lrm_graph.db.graph import Graph
from lrm_graph.homes.cards import learner_cards


def teacher_home(graph: Graph, request: audit.Request) -> dict[str, Any]:
    """Return the caller's class sections with their learners; 403 for an API key."""
    caller = person(request)
    with audit.operation(graph, request, "read") as op:
        rows = []
        if caller.person_uid is not None:
            rows = op.graph.read(
                "homes/list_taught_sections", teacher_uid=caller.person_uid, today=clock.today()
            )
        uids = sorted({lr["uid"] for row in rows for lr in row["learners"]})
        visible = visibility.visible_learners(op.graph, caller, only=uids) if uids else {}
        seen = node_checks.seen_by(visible, uids)
        learners = {lr["uid"]: lr for row in rows for lr in row["learners"] if lr["uid"] in seen}
        cards = {card["uid"]: card for card in learner_cards(op.graph, learners.values())}
        sections = [
            {"section": row["section"],
             "learners": [cards[lr["uid"]] for lr in row["learners"] if lr["uid"] in cards]}
            for row in rows
        ]  # fmt: skip
        op.record(seen)
        return {"sections": sections, "learners": len(cards)}
