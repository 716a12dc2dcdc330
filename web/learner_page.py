"""What the staff's learner page holds, each part from the use case the API answers with
(and so audited as the API audits it): the learner at a glance (who they are, the care
team, communities, notes), the network (`GET .../network`) and the timeline
(`GET .../timeline`). Two parts take longer (they project the graph) and come after the
page, each its own request: the goals with their connections and gaps (the brief's,
`GET .../brief`) and, for those who may accept one, mentor suggestions."""

from __future__ import annotations

from typing import Any

from lrm_graph import analysis
from lrm_graph.access import audit
from lrm_graph.access.report_scope import MATCH_ROLES
from lrm_graph.care import overview, timeline
from lrm_graph.care.brief import brief
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.records.network import learner_network
from lrm_graph.reports import DEFAULT_DAYS
from web import network_picture

SUGGESTED = 5  # mentor candidates shown
TIMELINE_SHOWN = 25  # the latest events shown
PARTS = {"goals": "Goals", "mentor-suggestions": "Mentor suggestions"}


def may_match(asking: audit.Request) -> bool:
    """Say whether the caller may accept a mentor match (and so is shown suggestions)."""
    return asking.caller is not None and asking.caller.role in MATCH_ROLES


def staff_page(
    graph: Graph, asking: audit.Request, settings: Settings, uid: str, depth: int
) -> dict[str, Any]:
    """Return what the page shows of learner `uid` to a member of staff (404 unless they
    see them: the first use case asked refuses, and records the refusal)."""
    glance = overview.overview(graph, asking, uid)
    network = learner_network(graph, asking, uid, depth, settings.network_max_nodes,
                              settings.network_hub_members)  # fmt: skip
    events = timeline.timeline(graph, asking, uid)["events"]
    return {
        "page": glance,
        "network": network,
        "picture": network_picture.elements(network),
        "depth": depth,
        "depths": network_picture.DEPTHS,
        "big_group": settings.network_hub_members,
        "events": list(reversed(events))[:TIMELINE_SHOWN],
        "events_count": len(events),
        "may_match": may_match(asking),
    }


def part(
    graph: Graph, asking: audit.Request, settings: Settings, uid: str, name: str
) -> dict[str, Any]:
    """Return one part of the page that comes after it: `goals` (from the brief) or
    `mentor-suggestions` (403 for a caller who may not accept a match)."""
    if name == "goals":
        about = brief_of(graph, asking, settings, uid)
        gaps = {gap["goal_uid"]: gap for gap in about["goal_gaps"]["items"]}
        return {"brief": about, "gaps": gaps, "learner_name": about["learner"]["name"]}
    suggestions = analysis.mentors_for(graph, asking, uid, SUGGESTED)
    return {"suggestions": suggestions, "learner_name": suggestions.get("learner_name")}


def brief_of(graph: Graph, asking: audit.Request, settings: Settings, uid: str) -> dict[str, Any]:
    """Return the brief on the learner, as `GET /v1/learners/{uid}/brief` does."""
    return brief(graph, asking, uid, days=DEFAULT_DAYS, caring_types=settings.caring_types,
                 max_nodes=settings.network_max_nodes,
                 hub_members=settings.network_hub_members)  # fmt: skip
