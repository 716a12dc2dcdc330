"""The questions: a learner's network, an adult's caseload, paths, search by name."""

from typing import Annotated, Any

from fastapi import APIRouter, Query

from api.deps import GraphDep, SettingsDep
from api.schemas.questions import CaseloadOut, NetworkOut, PathOut, SearchOut
from lrm_graph import questions

router = APIRouter(tags=["questions"])


@router.get("/learners/{uid}/network", response_model=NetworkOut)
def learner_network(
    uid: str,
    graph: GraphDep,
    settings: SettingsDep,
    depth: Annotated[int, Query(ge=1, le=questions.MAX_NETWORK_DEPTH)] = 1,
) -> Any:
    """The learner's network over active relationships, out to `depth` hops."""
    return questions.network(graph, uid, depth, settings.network_max_nodes)


@router.get("/adults/{uid}/caseload", response_model=CaseloadOut)
def adult_caseload(uid: str, graph: GraphDep) -> Any:
    """The learners this adult mentors, advises, coaches or counsels, by name."""
    return questions.caseload(graph, uid)


@router.get("/paths", response_model=PathOut)
def shortest_path(
    graph: GraphDep,
    from_uid: Annotated[str, Query(alias="from", min_length=1, max_length=128)],
    to_uid: Annotated[str, Query(alias="to", min_length=1, max_length=128)],
    max_hops: Annotated[int, Query(ge=1, le=questions.MAX_PATH_HOPS)] = 4,
) -> Any:
    """The shortest path of active relationships between two nodes, either direction."""
    return questions.path(graph, from_uid, to_uid, max_hops)


@router.get("/search", response_model=SearchOut)
def search(
    graph: GraphDep,
    q: Annotated[str, Query(min_length=1, max_length=questions.MAX_QUERY_LENGTH)],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> Any:
    """People and communities by name: each word matches whole or as a prefix."""
    # Learners who opted out of the directory are still listed: access control (a later
    # issue) will pass include_directory_opt_outs=False for callers with no relationship.
    items = questions.search(graph, q, limit, include_directory_opt_outs=True)
    return {"items": items}
