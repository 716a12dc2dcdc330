"""The learner's own voice, signed in as a learner (/v1/me/...): their record and how they
like to learn, goals, interests, the adults they trust, and their network.

Anyone but a signed-in learner gets 403. Every answer is recorded in the audit (see
`lrm_graph.voice.profile`). Their communities, join requests and mentor requests are in
`api/routes/join_requests.py` and `api/routes/mentor_requests.py`.
"""

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response, status

from api.deps import GraphDep, SettingsDep
from api.disclosure import AuditDep
from api.schemas.nodes import MODELS
from api.schemas.questions import NetworkOut
from api.schemas.relationships import RelationshipOut
from api.schemas.voice import (
    GoalList,
    InterestAdd,
    OwnGoalCreate,
    OwnGoalOut,
    OwnGoalUpdate,
    PreferencesUpdate,
    TieList,
    TieOut,
    TrustAdd,
)
from lrm_graph.records.network import MAX_NETWORK_DEPTH
from lrm_graph.vocabulary import NodeKind, RelType
from lrm_graph.voice import goals, profile

router = APIRouter(prefix="/me", tags=["me"])
Uid = Annotated[str, Path(min_length=1, max_length=128)]
LearnerOut = MODELS[NodeKind.LEARNER].out


@router.get("", response_model=LearnerOut)
def get_me(graph: GraphDep, request: AuditDep) -> Any:
    """Your own record, as a learner, with how you like to learn."""
    return profile.profile(graph, request)


@router.patch("", response_model=LearnerOut)
def update_me(body: PreferencesUpdate, graph: GraphDep, request: AuditDep) -> Any:
    """Say how you like to learn (the list replaces the one before)."""
    return profile.set_preferences(graph, request, body.learning_preferences)


@router.get("/network", response_model=NetworkOut)
def my_network(
    graph: GraphDep,
    settings: SettingsDep,
    request: AuditDep,
    depth: Annotated[int, Query(ge=1, le=MAX_NETWORK_DEPTH)] = 1,
) -> Any:
    """The adults, peers, communities and resources around you, as far as you may read
    each relationship (another learner you do not see is only counted); a big group (a
    school) is one node with its member count."""
    return profile.network(graph, request, depth, settings.network_max_nodes,
                           settings.network_hub_members)  # fmt: skip


@router.get("/goals", response_model=GoalList)
def my_goals(graph: GraphDep, request: AuditDep) -> Any:
    """The goals you pursue."""
    return {"items": goals.list_goals(graph, request)}


@router.post("/goals", status_code=status.HTTP_201_CREATED, response_model=OwnGoalOut)
def add_goal(body: OwnGoalCreate, graph: GraphDep, request: AuditDep, response: Response) -> Any:
    """State a goal: a long-term ambition or a nearer learning goal, maybe in an industry."""
    fields = body.model_dump(exclude={"industry_uid"}, exclude_none=True)
    goal = goals.create_goal(graph, request, fields, body.industry_uid)
    response.headers["Location"] = f"/v1/me/goals/{goal['uid']}"
    return goal


@router.patch("/goals/{uid}", response_model=OwnGoalOut)
def revise_goal(uid: Uid, body: OwnGoalUpdate, graph: GraphDep, request: AuditDep) -> Any:
    """Revise a goal you pursue: its words, status and progress; `industry_uid: null`
    unties it from its industry."""
    return goals.update_goal(graph, request, uid, body.model_dump(exclude_unset=True))


@router.delete("/goals/{uid}", response_model=RelationshipOut)
def drop_goal(uid: Uid, graph: GraphDep, request: AuditDep) -> Any:
    """Stop pursuing a goal: your PURSUES of it ends today; its history stays."""
    return goals.take_back(graph, request, uid)


@router.get("/interests", response_model=TieList)
def my_interests(graph: GraphDep, request: AuditDep) -> Any:
    rows = profile.own_ties(graph, request, "voice/list_interests")
    return {"items": [row | {"node_kind": NodeKind.INTEREST.value} for row in rows]}


@router.post("/interests", status_code=status.HTTP_201_CREATED, response_model=TieOut)
def add_interest(body: InterestAdd, graph: GraphDep, request: AuditDep) -> Any:
    """Say you are interested in something: a catalogue interest by uid, or by name (a
    name new to the catalogue is added to it)."""
    interest, _ = profile.add_interest(graph, request, body.interest_uid, body.name)
    return interest


@router.delete("/interests/{uid}", response_model=RelationshipOut)
def drop_interest(uid: Uid, graph: GraphDep, request: AuditDep) -> Any:
    not_found = f"you have no interest with uid {uid!r}"
    return profile.end_tie(graph, request, RelType.INTERESTED_IN, uid, not_found)


@router.get("/trusted-adults", response_model=TieList)
def my_trusted_adults(graph: GraphDep, request: AuditDep) -> Any:
    """The adults you named as adults you trust."""
    return {"items": profile.own_ties(graph, request, "voice/list_trusted_adults")}


@router.post("/trusted-adults", status_code=status.HTTP_201_CREATED, response_model=TieOut)
def trust_adult(body: TrustAdd, graph: GraphDep, request: AuditDep) -> Any:
    """Name an adult (or a cleared expert) you trust; 409 if you named them already."""
    return profile.trust(graph, request, body.adult_uid)


@router.delete("/trusted-adults/{adult_uid}", response_model=RelationshipOut)
def take_back_trust(adult_uid: Uid, graph: GraphDep, request: AuditDep) -> Any:
    """Take a name back: your TRUSTS of them ends today."""
    not_found = f"you named no trusted adult with uid {adult_uid!r}"
    return profile.end_tie(graph, request, RelType.TRUSTS, adult_uid, not_found)
