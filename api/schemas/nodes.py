"""Per-kind request and response models, made from the fields in `lrm_graph.store.fields`."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, create_model
from pydantic.fields import FieldInfo

from lrm_graph.store.fields import FIELDS, Fields, NodeMeta, without_rules
from lrm_graph.vocabulary import NodeKind


def _title(kind: NodeKind) -> str:
    return kind.value.capitalize()


def _with_rules(field: FieldInfo) -> Any:
    """Return a field's type with its rules (lengths, ranges, `Printable`) kept."""
    return Annotated[(field.annotation, *field.metadata)] if field.metadata else field.annotation


def _update_model(kind: NodeKind, fields: type[Fields]) -> type[BaseModel]:
    """Every field optional, each with the rules it has in a create, so that a change is
    refused naming the field; sending null removes an optional field."""
    optional = {name: (_with_rules(f) | None, None) for name, f in fields.model_fields.items()}
    return create_model(  # type: ignore[call-overload,no-any-return]
        f"{_title(kind)}Update",
        __config__=ConfigDict(extra="forbid"),
        **optional,
    )


def _out_model(kind: NodeKind, fields: type[Fields]) -> type[BaseModel]:
    # Answers carry what is stored; a record stored before a field became required (or
    # before a rule of it) must still be readable, so every kind field is optional on the
    # way out and keeps its type, not its rules.
    stored = {
        name: (without_rules(f.annotation) | None, None) for name, f in fields.model_fields.items()
    }
    return create_model(  # type: ignore[call-overload,no-any-return]
        f"{_title(kind)}Out", __base__=NodeMeta, **stored
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
