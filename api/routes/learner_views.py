"""Routes for a learner's brief (JSON, Markdown, HTML) and timeline."""

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request, Response

from api.deps import GraphDep, SettingsDep
from api.disclosure import AuditDep
from api.schemas.care_views import BriefOut, TimelineOut
from api.schemas.json_types import IsoDate
from lrm_graph.care import brief_render, timeline
from lrm_graph.care.brief import brief
from lrm_graph.reports.common import DEFAULT_DAYS, MAX_DAYS

router = APIRouter(tags=["learner-views"])
Uid = Annotated[str, Path(min_length=1, max_length=256)]
Format = Literal["json", "markdown", "html"]
TEXT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/markdown": {"schema": {"type": "string"}},
                      "text/html": {"schema": {"type": "string"}}}},
}  # fmt: skip


def negotiated(asked: Format | None, accept: str) -> Format:
    """Return the format asked for by `format`, else by the Accept header, else JSON."""
    if asked is not None:
        return asked
    for media, name in (("text/markdown", "markdown"), ("text/html", "html")):
        if media in accept:
            return name  # type: ignore[return-value]
    return "json"


@router.get("/learners/{uid}/brief", response_model=BriefOut, responses=TEXT_RESPONSES)
def learner_brief(
    uid: Uid,
    graph: GraphDep,
    settings: SettingsDep,
    request: AuditDep,
    http: Request,
    format: Format | None = None,
    days: Annotated[int, Query(ge=1, le=MAX_DAYS)] = DEFAULT_DAYS,
) -> Any:
    """What to know before meeting the learner: goals, interests, how they learn, the last
    interactions, the rest of the care team, open interventions, ties gone quiet (no
    interaction in `days` days) or ending within them, goals without a connection, notes
    you may read, and conversation openers. `format=markdown|html` (or Accept) for text."""
    answer = brief(graph, request, uid, days=days, caring_types=settings.caring_types,
                   max_nodes=settings.network_max_nodes,
                   hub_members=settings.network_hub_members)  # fmt: skip
    chosen = negotiated(format, http.headers.get("accept", ""))
    if chosen == "markdown":
        return Response(brief_render.markdown(answer), media_type="text/markdown; charset=utf-8")
    if chosen == "html":
        return Response(brief_render.to_html(answer), media_type="text/html; charset=utf-8")
    return answer


@router.get("/learners/{uid}/timeline", response_model=TimelineOut)
def learner_timeline(
    uid: Uid,
    graph: GraphDep,
    request: AuditDep,
    from_: Annotated[IsoDate | None, Query(alias="from")] = None,
    to: IsoDate | None = None,
    limit: Annotated[int, Query(ge=1, le=timeline.MAX_EVENTS)] = timeline.MAX_EVENTS,
) -> Any:
    """The learner's relationships begun and ended, goals set, interactions, interventions
    opened and closed, and notes, oldest first, each as far as you may read it."""
    return timeline.timeline(graph, request, uid, from_, to, limit)
