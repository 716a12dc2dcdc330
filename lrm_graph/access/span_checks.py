"""Apply the policy to answers that span many records: a search, a caseload, a bulk load.

The rules are the tables of `lrm_graph.access.policy` (CASELOAD, READ, BULK_SCOPES); the single
record checks are in `lrm_graph.access.node_checks`.
"""

from __future__ import annotations

from dataclasses import dataclass

from lrm_graph import clock
from lrm_graph.access import visibility
from lrm_graph.access.node_checks import Disclosed, reached
from lrm_graph.access.policy import (
    CASELOAD,
    READ,
    Reach,
    audience_of,
    personal_learners,
    related_people,
    require,
)
from lrm_graph.auth.caller import Caller, Scope
from lrm_graph.db.graph import Graph
from lrm_graph.errors import Forbidden
from lrm_graph.store import nodes
from lrm_graph.vocabulary import NodeKind


def bulk_purposes(graph: Graph, caller: Caller, learner_uids: set[str]) -> Disclosed:
    """Return {uid: purpose} of the learners a bulk load is about to write, for the audit."""
    visible = visibility.visible_learners(graph, caller, only=sorted(learner_uids))
    if visible is None:
        return dict.fromkeys(sorted(learner_uids), visibility.ALL)
    # A learner an organization's key loads, new and not yet enrolled, is written all the same.
    return {uid: visible.get(uid, "bulk load") for uid in sorted(learner_uids)}


def check_caseload(graph: Graph, caller: Caller, adult_uid: str) -> None:
    """Raise unless the caller may read this adult's caseload (policy.CASELOAD): 404 when
    they may not read the adult, 403 when they may but not their caseload. A caller who
    may read every caseload, or their own, is not asked about here: the caseload's own
    query says whether the adult exists (its caller answers 404), one round trip fewer."""
    require(caller, Scope.READ)
    audience = audience_of(caller)
    reached(graph, caller, NodeKind.ADULT, adult_uid, READ[audience][NodeKind.ADULT])
    reach = CASELOAD[audience]
    if caller.person_uid == adult_uid or reach is Reach.ALL:
        return
    nodes.get(graph, NodeKind.ADULT, adult_uid)
    if reach is Reach.ORG:
        rows = graph.read(
            "nodes/get_org_ties", uids=[adult_uid], org_uid=caller.org_uid, today=clock.today()
        )
        if rows and rows[0]["own"]:  # the adult works at their organization
            return
    raise Forbidden("an adult's caseload is for themself and their organization")


@dataclass(frozen=True)
class SearchScope:
    """What a search may find for one caller (None: no limit)."""

    visible: dict[str, str] | None  # learners they see, with the purpose
    people: list[str] | None  # adults and experts they may read
    findable: list[str] | None  # opted-out learners they may still find
    hidden_kinds: list[str]  # kinds they may not read at all


def search_scope(graph: Graph, caller: Caller) -> SearchScope:
    """Return what a search by this caller may find (see lrm_graph.access.policy)."""
    require(caller, Scope.READ)
    read = READ[audience_of(caller)]
    visible: dict[str, str] | None = None
    if read[NodeKind.LEARNER] is Reach.VISIBLE:
        visible = visibility.visible_learners(graph, caller)
    people = None
    if read[NodeKind.ADULT] is Reach.RELATED:
        people = sorted(related_people(graph, caller))
    return SearchScope(
        visible=visible,
        people=people,
        findable=None if caller.is_admin else sorted(personal_learners(graph, caller)),
        hidden_kinds=sorted(kind.value for kind, reach in read.items() if reach is Reach.NONE),
    )
