"""Every problem of a set at once, classified: each names its file, line, column, rule
(`code`) and value. In strict mode a set with an error is refused whole and nothing of it
is written (every file is checked before the first write).
"""

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.imports import oneroster
from lrm_graph.imports.oneroster import RosterRejected
from tests.imports import support


def drop_column(out: Path, name: str, column: str) -> None:
    header, rows = support.read(out, name)
    support.write(
        out,
        name,
        [c for c in header if c != column],
        [{k: v for k, v in r.items() if k != column} for r in rows],
    )


def change(out: Path, name: str, index: int, **values: str) -> None:
    header, rows = support.read(out, name)
    rows[index] |= values
    support.write(out, name, header, rows)


def duplicate(out: Path, name: str, index: int) -> None:
    header, rows = support.read(out, name)
    support.write(out, name, header, [*rows, rows[index]])


def append(out: Path, name: str, text: str) -> None:
    with (out / name).open("a", encoding="utf-8") as file:
        file.write(text)


CASES: dict[str, tuple[Callable[[Path], None], str]] = {  # the spoil, the first error
    "missing column": (
        lambda out: drop_column(out, "users.csv", "givenName"),
        "users.csv line 1, column givenName: a required column is missing from the header",
    ),
    "unknown class": (
        lambda out: change(out, "enrollments.csv", 3, classSourcedId="cls-nope"),
        "enrollments.csv line 5, column classSourcedId: "
        "no class with sourcedId 'cls-nope' in classes.csv",
    ),
    "unknown org": (
        lambda out: change(out, "classes.csv", 0, schoolSourcedId="org-nope"),
        "classes.csv line 2, column schoolSourcedId: no org with sourcedId 'org-nope' in orgs.csv",
    ),
    "bad date": (
        lambda out: change(out, "academicSessions.csv", 1, endDate="2026-13-40"),
        "academicSessions.csv line 3, column endDate: '2026-13-40' is not a date (YYYY-MM-DD)",
    ),
    "bad enrollment date": (
        lambda out: change(out, "enrollments.csv", 0, beginDate="01/09/2026"),
        "enrollments.csv line 2, column beginDate: '01/09/2026' is not a date (YYYY-MM-DD)",
    ),
    "duplicate sourcedId": (
        lambda out: duplicate(out, "orgs.csv", 1),
        "orgs.csv line 4, column sourcedId: 'org-school-001' appears already on line 3",
    ),
    "bad grade": (
        lambda out: change(out, "users.csv", 0, grades="13th"),
        "users.csv line 2, column grades: '13th': Input should be",
    ),
    "bad email": (
        lambda out: change(out, "users.csv", 0, email="not an email"),
        "users.csv line 2, column email: 'not an email': String should match pattern",
    ),
    "bad role": (
        lambda out: change(out, "roles.csv", 0, role="wizard"),
        "roles.csv line 2, column role: must be one of aide, counselor,",
    ),
    "bulk with status": (
        lambda out: change(out, "orgs.csv", 0, status="tobedeleted"),
        "orgs.csv line 2, column status: "
        "must be blank (or active) in a bulk file; got 'tobedeleted'",
    ),
    "teacher as student": (
        lambda out: change(out, "enrollments.csv", 0, role="student"),
        "enrollments.csv line 2, column role: user 'stf-",
    ),
    "ragged row": (
        lambda out: append(out, "courses.csv", "crs-x,,,as-1\r\n"),
        "courses.csv line 26: has 4 fields; the header has 10",
    ),
    "bad version": (
        lambda out: support.set_modes(out, "1.0", orgs="bulk", users="bulk"),
        "manifest.csv, column value: oneroster.version must be 1.1 or 1.2; got '1.0'",
    ),
    "file missing": (
        lambda out: (out / "classes.csv").unlink(),
        "classes.csv: the manifest says bulk but the file is missing",
    ),
}


