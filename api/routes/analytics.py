"""Analytics: goal gaps, structure, mentor matches, community suggestions; accept a match."""

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response, status

from api.deps import GraphDep, SettingsDep
from api.schemas.analytics import (
    CSV_RESPONSE,
    AnalyticsQuery,
    CommunitySuggestionsOut,
    GoalGapsOut,
    GoalGapsQuery,
    MatchAccept,
    MentorMatchesOut,
    PerLearnerQuery,
    StructureOut,
    StructureQuery,
)
from api.schemas.relationships import RelationshipOut
from lrm_graph import analysis
from lrm_graph.config import Settings
from lrm_graph.graph import Graph
from lrm_graph.vocabulary import RelType

router = APIRouter(prefix="/analytics", tags=["analytics"])


def _report(graph: Graph, settings: Settings, name: str, query: AnalyticsQuery) -> Any:
    """Run one analytic; answer JSON, or a CSV download when `format=csv`."""
    report = analysis.run(
        graph,
        name,
        query.learner_filter(),
        query.options(),
        caring_types=settings.caring_types,
    )
    if query.format == "csv":
        return Response(
            report.csv(),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
        )
    return report.data


@router.get("/goal-gaps", response_model=GoalGapsOut, responses=CSV_RESPONSE)
def goal_gaps(
    graph: GraphDep, settings: SettingsDep, query: Annotated[GoalGapsQuery, Query()]
) -> Any:
    """Learners' goals with no tie to the goal's industry within `k` hops, and the warm
    introduction to the nearest tie further out."""
    return _report(graph, settings, "goal-gaps", query)


@router.get("/structure", response_model=StructureOut, responses=CSV_RESPONSE)
def structure(
    graph: GraphDep, settings: SettingsDep, query: Annotated[StructureQuery, Query()]
) -> Any:
    """Groups of learners cut off from every adult, and the adults who bridge groups."""
    return _report(graph, settings, "structure", query)


@router.get("/mentor-matches", response_model=MentorMatchesOut, responses=CSV_RESPONSE)
def mentor_matches(
    graph: GraphDep, settings: SettingsDep, query: Annotated[PerLearnerQuery, Query()]
) -> Any:
    """Learners without a caring adult, ranked adults with caseload room, one assignment.

    A suggestion: nothing is written until someone accepts a match."""
    return _report(graph, settings, "mentor-matches", query)


@router.post(
    "/mentor-matches/accept", status_code=status.HTTP_201_CREATED, response_model=RelationshipOut
)
def accept_mentor_match(body: MatchAccept, graph: GraphDep, response: Response) -> Any:
    """Accept a suggested match: record the relationship, with source `suggested`."""
    created = analysis.accept_match(graph, body.learner_uid, body.adult_uid, RelType(body.type))
    response.headers["Location"] = f"/v1/relationships/{created['uid']}"
    return created


@router.get(
    "/community-suggestions", response_model=CommunitySuggestionsOut, responses=CSV_RESPONSE
)
def community_suggestions(
    graph: GraphDep, settings: SettingsDep, query: Annotated[PerLearnerQuery, Query()]
) -> Any:
    """Communities for learners in none: where their peers are, or in their goal's industry."""
    return _report(graph, settings, "community-suggestions", query)
