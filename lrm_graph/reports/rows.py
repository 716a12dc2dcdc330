"""The row of each report section, declared once.

A section's CSV columns are its row's fields, in order (`catalogue.Section.columns`); the
API's answer models are built from these rows (`api/schemas/reports.py`); the queries
return them (each `cypher/reports/` file names the row it returns) and the report code
picks fields by them. A field added here shows in the JSON answer, its schema and the CSV.
A row that holds a learner and an adult lists the adult's model first among its bases:
pydantic puts the fields of the last base first, and the learner comes first in a row.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field, create_model

from lrm_graph.records.ratings import ELEMENTS
from lrm_graph.vocabulary import NodeKind, RelType


def fields_of(row: type[BaseModel]) -> tuple[str, ...]:
    """Return the fields of a row, in order: its columns."""
    return tuple(row.model_fields)


class LearnerRow(BaseModel):
    learner_uid: str
    learner_name: str | None = None
    grade_level: str | None = None


class AdultRef(BaseModel):
    adult_uid: str
    adult_name: str | None = None
    adult_kind: NodeKind


class AtRiskRelationship(BaseModel):
    uid: str | None = None
    type: RelType
    adult_uid: str
    adult_name: str | None = None
    adult_kind: NodeKind
    since: date | None = None
    until: date | None = None
    last_interaction_at: datetime | None = None
    risk: Literal["quiet", "never_logged", "ending"]


# Why a learner is on the unmentored report: no active caring adult ('none'), or every
# caring tie at risk: quiet (logged interactions stopped), never logged, or ending.
Reason = Literal["none", "quiet", "never_logged", "ending"]
AT_RISK: tuple[str, ...] = ("quiet", "never_logged", "ending")


class UnmentoredRow(LearnerRow):
    reason: Reason
    relationships: list[AtRiskRelationship]


class OneAdultRow(AdultRef, LearnerRow):
    pass


class SoleAdultRow(AdultRef):
    learners: int
    learner_uids: list[str]


class CaseloadRow(BaseModel):
    adult_uid: str
    adult_name: str | None = None
    roles: list[str] | None = None
    capacity: int | None = None
    learners: int
    learners_in_scope: int
    room: int | None = None
    status: Literal["overloaded", "full", "room", "no capacity set"]


class UnnamedRow(AdultRef, LearnerRow):
    types: list[RelType]


class UnrecordedRow(AdultRef, LearnerRow):
    trusted_since: date | None = None


class CoverageRow(BaseModel):
    """Each count `with_x` is followed by its share of the learners, `share_x`."""

    organization_uid: str | None = None
    organization_name: str | None = None
    grade_level: str | None = None
    learners: int
    with_caring_adult: int
    share_caring_adult: float
    with_two_caring_adults: int
    share_two_caring_adults: float
    with_community: int
    share_community: float
    with_goal: int
    share_goal: float
    with_connected_goal: int
    share_connected_goal: float


class UnratedRow(LearnerRow):
    relationships: int = Field(description="Active caring relationships (none rated).")


# One field per element of the Developmental Relationships Framework, as ratings name them.
LackingRow = create_model(
    "LackingRow",
    __base__=UnratedRow,
    lacking=(list[Literal[ELEMENTS]], ...),  # type: ignore[valid-type]
    **{
        element: (int | None, Field(default=None, description="Best current score."))
        for element in ELEMENTS
    },  # type: ignore[call-overload]
)
