"""A report's full list, streamed: CSV or NDJSON read from Neo4j a page at a time.

`stream_report` is the use case of `GET /v1/reports/{name}.csv` (and `?format=csv|
ndjson`), the web app's CSV download and `lrm report NAME --format csv|ndjson`. Each page
of `PAGE` rows (keyset: after the last row's key, in the section's order) is read and its
learners recorded in the audit in one transaction, one entry per learner, before the page
is written out; a page whose audit cannot be written ends the stream there (the rows
already sent were recorded; none after it are sent). The first page is read and recorded
before the answer starts, so that a refusal (403, 404, 422) or an audit that cannot be
written (503) is a problem answer, not a cut stream. Memory holds one page, whatever the
size of the district, and the uids of the learners recorded (each recorded once, however
many sections list them; for a caller who sees only some learners, also their uids).

A section ordered by learner uid is read a page a time, each page on the index of
learner uids (a deep page costs what the first does). One ordered by a count (caseloads,
sole adults) would work every count out again on each page: after its first page, its
rows come from one query (`Section.rest`), fetched from Neo4j a page at a time as they
are written out, each page recorded in the audit before it is sent, as above.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import islice

from lrm_graph import clock, tabular
from lrm_graph.access import audit, report_scope
from lrm_graph.access.report_scope import ReportScope
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.errors import InvalidInput, LrmError
from lrm_graph.reports.catalogue import Report, Section, get
from lrm_graph.reports.common import Context, Filters, Options, Rows
from lrm_graph.reports.paging import Key, every_page, key_of
from lrm_graph.reports.runner import context, disclosed_by, to_columns

log = logging.getLogger(__name__)

PAGE = 1000  # rows read, recorded and written at a time
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "ndjson": "application/x-ndjson"}


@dataclass
class Stream:
    """A report on its way out: its file name, media type and its text, page by page."""

    filename: str
    media_type: str
    chunks: Iterator[str]
    scope: str = "the whole district"  # the learners it covers (ReportScope.describe)


@dataclass
class _Reader:
    """Reads a report's sections page after page, recording each page in the audit."""

    graph: Graph
    request: audit.Request
    report: Report
    ctx: Context
    scope: ReportScope
    size: int
    shown: list[Section]  # the sections this run lists, in order
    # Learners recorded so far: a learner in two sections (or pages) is recorded once. The
    # one thing that grows with the report: a uid per learner listed (about 10 MB for
    # 100,000), never their rows.
    recorded: set[str] = field(default_factory=set)

    def pages(self, first: tuple[Section, Rows] | None) -> Iterator[tuple[Section, Rows]]:
        """Yield (section, rows) pages: `first` (already read), then the rest."""
        if first is None:
            return
        start, rows = first
        for section in self.shown[self.shown.index(start) :]:
            read = partial(self.read_alone, section)
            given = rows if section is start else None
            if section.rest is None:
                for page in every_page(read, section.order, self.size, given):
                    yield section, page
                continue
            head = read(None, self.size) if given is None else given
            if head:
                yield section, head
            if len(head) == self.size:
                for page in self.rest(section, key_of(section.order, head[-1])):
                    yield section, page

    def rest(self, section: Section, after: Key) -> Iterator[Rows]:
        """Yield the pages of a section ordered by a count after `after`: its rows from one
        query (`Section.rest`), read as they come, each page recorded before it is given."""
        assert section.rest is not None
        rows = section.rest(self.graph, self.ctx, after)
        while page := list(islice(rows, self.size)):
            with audit.operation(self.graph, self.request, "read") as op:
                self.record(op, page)
            yield page

    def first(self, op: audit.Operation) -> tuple[Section, Rows] | None:
        """Read and record the first page that has rows (None: the report lists nobody)."""
        for section in self.shown:
            rows = self.read(op, section, None, self.size)
            if rows:
                return section, rows
        return None

    def read_alone(self, section: Section, after: Key | None, size: int) -> Rows:
        """Read and record a page in a transaction of its own."""
        with audit.operation(self.graph, self.request, "read") as op:
            return self.read(op, section, after, size)

    def read(self, op: audit.Operation, section: Section, after: Key | None, size: int) -> Rows:
        rows = self.report.page(op.graph, self.ctx, section.name, after, size) or []
        self.record(op, rows)
        return rows

    def record(self, op: audit.Operation, rows: Rows) -> None:
        """Record in `op` the learners `rows` name that no page before named."""
        new = disclosed_by(rows) - self.recorded
        op.record(self.scope.purposes(new))
        self.recorded |= new


def stream_report(
    graph: Graph,
    request: audit.Request,
    settings: Settings,
    name: str,
    filters: Filters,
    options: Options,
    fmt: str = "csv",
    size: int = PAGE,
) -> Stream:
    """Start streaming the report `name` for the caller as `fmt` (csv or ndjson); 403, 404
    and 422 as `run_report`, 503 when the first page's audit cannot be written."""
    if fmt not in MEDIA_TYPES:
        raise InvalidInput(f"format must be one of {', '.join(MEDIA_TYPES)}")
    report = get(name)
    with audit.operation(graph, request, "read") as op:
        scope = report_scope.scope_for(op.graph, request.caller)
        ctx = context(op.graph, settings, report, filters, options, scope)
        shown = [s for s in report.sections if s.shown(ctx)]
        reader = _Reader(graph, request, report, ctx, scope, size, shown)
        first = reader.first(op)
    filename = f"{name}-{ctx.today.isoformat()}.{fmt}"
    chunks = _text(report, reader.pages(first), shown, fmt)
    return Stream(filename, MEDIA_TYPES[fmt], chunks, scope.describe())


def _text(
    report: Report, pages: Iterator[tuple[Section, Rows]], shown: list[Section], fmt: str
) -> Iterator[str]:
    started = clock.now()
    columns = to_columns(report, shown)
    several = columns[0] == "section"
    if fmt == "csv":
        yield tabular.csv_text([], columns)
    written = 0
    try:
        for section, rows in pages:
            if several or fmt == "ndjson":
                rows = [{"section": section.name, **row} for row in rows]
            written += len(rows)
            if fmt == "csv":
                yield tabular.csv_text(rows, columns, header=False)
            else:
                yield tabular.ndjson_text(rows)
    except LrmError:
        log.warning("report stream stopped after %d rows (%s): a page could not be read or "
                    "recorded", written, clock.now() - started)  # fmt: skip
        raise
