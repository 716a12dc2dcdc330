"""Per-kind request and response models, made from the fields in `lrm_graph.records.fields`."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, create_model

from lrm_graph.records.fields import FIELDS, Fields, NodeMeta
from lrm_graph.vocabulary import NodeKind


def _title(kind: NodeKind) -> str:
    return kind.value.capitalize()


def _optional_fields(fields: type[Fields]) -> dict[str, Any]:
    """Return every field of `fields` as optional, defaulting to None."""
    return {name: (_or_none(info.annotation), None) for name, info in fields.model_fields.items()}


def _or_none(annotation: Any) -> Any:
    return annotation | None


def _update_model(kind: NodeKind, fields: type[Fields]) -> type[BaseModel]:
    """Every field optional; sending null removes an optional field."""
    optional = _optional_fields(fields)
    return create_model(  # type: ignore[call-overload,no-any-return]
        f"{_title(kind)}Update",
        __config__=ConfigDict(extra="forbid"),
        **optional,
    )


def _out_model(kind: NodeKind, fields: type[Fields]) -> type[BaseModel]:
    # Answers carry what is stored; a record stored before a field became required
    # must still be readable, so every kind field is optional on the way out.
    return create_model(  # type: ignore[call-overload,no-any-return]
        f"{_title(kind)}Out", __base__=NodeMeta, **_optional_fields(fields)
    )


def _page_model(kind: NodeKind, out: type[BaseModel]) -> type[BaseModel]:
    return create_model(  # type: ignore[call-overload,no-any-return]
        f"{_title(kind)}Page",
        items=(list[out], ...),  # type: ignore[valid-type]
        next_cursor=(str | None, None),
    )


class KindModels:
    """The create, update, out and page models of one kind."""

    def __init__(self, kind: NodeKind) -> None:
        fields = FIELDS[kind]
        self.create = create_model(f"{_title(kind)}Create", __base__=fields)
        self.update = _update_model(kind, fields)
        self.out = _out_model(kind, fields)
        self.page = _page_model(kind, self.out)


MODELS = {kind: KindModels(kind) for kind in NodeKind}