CODES = {
    "missing column": "missing-column", "unknown class": "dangling-reference",
    "unknown org": "dangling-reference", "bad date": "date-format",
    "bad enrollment date": "date-format", "duplicate sourcedId": "duplicate-id",
    "bad grade": "field-value", "bad email": "field-value", "bad role": "enum-value",
    "bulk with status": "status", "teacher as student": "role-mismatch",
    "ragged row": "ragged-row", "bad version": "manifest-value", "file missing": "missing-file",
}  # fmt: skip


def first_error(report: dict) -> tuple[str, str]:
    """Return the first error's code and its text as `Problem.__str__` gives it."""
    p = next(p for p in report["problems"] if p["severity"] == "error")
    where = p["file"] + (f" line {p['line']}" if p["line"] is not None else "")
    where += f", column {p['column']}" if p["column"] else ""
    return p["code"], f"{where}: {p['message']}"


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_set_names_file_line_column_and_code(
    graph: Graph, settings: Settings, tmp_path: Path, case: str
) -> None:
    spoil, message = CASES[case]
    out = support.district(tmp_path)
    spoil(out)
    if case == "bad version":  # the manifest cannot be read: nothing else can be
        with pytest.raises(RosterRejected) as refused:
            support.run(graph, settings, out)
        assert refused.value.detail.startswith(message)
        return
    code, text = first_error(oneroster.run(graph, settings, out, check_only=True)["report"])
    assert (code, text[: len(message)]) == (CODES[case], message)


@pytest.mark.parametrize("case", ["unknown class", "duplicate sourcedId", "bad date"])
def test_bad_set_in_strict_mode_writes_nothing(
    client: TestClient, graph: Graph, settings: Settings, tmp_path: Path, case: str
) -> None:
    out = support.district(tmp_path)
    CASES[case][0](out)
    with pytest.raises(RosterRejected) as refused:
        oneroster.run(graph, settings, out, strict=True)
    assert refused.value.detail.startswith(CASES[case][1])
    for plural in ("learners", "adults", "organizations", "communities"):
        assert support.count(client, plural, include_archived=True) == 0
    assert client.get("/v1/relationships").json()["items"] == []


def test_bad_set_reports_every_problem_in_every_file(
    graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    out = support.district(tmp_path)
    change(out, "orgs.csv", 1, type="galaxy")
    change(out, "enrollments.csv", 2, userSourcedId="stu-nobody")
    report = oneroster.run(graph, settings, out, check_only=True)["report"]
    assert [(p["file"], p["line"], p["column"], p["code"]) for p in report["problems"]] == [
        ("orgs.csv", 3, "type", "enum-value"),
        ("enrollments.csv", 4, "userSourcedId", "dangling-reference"),
    ]
    school = report["problems"][0]
    # The school's classes, and their enrollments, are folded under it.
    assert school["knock_ons"] and {k["code"] for k in school["knock_ons"]} == {
        "skipped-dependency"
    }
    assert {k["file"] for k in school["knock_ons"]} >= {"classes.csv", "enrollments.csv"}
    # Its users' primaryOrgSourcedId links are left out (warnings); the rest are skipped.
    severities = [k["severity"] for k in school["knock_ons"]]
    assert report["errors"] == 2 + severities.count("error")
    assert report["warnings"] == severities.count("warning") > 0


def test_delta_naming_an_unknown_user_is_reported_and_refused_in_strict_mode(
    graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    out = support.district(tmp_path)
    support.run(graph, settings, out)
    header, rows = support.read(out, "enrollments.csv")
    delta = tmp_path / "delta"
    delta.mkdir()
    row = rows[1] | {"sourcedId": "enr-new", "userSourcedId": "stu-stranger", "status": "active"}
    support.write(delta, "enrollments.csv", header, [row])
    support.set_modes(delta, enrollments="delta")
    with pytest.raises(RosterRejected) as refused:
        oneroster.run(graph, settings, delta, strict=True)
    assert refused.value.detail == (
        "enrollments.csv line 2, column userSourcedId: "
        "no user 'stu-stranger' in this set or from an earlier import"
    )
