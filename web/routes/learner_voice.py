"""The learner's home, in their own voice: their goals, the adults they trust, their
communities and their mentor request, with the forms to state a goal, name a trusted adult
and ask for a mentor. Each form calls the `lrm_graph.voice` use case `/v1/me` calls,
after the same request model (`api.schemas`) has checked what it sent.

A form that succeeds redirects to the home (303), so a reload does not send it twice;
one the use case refuses (404, 409, 422) shows the home again with the reason beside the
form. With htmx the form swaps only its own section (`hx-select`), from the same answers.
The adults a learner could name come from their network two hops out, the costliest read of
the page: it is asked only when they choose to name someone (`?choose=trusted`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import Form, Request
from pydantic import BaseModel, ValidationError
from starlette.responses import RedirectResponse, Response

from api.deps import GraphDep, SettingsDep
from api.schemas.mentor_requests import MentorRequestCreate
from api.schemas.voice import OwnGoalCreate, TrustAdd
from lrm_graph.access import audit
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.errors import LrmError
from lrm_graph.vocabulary import GoalKind
from lrm_graph.voice import goals, mentor_requests, profile
from web.pages import render
from web.routing import web_router
from web.session import AuditDep, SessionDep, WebSession

router = web_router(prefix="/me", tags=["web"])
# Teachers and the school's staff are two hops away (through a class, through the school).
NETWORK_DEPTH = 2
SHOWN_BESIDE_FORM = frozenset({404, 409, 422})  # refusals the learner can act on
# The forms' fields as their labels name them, and the model's complaints said plainly.
LABELS = {
    "title": "Your goal",
    "kind": "The kind of goal",
    "adult_uid": "The adult",
    "hope": "What you hope for",
    "goal_uid": "The goal",
}
PLAINLY = {"missing": "please fill this in", "string_too_short": "please fill this in"}
FormText = Annotated[str, Form(max_length=2000)]
Body = TypeVar("Body", bound=BaseModel)


def learner_home(
    request: Request,
    session: WebSession,
    asking: audit.Request,
    graph: Graph,
    settings: Settings,
    *,
    problems: dict[str, str] | None = None,
    sent: dict[str, dict[str, str]] | None = None,
    status_code: int = 200,
) -> Response:
    """Render the learner's home; `problems` and `sent` put a refused form back."""
    trusted = profile.own_ties(graph, asking, "voice/list_trusted_adults")
    choosing = request.query_params.get("choose") == "trusted" or "trusted" in (sent or {})
    adults = None
    if choosing:
        adults = _adults_to_name(graph, asking, settings, {t["uid"] for t in trusted})
    context = {
        "me": profile.profile(graph, asking),
        "goals": goals.list_goals(graph, asking),
        "trusted": trusted,
        "communities": profile.own_ties(graph, asking, "voice/list_communities"),
        "mentor_requests": mentor_requests.own(graph, asking),
        "adults": adults,  # None: not asked for yet
        "goal_kinds": [kind.value for kind in GoalKind],
        "problems": problems or {},
        "sent": sent or {},
    }
    return render(request, session, "home/learner.html", context, status_code)


def _adults_to_name(
    graph: Graph, asking: audit.Request, settings: Settings, named: set[str]
) -> list[dict[str, Any]]:
    """Return the adults and experts around the learner they have not named yet."""
    network = profile.network(graph, asking, NETWORK_DEPTH, settings.network_max_nodes,
                              settings.network_hub_members)  # fmt: skip
    people = network["nodes"]["adult"] + network["nodes"]["expert"]
    return sorted(
        (p for p in people if p["uid"] not in named and p["name"]),
        key=lambda p: (p["name"], p["uid"]),
    )


@router.post("/goals")
def state_goal(
    request: Request,
    session: SessionDep,
    asking: AuditDep,
    graph: GraphDep,
    settings: SettingsDep,
    title: FormText = "",
    kind: FormText = GoalKind.AMBITION.value,
) -> Response:
    """State a goal (as `POST /v1/me/goals`)."""
    sent = {"title": title, "kind": kind}

    def state(body: OwnGoalCreate) -> None:
        fields = body.model_dump(exclude={"industry_uid"}, exclude_none=True)
        goals.create_goal(graph, asking, fields, None)

    form = Submitted(request, session, asking, graph, settings, "goals", sent)
    return form.handle(OwnGoalCreate, state)


@router.post("/trusted-adults")
def name_trusted_adult(
    request: Request,
    session: SessionDep,
    asking: AuditDep,
    graph: GraphDep,
    settings: SettingsDep,
    adult_uid: FormText = "",
) -> Response:
    """Name an adult the learner trusts (as `POST /v1/me/trusted-adults`)."""
    form = Submitted(request, session, asking, graph, settings, "trusted", {"adult_uid": adult_uid})
    return form.handle(TrustAdd, lambda body: profile.trust(graph, asking, body.adult_uid))


@router.post("/mentor-requests")
def ask_for_mentor(
    request: Request,
    session: SessionDep,
    asking: AuditDep,
    graph: GraphDep,
    settings: SettingsDep,
    hope: FormText = "",
    goal_uid: FormText = "",
) -> Response:
    """Ask for a mentor (as `POST /v1/me/mentor-requests`)."""
    sent = {"hope": hope, "goal_uid": goal_uid}

    def ask(body: MentorRequestCreate) -> None:
        mentor_requests.ask(graph, asking, body.hope, body.goal_uid, body.interest)

    form = Submitted(request, session, asking, graph, settings, "mentor", sent)
    return form.handle(MentorRequestCreate, ask)


class Submitted:
    """One form sent from the learner's home: its section, and what it sent."""

    def __init__(
        self,
        request: Request,
        session: WebSession,
        asking: audit.Request,
        graph: Graph,
        settings: Settings,
        section: str,
        sent: dict[str, str],
    ) -> None:
        self.request, self.session, self.asking = request, session, asking
        self.graph, self.settings = graph, settings
        self.section, self.sent = section, sent

    def handle(self, model: type[Body], act: Callable[[Body], object]) -> Response:
        """Check the form against the API's model, act, and answer: back home, or the
        home again with the reason beside the form."""
        filled = {name: value for name, value in self.sent.items() if value.strip()}
        try:
            act(model.model_validate(filled))
        except ValidationError as exc:
            return self._again(worded(exc), 422)
        except LrmError as exc:
            if exc.status not in SHOWN_BESIDE_FORM:
                raise
            return self._again(exc.detail, exc.status)
        return RedirectResponse(f"/#{self.section}", status_code=303)

    def _again(self, problem: str, status_code: int) -> Response:
        return learner_home(
            self.request, self.session, self.asking, self.graph, self.settings,
            problems={self.section: problem}, sent={self.section: self.sent},
            status_code=status_code,
        )  # fmt: skip


def worded(exc: ValidationError) -> str:
    """Say what is wrong with a form, field by field, by the fields' labels."""
    said = []
    for error in exc.errors():
        field = str(error["loc"][-1]) if error["loc"] else "form"
        said.append(f"{LABELS.get(field, field)}: {PLAINLY.get(error['type'], error['msg'])}")
    return "; ".join(said) + "."
