"""One router per node kind: create, read, change, archive, erase, upsert, list."""

from typing import Annotated, Any

from fastapi import APIRouter, Body, Query, Response, status
from pydantic import BaseModel, Field, StringConstraints

from api.auth import CallerDep
from api.deps import GraphDep, SettingsDep
from api.disclosure import AuditDep
from api.schemas.nodes import MODELS
from lrm_graph.access import audit, node_checks
from lrm_graph.auth.caller import Caller
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.errors import InvalidInput
from lrm_graph.privacy import family_rights
from lrm_graph.records import nodes
from lrm_graph.records.fields import FIELDS, Grade
from lrm_graph.vocabulary import AdultRole, NodeKind

Uid = Annotated[str, StringConstraints(min_length=1, max_length=128)]
SourceIdPath = Annotated[str, StringConstraints(min_length=1, max_length=256)]


def routers() -> list[APIRouter]:
    """Return the router of every node kind."""
    return [node_router(kind) for kind in NodeKind]


def node_router(kind: NodeKind) -> APIRouter:
    """Build the router of one kind; its models come from `api.schemas.nodes`.

    Every handler asks `lrm_graph.access.node_checks` first (404 for what the caller may
    not read, 403 for what they may read but not do) and records in the audit what it reads
    or writes of a learner before it answers (a change: before it is made).
    """
    models = MODELS[kind]
    Create, Update, Out, PageOut = models.create, models.update, models.out, models.page
    router = APIRouter(prefix=f"/{kind.plural}", tags=[kind.plural])
    location = f"/v1/{kind.plural}/{{uid}}"

    @router.post("", status_code=status.HTTP_201_CREATED, response_model=Out)
    def create_node(
        body: Create,  # type: ignore[valid-type]
        graph: GraphDep,
        caller: CallerDep,
        ctx: AuditDep,
        response: Response,
    ) -> Any:
        enroll_at = node_checks.check_create(graph, caller, kind)
        fields = FIELDS[kind].model_validate(body.model_dump())  # type: ignore[attr-defined]
        node = nodes.create(graph, kind, fields, enroll_at=enroll_at)
        audit.record(
            graph, ctx, "write", node_checks.disclosed_by(graph, caller, kind, node["uid"])
        )
        response.headers["Location"] = location.format(uid=node["uid"])
        return node

    @router.get("/{uid}", response_model=Out)
    def get_node(uid: Uid, graph: GraphDep, caller: CallerDep, ctx: AuditDep) -> Any:
        disclosed = node_checks.check_read(graph, caller, kind, uid)
        node = nodes.get(graph, kind, uid)
        audit.record(graph, ctx, "read", disclosed)
        return node

    @router.patch("/{uid}", response_model=Out)
    def update_node(
        uid: Uid,
        body: Update,  # type: ignore[valid-type]
        graph: GraphDep,
        caller: CallerDep,
        ctx: AuditDep,
    ) -> Any:
        changes = body.model_dump(exclude_unset=True)  # type: ignore[attr-defined]
        if not changes:
            raise InvalidInput("the body names no field to change")
        audit.record(graph, ctx, "write", node_checks.check_write(graph, caller, kind, uid))
        return nodes.update(graph, kind, uid, changes)

    @router.delete("/{uid}", response_model=Out)
    def archive_node(uid: Uid, graph: GraphDep, caller: CallerDep, ctx: AuditDep) -> Any:
        """Archive: the node and its ended relationships stay as history."""
        audit.record(graph, ctx, "write", node_checks.check_write(graph, caller, kind, uid))
        return nodes.archive(graph, kind, uid)

    @router.post("/{uid}/erase", status_code=status.HTTP_204_NO_CONTENT)
    def erase_node(
        uid: Uid, graph: GraphDep, settings: SettingsDep, caller: CallerDep, ctx: AuditDep
    ) -> Response:
        """Erase for good: the node, its relationships and the goals only it pursued."""
        erase(graph, settings, caller, ctx, kind, uid)
        return Response(status_code=status.HTTP_204_NO_CONTENT)

    @router.put("/by-source/{source_id}", response_model=Out)
    def upsert_node(
        source_id: SourceIdPath,
        body: Annotated[Create, Body()],  # type: ignore[valid-type]
        graph: GraphDep,
        caller: CallerDep,
        ctx: AuditDep,
        response: Response,
    ) -> Any:
        fields = FIELDS[kind].model_validate(body.model_dump(exclude_unset=True))  # type: ignore[attr-defined]
        source_id = source_id.strip()
        existing = nodes.find_by_source(graph, kind, [source_id]).get(source_id)
        enroll_at = None
        if existing is not None:  # a replace: a change of that node
            audit.record(
                graph, ctx, "write", node_checks.check_write(graph, caller, kind, existing)
            )
        else:
            enroll_at = node_checks.check_create(graph, caller, kind)
        node, created = nodes.upsert(graph, kind, source_id, fields, enroll_at=enroll_at)
        if created:
            disclosed = node_checks.disclosed_by(graph, caller, kind, node["uid"])
            audit.record(graph, ctx, "write", disclosed)
        response.status_code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
        response.headers["Location"] = location.format(uid=node["uid"])
        return node

    @router.get("", response_model=PageOut)
    def list_nodes(
        graph: GraphDep,
        settings: SettingsDep,
        caller: CallerDep,
        ctx: AuditDep,
        filters: Annotated[ListFilters, Query()],
    ) -> Any:
        if filters.limit > settings.page_size_max:
            raise InvalidInput(f"limit may be at most {settings.page_size_max}")
        limited, visible = node_checks.list_filter(graph, caller, kind, filters.node_filter())
        page = nodes.list_nodes(graph, kind, limited, filters.cursor, filters.limit)
        audit.record(
            graph, ctx, "read", node_checks.listed(graph, caller, kind, page.items, visible)
        )
        return {"items": page.items, "next_cursor": page.next_cursor}

    return router


def erase(
    graph: Graph, settings: Settings, caller: Caller, ctx: audit.Request, kind: NodeKind, uid: str
) -> None:
    """Erase a node for good, the erase recorded in the audit before anything is removed."""
    disclosed = node_checks.check_write(graph, caller, kind, uid, erase=True)
    if kind is NodeKind.LEARNER:
        family_rights.erase_learner(graph, settings, ctx, uid)  # records the erase, then erases
    else:
        audit.record(graph, ctx, "erase", disclosed)
        nodes.erase(graph, kind, uid)


class ListFilters(BaseModel):
    """Query parameters of a list; each filter applies where the kind has the field."""

    model_config = {"extra": "forbid"}

    organization: Uid | None = None
    grade: Grade | None = None
    role: AdultRole | None = None
    kind: Annotated[str, StringConstraints(max_length=64)] | None = None
    name: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = None
    include_archived: bool = False
    cursor: Annotated[str, StringConstraints(max_length=512)] | None = None
    limit: Annotated[int, Field(ge=1)] = 50

    def node_filter(self) -> nodes.NodeFilter:
        return nodes.NodeFilter(
            grade=self.grade,
            role=self.role.value if self.role else None,
            kind=self.kind,
            name=self.name,
            organization=self.organization,
            include_archived=self.include_archived,
        )
