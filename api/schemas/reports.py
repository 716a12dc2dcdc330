"""Report request (query) and response models."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from lrm_graph.records.fields import Grade
from lrm_graph.reports import DEFAULT_DAYS, DEFAULT_MIN_LEARNERS, Filters, Options
from lrm_graph.reports.common import MAX_DAYS, MAX_SCORE
from lrm_graph.vocabulary import NodeKind, RelType

Uid = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=128)]


# --- query parameters -------------------------------------------------------------------


class ReportQuery(BaseModel):
    """The filters every report takes, and the answer's format."""

    model_config = ConfigDict(extra="forbid")

    organization: Uid | None = Field(
        default=None, description="An Organization uid: learners actively enrolled there."
    )
    grade: Grade | None = Field(default=None, description='A learner grade_level, e.g. "09".')
    community: Uid | None = Field(
        default=None, description="A Community uid: learners who are active members."
    )
    format: Literal["json", "csv"] = Field(
        default="json", description="csv: a download (also at /v1/reports/<name>.csv)."
    )

    def filters(self) -> Filters:
        return Filters(self.organization, self.grade, self.community)

    def options(self) -> Options:
        return Options()


class UnmentoredQuery(ReportQuery):
    days: int = Field(default=DEFAULT_DAYS, ge=1, le=MAX_DAYS, description="Quiet or ending.")

    def options(self) -> Options:
        return Options(days=self.days)


class FragileQuery(ReportQuery):
    min_learners: int = Field(default=DEFAULT_MIN_LEARNERS, ge=1)
    without: Uid | None = Field(default=None, description="An adult uid: who'd be left?")

    def options(self) -> Options:
        return Options(min_learners=self.min_learners, without=self.without)


class ElementsQuery(ReportQuery):
    threshold: int | None = Field(
        default=None, ge=1, le=MAX_SCORE, description="Default: the element_threshold setting."
    )

    def options(self) -> Options:
        return Options(threshold=self.threshold)


class CoverageQuery(ReportQuery):
    as_of: date | None = Field(default=None, description="YYYY-MM-DD; default today.")

    def options(self) -> Options:
        return Options(as_of=self.as_of)


# --- answers ------------------------------------------------------------------------------


class ReportInfo(BaseModel):
    name: str
    description: str
    sections: list[str]
    options: list[str]
    path: str
    csv_path: str


class ReportList(BaseModel):
    items: list[ReportInfo]


class FiltersOut(BaseModel):
    organization: str | None = None
    grade: str | None = None
    community: str | None = None


class ReportOut(BaseModel):
    """What every report answer carries besides its own parameters and sections."""

    report: str
    description: str
    filters: FiltersOut
    caring_types: list[RelType]
    today: date
    generated_at: datetime


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
    risk: Literal["quiet", "ending"]


class UnmentoredRow(LearnerRow):
    reason: Literal["none", "quiet", "ending"]
    relationships: list[AtRiskRelationship]


class UnmentoredSections(BaseModel):
    learners: list[UnmentoredRow]


class UnmentoredParameters(BaseModel):
    days: int


class UnmentoredReport(ReportOut):
    parameters: UnmentoredParameters
    sections: UnmentoredSections


class OneAdultRow(LearnerRow, AdultRef):
    pass


class SoleAdultRow(AdultRef):
    learners: int
    learner_uids: list[str]


class FragileSections(BaseModel):
    one_caring_adult: list[OneAdultRow]
    sole_adults: list[SoleAdultRow]
    if_adult_left: list[LearnerRow] | None = Field(
        default=None, description="Only when `without` names an adult."
    )


class FragileParameters(BaseModel):
    min_learners: int
    without: str | None = None


class FragileReport(ReportOut):
    parameters: FragileParameters
    sections: FragileSections


class CaseloadRow(BaseModel):
    adult_uid: str
    adult_name: str | None = None
    roles: list[str] | None = None
    capacity: int | None = None
    learners: int
    learners_in_scope: int
    room: int | None = None
    status: Literal["overloaded", "full", "room", "no capacity set"]


class CaseloadSections(BaseModel):
    adults: list[CaseloadRow]


class NoParameters(BaseModel):
    pass


class CaseloadReport(ReportOut):
    parameters: NoParameters
    sections: CaseloadSections


class NoCommunitySections(BaseModel):
    no_community: list[LearnerRow]
    no_home_base: list[LearnerRow]


class NoCommunityReport(ReportOut):
    parameters: NoParameters
    sections: NoCommunitySections


class UnnamedRow(LearnerRow, AdultRef):
    types: list[RelType]


class UnrecordedRow(LearnerRow, AdultRef):
    trusted_since: date | None = None


class VoiceMismatchSections(BaseModel):
    unnamed_by_learner: list[UnnamedRow]
    trusted_not_on_record: list[UnrecordedRow]


class VoiceMismatchReport(ReportOut):
    parameters: NoParameters
    sections: VoiceMismatchSections


class CoverageRow(BaseModel):
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


class CoverageSections(BaseModel):
    groups: list[CoverageRow]


class CoverageParameters(BaseModel):
    as_of: date


class CoverageReport(ReportOut):
    parameters: CoverageParameters
    sections: CoverageSections


Element = Literal[
    "express_care", "challenge_growth", "provide_support", "share_power", "expand_possibilities"
]


class UnratedRow(LearnerRow):
    relationships: int = Field(description="Active caring relationships (none rated).")


class LackingRow(UnratedRow):
    lacking: list[Element]
    express_care: int | None = Field(default=None, description="Best current score.")
    challenge_growth: int | None = None
    provide_support: int | None = None
    share_power: int | None = None
    expand_possibilities: int | None = None


class ElementsSections(BaseModel):
    lacking: list[LackingRow]
    unrated: list[UnratedRow]


class ElementsParameters(BaseModel):
    threshold: int


class ElementsReport(ReportOut):
    parameters: ElementsParameters
    sections: ElementsSections


# Each report's query model and answer model, by report name.
MODELS: dict[str, tuple[type[ReportQuery], type[ReportOut]]] = {
    "unmentored": (UnmentoredQuery, UnmentoredReport),
    "fragile": (FragileQuery, FragileReport),
    "caseloads": (ReportQuery, CaseloadReport),
    "no-community": (ReportQuery, NoCommunityReport),
    "voice-mismatch": (ReportQuery, VoiceMismatchReport),
    "coverage": (CoverageQuery, CoverageReport),
    "relationship-elements": (ElementsQuery, ElementsReport),
}
