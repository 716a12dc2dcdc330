"""Analytics: goal gaps, structure, mentor matches, community suggestions; accept a match.

Each runs over the learners the caller may see (`lrm_graph.analysis.run_analytic`), and
every learner an answer names is recorded in the audit before the answer leaves.
"""

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response, status

from api.deps import GraphDep, SettingsDep
from api.disclosure import AuditDep
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
from lrm_graph.access import audit
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.vocabulary import RelType

router = APIRouter(prefix="/analytics", tags=["analytics"])


def _report(
    graph: Graph, settings: Settings, name: str, query: AnalyticsQuery, request: audit.Request
) -> Any:
    """Run one analytic for the caller; answer JSON, or a CSV download when `format=csv`."""
    report = analysis.run_analytic(
        graph, request, settings, name, query.learner_filter(), query.options()
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
    graph: GraphDep,
    settings: SettingsDep,
    query: Annotated[GoalGapsQuery, Query()],
    request: AuditDep,
) -> Any:
    """Learners' goals with no tie to the goal's industry within `k` hops, and the warm
    introduction to the nearest tie further out."""
    return _report(graph, settings, "goal-gaps", query, request)


@router.get("/structure", response_model=StructureOut, responses=CSV_RESPONSE)
def structure(
    graph: GraphDep,
    settings: SettingsDep,
    query: Annotated[StructureQuery, Query()],
    request: AuditDep,
) -> Any:
    """Groups of learners cut off from every adult, and the adults who bridge groups."""
    return _report(graph, settings, "structure", query, request)


@router.get("/mentor-matches", response_model=MentorMatchesOut, responses=CSV_RESPONSE)
def mentor_matches(
    graph: GraphDep,
    settings: SettingsDep,
    query: Annotated[PerLearnerQuery, Query()],
    request: AuditDep,
) -> Any:
    """Learners without a caring adult, ranked adults with caseload room, one assignment.

    A suggestion: nothing is written until someone accepts a match."""
    return _report(graph, settings, "mentor-matches", query, request)


@router.post(
    "/mentor-matches/accept", status_code=status.HTTP_201_CREATED, response_model=RelationshipOut
)
def accept_mentor_match(
    body: MatchAccept, graph: GraphDep, response: Response, request: AuditDep
) -> Any:
    """Accept a suggested match: record the relationship, with source `suggested`.

    For admins, school admins and counselors of the learner's organization, and API
    clients with the write scope; the rules of `POST /v1/relationships` apply to the
    relationship; recorded in the audit as a grant in the transaction that makes it."""
    created = analysis.accept_match(
        graph, request, body.learner_uid, body.adult_uid, RelType(body.type)
    )
    response.headers["Location"] = f"/v1/relationships/{created['uid']}"
    return created


@router.get(
    "/community-suggestions", response_model=CommunitySuggestionsOut, responses=CSV_RESPONSE
)
def community_suggestions(
    graph: GraphDep,
    settings: SettingsDep,
    query: Annotated[PerLearnerQuery, Query()],
    request: AuditDep,
) -> Any:
    """Communities for learners in none: where their peers are, or in their goal's industry."""
    return _report(graph, settings, "community-suggestions", query, request)
