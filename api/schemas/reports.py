"""Report request (query) and response models.

The answer models are built from the reports' catalogue: each section lists the row
declared for it in `lrm_graph.reports.rows`, so a row's fields are written once.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, create_model

from api.schemas.json_types import IsoDate
from lrm_graph import reports
from lrm_graph.reports import DEFAULT_DAYS, DEFAULT_MIN_LEARNERS, Filters, Options, paging
from lrm_graph.reports.common import MAX_DAYS, MAX_SCORE
from lrm_graph.reports.paging import PageRequest
from lrm_graph.reports.rows import Reason
from lrm_graph.store.fields import Grade
from lrm_graph.vocabulary import RelType

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
    format: Literal["json", "csv", "ndjson"] = Field(
        default="json",
        description="csv or ndjson: every row, streamed (CSV also at /v1/reports/<name>.csv).",
    )
    limit: int = Field(
        default=paging.DEFAULT_LIMIT, ge=1, le=paging.MAX_LIMIT,
        description="Rows of each section in a page (JSON).",
    )  # fmt: skip
    cursor: str | None = Field(
        default=None, max_length=4096,
        description="A next_cursor (or one of next_cursors) of the page before.",
    )  # fmt: skip

    def page(self) -> PageRequest:
        return PageRequest(self.limit, self.cursor)

    def filters(self) -> Filters:
        return Filters(self.organization, self.grade, self.community)

    def options(self) -> Options:
        return Options()


class UnmentoredQuery(ReportQuery):
    days: int = Field(default=DEFAULT_DAYS, ge=1, le=MAX_DAYS, description="Quiet or ending.")
    reason: Reason | None = Field(default=None, description="Only this reason's learners.")

    def options(self) -> Options:
        return Options(days=self.days, reason=self.reason)


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
    as_of: IsoDate | None = Field(default=None, description="YYYY-MM-DD; default today.")

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


class SummaryCount(BaseModel):
    section: str
    reason: str | None = Field(
        default=None, description="unmentored: the reason; caseloads: the status."
    )
    school_uid: str | None = None
    school_name: str | None = None
    grade_level: str | None = None
    count: int


class Summary(BaseModel):
    """How many rows each section lists: in all, and per school, grade and reason."""

    total: dict[str, int]
    counts: list[SummaryCount]


class ReportOut(BaseModel):
    """What every report answer carries besides its own parameters and sections."""

    report: str
    description: str
    scope: str = Field(
        description='The learners the answer covers: "the whole district", or "the N '
        'learners the caller may see" (the filters narrow it further).'
    )
    filters: FiltersOut
    caring_types: list[RelType]
    today: date
    generated_at: datetime
    summary: Summary | None = Field(
        default=None, description="On a first page (no cursor); null on the pages after."
    )
    limit: int | None = Field(default=None, description="Rows of each section in a page.")
    next_cursor: str | None = Field(
        default=None, description="The next page of every section that has more; null: none."
    )
    next_cursors: dict[str, str | None] = Field(
        default_factory=dict, description="Per section: the cursor of its own next page."
    )


# The value each option had in a run (`parameters`), defaults filled in.
PARAMETER_TYPES: dict[str, Any] = {
    "days": (int, ...),
    "min_learners": (int, ...),
    "without": (str | None, None),
    "as_of": (date, ...),
    "threshold": (int, ...),
    "reason": (str | None, None),
}


def _title(name: str) -> str:
    """Return a report's name as a schema name: "no-community" -> "NoCommunity"."""
    return "".join(word.capitalize() for word in name.split("-"))


def _section(section: reports.Section) -> Any:
    rows = list[section.row]  # type: ignore[name-defined]
    if section.only_when is None:
        return (rows | None, Field(description=NOT_PAGED))
    return (rows | None, Field(default=None, description=f"{section.only_when} {NOT_PAGED}"))


NOT_PAGED = "Null on a page of the other sections (a cursor that pages only some)."


def answer_model(report: reports.Report) -> type[ReportOut]:
    """Build a report's answer model: its parameters, and its sections of rows."""
    title = _title(report.name)
    parameters = create_model(
        f"{title}Parameters", **{option: PARAMETER_TYPES[option] for option in report.options}
    )
    sections = create_model(f"{title}Sections", **{s.name: _section(s) for s in report.sections})
    answer: type[ReportOut] = create_model(
        f"{title}Report", __base__=ReportOut, parameters=(parameters, ...), sections=(sections, ...)
    )
    return answer


# Each report's query model, by report name (a report without options takes the filters).
QUERIES: dict[str, type[ReportQuery]] = {
    "unmentored": UnmentoredQuery,
    "fragile": FragileQuery,
    "coverage": CoverageQuery,
    "relationship-elements": ElementsQuery,
}

# Each report's query model and answer model, by report name.
MODELS: dict[str, tuple[type[ReportQuery], type[ReportOut]]] = {
    name: (QUERIES.get(name, ReportQuery), answer_model(report))
    for name, report in reports.REPORTS.items()
}
