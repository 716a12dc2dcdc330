"""One router per node kind: create, read, change, archive, erase, upsert, list."""

from typing import Annotated, Any

from fastapi import APIRouter, Body, Query, Response, status
from pydantic import BaseModel, Field, StringConstraints

from api.deps import GraphDep, SettingsDep
from api.disclosure import AuditDep
from api.schemas.nodes import MODELS
from lrm_graph.errors import InvalidInput
from lrm_graph.privacy import family_rights
from lrm_graph.records import node_cases
from lrm_graph.store import nodes
from lrm_graph.store.fields import FIELDS, Grade
from lrm_graph.vocabulary import AdultRole, NodeKind

Uid = Annotated[str, StringConstraints(min_length=1, max_length=128)]
SourceIdPath = Annotated[str, StringConstraints(min_length=1, max_length=256)]


def routers() -> list[APIRouter]:
    """Return the router of every node kind."""
    return [node_router(kind) for kind in NodeKind]


def node_router(kind: NodeKind) -> APIRouter:
    """Build the router of one kind; its models come from `api.schemas.nodes`.

    Each handler parses, calls the node's use case (`lrm_graph.records.node_cases`: the
    check, the audit entry and the work in one transaction) and shapes the answer.
    """
    models = MODELS[kind]
    Create, Replace, Update = models.create, models.replace, models.update
    Out, PageOut = models.out, models.page
    router = APIRouter(prefix=f"/{kind.plural}", tags=[kind.plural])
    location = f"/v1/{kind.plural}/{{uid}}"

    @router.post("", status_code=status.HTTP_201_CREATED, response_model=Out)
    def create_node(
        body: Create,  # type: ignore[valid-type]
        graph: GraphDep,
        ctx: AuditDep,
        response: Response,
    ) -> Any:
        fields = FIELDS[kind].model_validate(body.model_dump())  # type: ignore[attr-defined]
        node = node_cases.create(graph, ctx, kind, fields)
        response.headers["Location"] = location.format(uid=node["uid"])
        return node

    @router.get("/{uid}", response_model=Out)
    def get_node(uid: Uid, graph: GraphDep, ctx: AuditDep) -> Any:
        return node_cases.get(graph, ctx, kind, uid)

    @router.patch("/{uid}", response_model=Out)
    def update_node(
        uid: Uid,
        body: Update,  # type: ignore[valid-type]
        graph: GraphDep,
        ctx: AuditDep,
    ) -> Any:
        changes = body.model_dump(exclude_unset=True)  # type: ignore[attr-defined]
        return node_cases.update(graph, ctx, kind, uid, changes)

    @router.delete("/{uid}", response_model=Out)
    def archive_node(uid: Uid, graph: GraphDep, ctx: AuditDep) -> Any:
        """Archive: the node and its ended relationships stay as history."""
        return node_cases.archive(graph, ctx, kind, uid)

    @router.post("/{uid}/erase", status_code=status.HTTP_204_NO_CONTENT)
    def erase_node(uid: Uid, graph: GraphDep, settings: SettingsDep, ctx: AuditDep) -> Response:
        """Erase for good: the node, its relationships and the goals only it pursued."""
        if kind is NodeKind.LEARNER:  # a family's right, with its tombstone and scrubbing
            family_rights.erase_learner(graph, settings, ctx, uid)
        else:
            node_cases.erase(graph, ctx, kind, uid)
        return Response(status_code=status.HTTP_204_NO_CONTENT)

    @router.put(
        "/by-source/{source_id}",
        response_model=Out,
        responses={201: {"model": Out, "description": "Created (200: replaced)"}},
    )
    def upsert_node(
        source_id: SourceIdPath,
        body: Annotated[Replace, Body()],  # type: ignore[valid-type]
        graph: GraphDep,
        ctx: AuditDep,
        response: Response,
    ) -> Any:
        fields = FIELDS[kind].model_validate(body.model_dump(exclude_unset=True))  # type: ignore[attr-defined]
        node, created = node_cases.upsert(graph, ctx, kind, source_id.strip(), fields)
        response.status_code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
        response.headers["Location"] = location.format(uid=node["uid"])
        return node

    @router.get("", response_model=PageOut)
    def list_nodes(
        graph: GraphDep,
        settings: SettingsDep,
        ctx: AuditDep,
        filters: Annotated[ListFilters, Query()],
    ) -> Any:
        if filters.limit > settings.page_size_max:
            raise InvalidInput(f"limit may be at most {settings.page_size_max}")
        page = node_cases.list_page(
            graph, ctx, kind, filters.node_filter(), filters.cursor, filters.limit
        )
        return {"items": page.items, "next_cursor": page.next_cursor}

    return router


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
