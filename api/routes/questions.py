"""The questions: a learner's network, an adult's caseload, paths, search by name.

Each answer holds only what the caller may read (another learner they may not see is
counted or an anonymous hop, and none of their relationships is shown) and is recorded
in the audit, one entry per learner it discloses, before it is returned.
"""

from typing import Annotated, Any

from fastapi import APIRouter, Query

from api.deps import GraphDep, SettingsDep
from api.disclosure import AuditDep
from api.schemas.questions import CaseloadOut, NetworkOut, PathOut, SearchOut
from lrm_graph.records import network, question_cases, traversal

router = APIRouter(tags=["questions"])


@router.get("/learners/{uid}/network", response_model=NetworkOut)
def learner_network(
    uid: str,
    graph: GraphDep,
    settings: SettingsDep,
    ctx: AuditDep,
    depth: Annotated[int, Query(ge=1, le=network.MAX_NETWORK_DEPTH)] = 1,
    walk_groups_up_to: Annotated[int | None, Query(ge=0, le=1_000_000)] = None,  # a 64-bit int
) -> Any:
    """The learner's network over active relationships, out to `depth` hops, as far as you
    may read each relationship (a learner you do not see is only counted). Each group (a
    community, organization, interest, industry or resource) says how many people are tied
    to it (`members`); a hub, one with more than the setting `network_hub_members` (or
    `walk_groups_up_to`, for this answer), is one node with your own ties to it, not walked
    through, and listed in `collapsed`: the second hop expands people, not a school."""
    hub_members = settings.network_hub_members if walk_groups_up_to is None else walk_groups_up_to
    return network.learner_network(graph, ctx, uid, depth, settings.network_max_nodes, hub_members)


@router.get("/adults/{uid}/caseload", response_model=CaseloadOut)
def adult_caseload(uid: str, graph: GraphDep, ctx: AuditDep) -> Any:
    """The learners this adult mentors, advises, coaches or counsels, by name: for the
    adult themself, their organization's staff, and the district."""
    return question_cases.caseload(graph, ctx, uid)


@router.get("/paths", response_model=PathOut)
def shortest_path(
    graph: GraphDep,
    settings: SettingsDep,
    ctx: AuditDep,
    from_uid: Annotated[str, Query(alias="from", min_length=1, max_length=128)],
    to_uid: Annotated[str, Query(alias="to", min_length=1, max_length=128)],
    max_hops: Annotated[int, Query(ge=1, le=traversal.MAX_PATH_HOPS)] = 4,
    through_hubs: bool = False,
) -> Any:
    """The shortest path of active relationships between two nodes, either direction,
    through no hub (a group of more than `network_hub_members` members) unless
    `through_hubs`. A learner you do not see on the way is an anonymous hop, and a
    relationship you may not read is shown with no facts (all null)."""
    return question_cases.path(graph, ctx, (from_uid, to_uid), max_hops,
                               hub_members=settings.network_hub_members,
                               through_hubs=through_hubs)  # fmt: skip


@router.get("/search", response_model=SearchOut)
def search(
    graph: GraphDep,
    ctx: AuditDep,
    q: Annotated[str, Query(min_length=1, max_length=traversal.MAX_QUERY_LENGTH)],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> Any:
    """People and communities by name: each word matches whole or as a prefix. Learners
    who opted out of the directory are found only by callers with a personal relationship
    to them (and the district admin)."""
    return {"items": question_cases.search(graph, ctx, q, limit)}
