"""The questions: a learner's network, an adult's caseload, paths, search by name.

Each answer holds only what the caller may read (another learner they may not see is
shown without a name) and is recorded in the audit, one entry per learner it discloses,
before it is returned.
"""

from typing import Annotated, Any

from fastapi import APIRouter, Query

from api.deps import GraphDep, SettingsDep
from api.disclosure import AuditDep
from api.schemas.questions import CaseloadOut, NetworkOut, PathOut, SearchOut
from lrm_graph.records import question_cases, traversal

router = APIRouter(tags=["questions"])


@router.get("/learners/{uid}/network", response_model=NetworkOut)
def learner_network(
    uid: str,
    graph: GraphDep,
    settings: SettingsDep,
    ctx: AuditDep,
    depth: Annotated[int, Query(ge=1, le=traversal.MAX_NETWORK_DEPTH)] = 1,
    walk_groups_up_to: Annotated[int | None, Query(ge=0)] = None,
) -> Any:
    """The learner's network over active relationships, out to `depth` hops. With
    `walk_groups_up_to`, each community, organization, interest, industry, resource,
    adult and expert says how many people are tied to it (`members`), and one with more is
    not walked through (the web app's network picture shows a school, or a counselor with a
    caseload of hundreds, as one node)."""
    return traversal.learner_network(
        graph, ctx, uid, depth, settings.network_max_nodes, walk_groups_up_to
    )


@router.get("/adults/{uid}/caseload", response_model=CaseloadOut)
def adult_caseload(uid: str, graph: GraphDep, ctx: AuditDep) -> Any:
    """The learners this adult mentors, advises, coaches or counsels, by name: for the
    adult themself, their organization's staff, and the district."""
    return question_cases.caseload(graph, ctx, uid)


@router.get("/paths", response_model=PathOut)
def shortest_path(
    graph: GraphDep,
    ctx: AuditDep,
    from_uid: Annotated[str, Query(alias="from", min_length=1, max_length=128)],
    to_uid: Annotated[str, Query(alias="to", min_length=1, max_length=128)],
    max_hops: Annotated[int, Query(ge=1, le=traversal.MAX_PATH_HOPS)] = 4,
) -> Any:
    """The shortest path of active relationships between two nodes, either direction."""
    return question_cases.path(graph, ctx, from_uid, to_uid, max_hops)


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
