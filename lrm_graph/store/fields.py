"""The fields each node kind takes: the one declaration of the node kinds.

The API, bulk loads and the demo validate with these models, and `api/schemas/nodes.py`
makes the API's models from them (the database's per-label rules, a unique uid and a few
indexes, are in `lrm_graph/db/node_labels.py`, which names only fields of these). Its field
types serve
every other model that takes a name or free text too: `Name`, `Text` and the `Printable`
validator they share.
"""

from __future__ import annotations

import operator
import re
import types
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from functools import reduce
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    StringConstraints,
    ValidationInfo,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from lrm_graph.vocabulary import (
    AdultRole,
    CommunityKind,
    GoalKind,
    GoalStatus,
    NodeKind,
    OrganizationKind,
    ResourceKind,
    ScreeningStatus,
)

# C0 and C1 controls and DEL (a NUL, an escape sequence for a terminal), and the
# bidirectional overrides and isolates (U+202A..U+202E, U+2066..U+2069), which make a name
# display otherwise than it reads. A name or title is one line: no line or paragraph
# separator either. Free text keeps its line breaks (LF, CR) and nothing else of these.
UNPRINTABLE_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
UNPRINTABLE_IN_TEXT = re.compile("[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class Printable:
    """Refuse a string holding control or bidirectional-override characters (a 422 that
    names the field and the character), and normalise it to NFC.

    The one validator of every name, title and free text that people type: put it last in
    the field's `Annotated[str, StringConstraints(...), Printable()]`. A name or title is
    one line; `Printable(line_breaks=True)` is for free text (descriptions, notes).
    """

    line_breaks: bool = False

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        # NFC before the length rules (a composed text is what is stored and counted); the
        # check after them, on the stripped text, so a name may still end with a newline
        # that stripping removes.
        measured = core_schema.no_info_before_validator_function(_nfc, handler(source))
        return core_schema.with_info_after_validator_function(self._check, measured)

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        # The same rule for clients and contract tests: the characters it refuses, as a
        # pattern (`\uXXXX` escapes read the same in ECMA-262, Python and Rust regexes).
        found = handler(schema)
        refused = UNPRINTABLE_IN_TEXT if self.line_breaks else UNPRINTABLE_IN_LINE
        found["pattern"] = f"^[^{_escaped(refused.pattern[1:-1])}]*$"
        return found

    def _check(self, value: str, info: ValidationInfo) -> str:
        found = (UNPRINTABLE_IN_TEXT if self.line_breaks else UNPRINTABLE_IN_LINE).search(value)
        if found is None:
            return value
        what = "control characters" if self.line_breaks else "line breaks, control characters"
        raise PydanticCustomError(
            "unprintable_character",
            "{field} may not hold {what} or bidirectional overrides (found {character})",
            {
                "field": info.field_name or "the text",
                "what": what,
                "character": f"U+{ord(found.group()):04X}",
            },
        )


FREE_TEXT = Printable(line_breaks=True)


def _escaped(characters: str) -> str:
    r"""Return a character class's text with every non-ASCII or control character as
    `\uXXXX` (and `-` kept as the range it is)."""
    return "".join(c if 0x20 < ord(c) < 0x7F else f"\\u{ord(c):04x}" for c in characters)


def _nfc(value: Any) -> Any:
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


Name = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200), Printable()
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=4000), FREE_TEXT]
# A source_id is a key of the graph's (node_kind, source_id) index, which refuses a key
# over about 8 kB: a bound well under it, shared by the bulk load and the roster check.
SOURCE_ID_MAX = 256
SourceId = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=SOURCE_ID_MAX)
]
Email = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=254, pattern=r"^[^@\s]+@[^@\s]+$")
]
Url = Annotated[str, StringConstraints(max_length=2000, pattern=r"^https?://\S+$")]
IndustryCode = Annotated[str, StringConstraints(strip_whitespace=True, max_length=32)]
# OneRoster 1.2 grade codes (CEDS), so rosters and the API speak one language.
Grade = Literal[
    "IT", "PR", "PK", "TK", "KG", "01", "02", "03", "04", "05", "06", "07", "08", "09",
    "10", "11", "12", "13", "PS", "UG", "Other",
]  # fmt: skip


def without_rules(annotation: Any) -> Any:
    """Return a field's type with the rules of its `Annotated[...]` dropped, at any depth."""
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is Annotated:
        return without_rules(args[0])
    if origin in (Union, types.UnionType):
        return reduce(operator.or_, map(without_rules, args))
    if origin is list:
        return list[without_rules(args[0])]  # type: ignore[misc]
    return annotation


