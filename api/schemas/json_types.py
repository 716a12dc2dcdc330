"""Values taken as their JSON schema types them, not as pydantic's lax mode would coerce
them: `false` is no integer, `0` no boolean, `0` or `"0.5"` no date or time (lax mode reads
a number as seconds since 1970). Only the API's input models use these: the CLI and the CSV
imports build the same records from text, through `lrm_graph.store.fields`, as before."""

from __future__ import annotations

import re
import types
from collections.abc import Callable
from datetime import date, datetime
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import AwareDatetime, BeforeValidator, field_validator
from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# A date alone still reads as its midnight, as it did before (a client may send one).
ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}.*)?")


def _refuse(kind: str, value: Any) -> PydanticCustomError:
    return PydanticCustomError(
        "json_type", "must be {kind}, not {value}", {"kind": kind, "value": repr(value)[:40]}
    )


def _boolean(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    raise _refuse("true or false", value)


def integer(value: Any) -> Any:
    """Return an integer as JSON has it (2.0 too, as JSON Schema counts it); refuse a
    boolean, a fraction or a text."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    raise _refuse("an integer", value)


def _date_text(value: Any) -> Any:
    if isinstance(value, date) or (isinstance(value, str) and ISO_DATE.fullmatch(value)):
        return value
    raise _refuse("a date, YYYY-MM-DD", value)


def _datetime_text(value: Any) -> Any:
    if isinstance(value, datetime) or (isinstance(value, str) and ISO_DATETIME.fullmatch(value)):
        return value
    raise _refuse("a date and time, ISO 8601 (YYYY-MM-DDThh:mm...)", value)


IsoDate = Annotated[date, BeforeValidator(_date_text)]
IsoDateTime = Annotated[datetime, BeforeValidator(_datetime_text)]
IsoAwareDateTime = Annotated[AwareDatetime, BeforeValidator(_datetime_text)]
_CHECKS: dict[Any, Callable[[Any], Any]] = {
    bool: _boolean,
    int: integer,
    date: _date_text,
    datetime: _datetime_text,
}


def _check_of(annotation: Any) -> Callable[[Any], Any] | None:
    """Return the check of a field's type: bool, int, date or datetime, alone or with None
    (or inside Annotated); None for any other type."""
    if annotation in _CHECKS:
        return _CHECKS[annotation]
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is Annotated:
        return _check_of(args[0])
    if origin in (Union, types.UnionType):
        checks = {_check_of(arg) for arg in args if arg is not type(None)}
        return checks.pop() if len(checks) == 1 else None
    return None


def json_type_checks(fields: dict[str, FieldInfo]) -> dict[str, Any]:
    """Return the before-validators (for `create_model(__validators__=...)`) that take the
    bool, int, date and datetime fields as JSON types them; null passes to the field's own
    rules."""
    validators: dict[str, Any] = {}
    for name, field in fields.items():
        check = _check_of(field.annotation)
        if check is not None:
            validators[f"_json_{name}"] = field_validator(name, mode="before")(_nullable(check))
    return validators


def _nullable(check: Callable[[Any], Any]) -> Any:
    def checked(cls: type, value: Any) -> Any:
        return value if value is None else check(value)

    return classmethod(checked)  # type: ignore[arg-type]
