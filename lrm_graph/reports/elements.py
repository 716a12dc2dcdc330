"""The relationship-elements report: learners whose network lacks an element of the
Developmental Relationships Framework.

A learner *has* an element when at least one of their active caring relationships scores
it at `threshold` or more, where a relationship's score for an element is the most recent
score given to that element on it, by either side (`lrm_graph.records.ratings.latest`): a newer
rating wins, and a rating that leaves an element out does not erase the element's last
score. Ratings of ended relationships count for nothing. A learner *lacks* an element
they do not have, so long as at least one of their active caring relationships has
been rated; learners with none rated (or with no caring relationship at all) are listed
apart, as `unrated`, not as lacking.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from lrm_graph.db.graph import Graph
from lrm_graph.records.ratings import ELEMENTS, latest
from lrm_graph.reports.common import Context, Rows
from lrm_graph.reports.rows import UnratedRow, fields_of


def best_scores(ratings: list[dict[str, Any]]) -> dict[str, int | None]:
    """Return, for each element, the best current score over the relationships rated
    (None: no relationship scores it). `ratings` are newest first."""
    by_relationship: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rating in ratings:
        by_relationship[rating["relationship_uid"]].append(rating)
    best: dict[str, int | None] = dict.fromkeys(ELEMENTS)
    for rated in by_relationship.values():
        for element, score in latest(rated).items():
            current = best[element]
            if score is not None and (current is None or score["score"] > current):
                best[element] = score["score"]
    return best


def relationship_elements(graph: Graph, ctx: Context) -> dict[str, Rows]:
    """Find learners who lack an element, and learners with no rated relationship."""
    rows = graph.read("reports/find_relationship_elements", **ctx.params())
    lacking: Rows = []
    unrated: Rows = []
    for row in rows:
        learner = {key: row[key] for key in fields_of(UnratedRow)}
        if not row["ratings"]:
            unrated.append(learner)
            continue
        best = best_scores(row["ratings"])
        missing = [e for e in ELEMENTS if (best[e] or 0) < ctx.threshold]
        if missing:
            lacking.append(learner | {"lacking": missing} | best)
    return {"lacking": lacking, "unrated": unrated}