class NodeMeta(BaseModel):
    """What every stored node carries besides its kind's fields; the repository sets it."""

    model_config = ConfigDict(extra="ignore")

    uid: str
    node_kind: NodeKind
    name: str
    created_at: datetime
    updated_at: datetime
    archived_at: datetime | None = None


class Fields(BaseModel):
    """What every kind takes: the id it has in the system it came from."""

    model_config = ConfigDict(extra="forbid", use_enum_values=True)

    source_id: SourceId | None = Field(
        default=None, description="The id another system gave it (e.g. OneRoster sourcedId)."
    )


class PersonFields(Fields):
    given_name: Name
    family_name: Name
    preferred_name: Name | None = None
    email: Email | None = None


class LearnerFields(PersonFields):
    grade_level: Grade | None = None
    birth_date: date | None = None
    directory_opt_out: bool = False
    learning_preferences: list[Name] | None = Field(
        default=None, max_length=20, description="How the learner likes to learn, in their words."
    )


class AdultFields(PersonFields):
    roles: list[AdultRole] = Field(min_length=1, max_length=len(AdultRole))
    caseload_capacity: int | None = Field(default=None, ge=0, le=10_000)


class ExpertFields(PersonFields):
    # The schema says what `_cleared_has_approver_and_expiry` refuses.
    model_config = ConfigDict(
        json_schema_extra={
            "if": {
                "properties": {"screening_status": {"const": "cleared"}},
                "required": ["screening_status"],
            },
            "then": {
                "required": ["screened_by", "screening_expires_on"],
                "properties": {
                    "screened_by": {"type": "string"},
                    "screening_expires_on": {"type": "string"},
                },
            },
        }
    )

    caseload_capacity: int | None = Field(default=None, ge=0, le=10_000)
    screening_status: ScreeningStatus = ScreeningStatus.PENDING
    screening_expires_on: date | None = Field(
        default=None, description="The last day the screening holds; required when cleared."
    )
    screened_by: Name | None = Field(
        default=None, description="Who approved the screening; required when cleared."
    )

    @model_validator(mode="after")
    def _cleared_has_approver_and_expiry(self) -> ExpertFields:
        """Refuse a clearance nobody answers for or that never ends (safeguarding)."""
        if self.screening_status == ScreeningStatus.CLEARED:
            missing = [
                name for name in ("screened_by", "screening_expires_on") if not getattr(self, name)
            ]
            if missing:
                raise ValueError(f"a cleared screening needs {' and '.join(missing)}")
        return self


class CommunityFields(Fields):
    name: Name
    kind: CommunityKind
    description: Text | None = None
    open: bool = True


class OrganizationFields(Fields):
    name: Name
    kind: OrganizationKind


class IndustryFields(Fields):
    name: Name
    code: IndustryCode | None = None


class GoalFields(Fields):
    title: Name
    kind: GoalKind = GoalKind.AMBITION
    description: Text | None = None
    status: GoalStatus = GoalStatus.ACTIVE
    progress: int | None = Field(default=None, ge=0, le=100, description="Percent, as judged.")


class InterestFields(Fields):
    name: Name


class ResourceFields(Fields):
    name: Name
    kind: ResourceKind
    url: Url | None = None
    description: Text | None = None


FIELDS: dict[NodeKind, type[Fields]] = {
    NodeKind.LEARNER: LearnerFields,
    NodeKind.ADULT: AdultFields,
    NodeKind.EXPERT: ExpertFields,
    NodeKind.COMMUNITY: CommunityFields,
    NodeKind.ORGANIZATION: OrganizationFields,
    NodeKind.INDUSTRY: IndustryFields,
    NodeKind.GOAL: GoalFields,
    NodeKind.INTEREST: InterestFields,
    NodeKind.RESOURCE: ResourceFields,
}


def required_fields(kind: NodeKind) -> frozenset[str]:
    """Return the fields a node of `kind` must always have."""
    return frozenset(n for n, f in FIELDS[kind].model_fields.items() if f.is_required())


def display_name(kind: NodeKind, props: dict[str, Any]) -> str:
    """Return the name people see and search for: a person's preferred or given name."""
    if kind.is_person:
        first = props.get("preferred_name") or props.get("given_name") or ""
        return f"{first} {props.get('family_name') or ''}".strip()
    if kind is NodeKind.GOAL:
        return str(props.get("title") or "")
    return str(props.get("name") or "")
