"""Per-kind request and response models, made from the fields in `lrm_graph.store.fields`."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, create_model
from pydantic.fields import FieldInfo
from pydantic.json_schema import SkipJsonSchema

from api.schemas import AT_LEAST_ONE_FIELD, not_null
from api.schemas.json_types import json_type_checks
from lrm_graph.store.fields import FIELDS, Fields, NodeMeta, SourceId, without_rules
from lrm_graph.vocabulary import NodeKind


def _title(kind: NodeKind) -> str:
    return kind.value.capitalize()


def _with_rules(field: FieldInfo) -> Any:
    """Return a field's type with its rules (lengths, ranges, `Printable`) kept."""
    return Annotated[(field.annotation, *field.metadata)] if field.metadata else field.annotation


def _update_model(kind: NodeKind, fields: type[Fields]) -> type[BaseModel]:
    """Every field optional, each with the rules it has in a create, so that a change is
    refused naming the field; sending null removes an optional field. The schema says what
    the use case refuses: a body that names no field, and null for a required field."""
    optional = {
        name: (_with_rules(f) | None, not_null() if f.is_required() else None)
        for name, f in fields.model_fields.items()
    }
    return create_model(  # type: ignore[call-overload,no-any-return]
        f"{_title(kind)}Update",
        __config__=ConfigDict(extra="forbid", json_schema_extra=AT_LEAST_ONE_FIELD),
        __validators__=json_type_checks(fields.model_fields),
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


def _replace_model(kind: NodeKind, fields: type[Fields]) -> type[BaseModel]:
    """A create whose source_id is the path's: the schema has none in the body (one the
    same as the path's is still taken, as before; another is a 422)."""
    return create_model(  # type: ignore[call-overload,no-any-return]
        f"{_title(kind)}Replace",
        __base__=fields,
        __validators__=json_type_checks(fields.model_fields),
        source_id=(SkipJsonSchema[SourceId | None], None),  # type: ignore[misc]
    )


class KindModels:
    """The create, replace (by source id), update, out and page models of one kind."""

    def __init__(self, kind: NodeKind) -> None:
        fields = FIELDS[kind]
        self.create = create_model(  # type: ignore[call-overload]
            f"{_title(kind)}Create",
            __base__=fields,
            __validators__=json_type_checks(fields.model_fields),
        )
        self.replace = _replace_model(kind, fields)
        self.update = _update_model(kind, fields)
        self.out = _out_model(kind, fields)
        self.page = _page_model(kind, self.out)


MODELS = {kind: KindModels(kind) for kind in NodeKind}
