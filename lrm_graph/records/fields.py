"""The fields each node kind takes: the one declaration of the node kinds.

The API, bulk loads and the demo validate with these models, and `api/schemas/nodes.py`
makes the API's models from them (the database's per-label rules, a unique uid and a few
indexes, are in `lrm_graph/db/node_labels.py`, which names only fields of these).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

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

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=4000)]
SourceId = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=256)]
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
