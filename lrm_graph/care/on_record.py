"""What the care team has on record about one learner, the parts a reader asks for read in
one query (`cypher/care/get_learner_records`): a timeline or a brief asks for several in
one round trip, each list endpoint for its own. It checks nothing: each part's module
decides what the caller may ask for (`interactions`, `interventions`, `notes`, `ties`) and
shapes the rows it gets back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lrm_graph.care.paging import Window
from lrm_graph.db.graph import Graph


@dataclass(frozen=True)
class Notes:
    """The notes asked for: one page, of those the caller wrote or whose visibility opens."""

    window: Window
    author_uid: str
    visibilities: list[str]


@dataclass(frozen=True)
class Interventions:
    """The interventions asked for: of one status (None: any), of one owner (None: any)."""

    status: str | None
    owner_uid: str | None
    limit: int


def read(
    graph: Graph,
    learner_uid: str,
    *,
    relationships: int | None = None,
    interactions: Window | None = None,
    interventions: Interventions | None = None,
    notes: Notes | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Return {part: rows} of the parts asked for (a part not asked for: no rows):
    `relationships` at most that many, `interactions` and `notes` one page each, of the
    same window when both are asked for (ValueError otherwise)."""
    if interactions is not None and notes is not None and interactions != notes.window:
        raise ValueError("interactions and notes are read in one window")
    window = interactions or (notes.window if notes is not None else Window())
    asked = {"relationships": relationships is not None, "interactions": interactions is not None,
             "interventions": interventions is not None, "notes": notes is not None}  # fmt: skip
    rows = graph.read(
        "care/get_learner_records",
        learner_uid=learner_uid,
        parts=[part for part, wanted in asked.items() if wanted],
        relationships_limit=relationships or 0,
        **window.params(),
        status=interventions.status if interventions else None,
        owner_uid=interventions.owner_uid if interventions else None,
        interventions_limit=interventions.limit if interventions else 0,
        author_uid=notes.author_uid if notes else None,
        visibilities=notes.visibilities if notes else [],
    )
    return {part: list(rows[0][part]) for part in asked}
