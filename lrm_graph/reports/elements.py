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
from lrm_graph.reports.paging import Key
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


def relationship_elements(
    graph: Graph, ctx: Context, section: str, after: Key | None, limit: int
) -> Rows:
    """Find learners who lack an element (`lacking`), or learners with no rated
    relationship (`unrated`): a page of them, picked in Cypher by the rule below (that
    of the summary's query); their best scores are worked out here."""
    rows = graph.read("reports/find_relationship_elements", **ctx.params(), section=section,
                      elements=list(ELEMENTS), threshold=ctx.threshold, after=after,
                      limit=limit)  # fmt: skip
    return [row for row in (_row(row, ctx.threshold, section) for row in rows) if row]


def count_relationship_elements(graph: Graph, ctx: Context) -> Rows:
    """Count the learners who lack an element and those with none rated, by grade and
    schools, in one query (the rule above, in Cypher)."""
    return graph.read("reports/summarize_relationship_elements", **ctx.params(),
                      elements=list(ELEMENTS), threshold=ctx.threshold)  # fmt: skip


def _row(row: dict[str, Any], threshold: int, section: str) -> dict[str, Any] | None:
    """Return the learner's row in `section`, or None when they are not in it."""
    learner = {key: row[key] for key in fields_of(UnratedRow)}
    if not row["ratings"]:
        return learner if section == "unrated" else None
    if section == "unrated":
        return None
    best = best_scores(row["ratings"])
    missing = [e for e in ELEMENTS if (best[e] or 0) < threshold]
    return learner | {"lacking": missing} | best if missing else None
