"""Request and response models."""

from typing import Any

from pydantic import Field

# The JSON schema of a PATCH body: a change that names no field is refused (422).
AT_LEAST_ONE_FIELD: dict[str, Any] = {"minProperties": 1}


def _without_null(schema: dict[str, Any]) -> None:
    branches = [b for b in schema.pop("anyOf", []) if b != {"type": "null"}]
    if len(branches) == 1:
        schema.update(branches[0])
    elif branches:
        schema["anyOf"] = branches
    if schema.get("default", "") is None:
        del schema["default"]


def not_null() -> Any:
    """Return the field of an optional value that may be left out but not sent as null (a
    name a change cannot remove): the type stays `X | None` for pydantic, so a null is
    refused once, naming the field; the schema says no null."""
    return Field(default=None, json_schema_extra=_without_null)
