"""The report of a set, through the CLI: every fault and normalisation of the tiny set
(1.1 and 1.2), classified; `--check` writes nothing; by default valid rows are applied and
the rows with errors, and those that depend on them, skipped; `--strict` and the threshold
refuse the set whole.
"""

import csv
import io
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from lrm_graph.config import Settings
from tests.imports import support, tiny


def check(settings: Settings, out: Path, *options: str) -> tuple[int, dict]:
    result = support.lrm(
        settings, "import", "oneroster", str(out), "--check", "--format", "json", *options
    )
    return result.exit_code, json.loads(result.stdout)


def spoiled(version: str, file: str, index: int, **values: str) -> dict:
    files = tiny.rows(version)
    files[file][index] |= values
    return files


BOTH = ("1.1", "1.2")
# (versions, file, row, values) -> (severity, code, file:line, column, value) expected
FAULTS = {
    "enum case": (BOTH, "classes", 0, {"classType": "Scheduled"},
                  ("warning", "enum-case", "classes.csv:2", "classType", "Scheduled")),
    "enum case 1.1 role": (("1.1",), "users", 1, {"role": "Student"},
                           ("warning", "enum-case", "users.csv:3", "role", "Student")),
    "enum case 1.2 role": (("1.2",), "roles", 1, {"role": "Student"},
                           ("warning", "enum-case", "roles.csv:3", "role", "Student")),
    "date-time": (BOTH, "enrollments", 0, {"beginDate": "2026-09-01T00:00:00Z"},
                  ("warning", "date-time", "enrollments.csv:2", "beginDate",
                   "2026-09-01T00:00:00Z")),
    "ambiguous date": (BOTH, "enrollments", 0, {"beginDate": "1/09/2026"},
                       ("error", "date-format", "enrollments.csv:2", "beginDate", "1/09/2026")),
    "blank reference": (BOTH, "classes", 1, {"termSourcedIds": "t1,"},
                        ("warning", "blank-reference", "classes.csv:3", "termSourcedIds", "t1,")),
    "dangling parent": (BOTH, "orgs", 1, {"parentSourcedId": "d9"},
                        ("warning", "dangling-reference", "orgs.csv:3", "parentSourcedId", "d9")),
    "school under school": (BOTH, "orgs", 2, {"parentSourcedId": "s1"},
                            ("warning", "org-hierarchy", "orgs.csv:4", "parentSourcedId", "s1")),
    "teacher as student": (BOTH, "enrollments", 2, {"role": "student"},
                           ("error", "role-mismatch", "enrollments.csv:4", "role", "student")),
    "student as teacher": (BOTH, "enrollments", 0, {"role": "teacher"},
                           ("error", "role-mismatch", "enrollments.csv:2", "role", "teacher")),
    "teacher as agent": (BOTH, "users", 1, {"agentSourcedIds": "tea1"},
                         ("warning", "agent-role", "users.csv:3", "agentSourcedIds", "tea1")),
    "bad modified": (BOTH, "orgs", 1, {"dateLastModified": "1/05/2023"},
                     ("error", "date-format", "orgs.csv:3", "dateLastModified", "1/05/2023")),
    "bad modified users": (BOTH, "users", 0, {"dateLastModified": "1/05/2023"},
                           ("error", "date-format", "users.csv:2", "dateLastModified",
                            "1/05/2023")),
    "1.2 inactive": (("1.2",), "orgs", 1, {"status": "inactive"},
                     ("error", "status", "orgs.csv:3", "status", "inactive")),
    "sourcedId too long": (BOTH, "enrollments", 0, {"sourcedId": "e" * 300},
                           ("error", "field-value", "enrollments.csv:2", "sourcedId",
                            "e" * 40 + "...")),
    "1.1 inactive": (("1.1",), "orgs", 1, {"status": "inactive"},
                     ("warning", "status-inactive", "orgs.csv:3", "status", "inactive")),
}  # fmt: skip
SETS = [(version, mode) for version in BOTH for mode in ("bulk", "delta")]


def check_through_the_api(client: TestClient, out: Path) -> dict:
    """Upload a set with check=true; return its job's report."""
    files = {"file": ("set.zip", support.zipped(out), "application/zip")}
    accepted = client.post(
        "/v1/imports/oneroster", files=files, params={"check": True, "max_skipped": 100}
    )
    assert accepted.status_code == 202, accepted.text
    done = client.get(f"/v1/imports/{accepted.json()['id']}").json()
    assert done["status"] == "checked", done
    return done["report"]


@pytest.mark.parametrize("case", sorted(FAULTS))
def test_check_classifies_each_fault_and_normalisation(
    client: TestClient, settings: Settings, tmp_path: Path, case: str
) -> None:
    """Each spoil in each version it applies to, in a bulk set and in a delta, through the
    CLI (`--check`) and the API (`check=true`): the same problem, once."""
    versions, file, row, values, expected = FAULTS[case]
    for version, mode in SETS:
        if version not in versions:
            continue
        where = tmp_path / f"{version}-{mode}"
        out = tiny.write(where, spoiled(version, file, row, **values), version, mode)
        code, report = check(settings, out, "--max-skipped", "100")
        for through, found in (("cli", report), ("api", check_through_the_api(client, out))):
            problems = tiny.problems(found)
            assert expected in problems, (version, mode, through, problems)
            assert [p[:2] for p in problems].count(expected[:2]) == 1, (version, mode, through)
        assert code == 0
    assert support.count(client, "organizations", include_archived=True) == 0  # nothing written


def test_check_of_a_clean_set_reports_nothing(settings: Settings, tmp_path: Path) -> None:
    for version, mode in SETS:
        out = tiny.write(tmp_path / f"{version}-{mode}", tiny.rows(version), version, mode)
        code, report = check(settings, out)
        assert (code, report["errors"], report["warnings"], report["problems"]) == (0, 0, 0, [])


@pytest.mark.parametrize(("version", "mode"), SETS)
def test_unknown_columns_are_warnings_with_did_you_mean(
    client: TestClient, settings: Settings, tmp_path: Path, version: str, mode: str
) -> None:
    extra = {"users": ["prefferedGivenName", "grade", "agents"], "orgs": ["dataLastModified"]}
    out = tiny.write(tmp_path / "set", tiny.rows(version), version, mode, extra=extra)
    code, report = check(settings, out)
    assert code == 0
    for found in (report, check_through_the_api(client, out)):
        messages = {p["value"]: p["message"] for p in found["problems"]}
        assert {p["code"] for p in found["problems"]} == {"unknown-column"}
        preferred = "did you mean 'preferredGivenName'?"  # a column of 1.2's users.csv only
        if version == "1.1":
            preferred = "is not a column of users.csv in OneRoster 1.1"
        assert messages["prefferedGivenName"].endswith(preferred)
        assert messages["dataLastModified"].endswith("did you mean 'dateLastModified'?")
        assert messages["grade"].endswith("did you mean 'grades'?")
        assert messages["agents"] == (
            f"'agents' is not a column of users.csv in OneRoster {version}"
        )


def test_roles_file_that_fails_folds_every_user_under_it(
    settings: Settings, tmp_path: Path
) -> None:
    out = tiny.write(tmp_path / "set", tiny.rows("1.2"))
    header, rows = support.read(out, "roles.csv")
    support.write(out, "roles.csv", [c for c in header if c != "role"], [
        {k: v for k, v in r.items() if k != "role"} for r in rows
    ])  # fmt: skip
    code, report = check(settings, out)
    assert code == 1  # every row of roles.csv, and so every user, would be skipped
    [cause] = report["problems"]
    assert (cause["code"], cause["file"], cause["column"]) == (
        "missing-column",
        "roles.csv",
        "role",
    )
    no_role = [k for k in cause["knock_ons"] if k["file"] == "users.csv"]
    assert len(no_role) == 4 and all(k["code"] == "skipped-dependency" for k in no_role)


def test_report_as_csv_names_each_knock_on_cause(settings: Settings, tmp_path: Path) -> None:
    out = tiny.write(tmp_path / "set", spoiled("1.2", "classes", 1, classType="lecture"))
    result = support.lrm(settings, "import", "oneroster", str(out), "--check", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert result.exit_code == 1  # half of classes.csv would be skipped: over 10%
    assert "the import would be refused: refused: classes.csv would skip 1 of 2" in result.stderr
    assert [(r["code"], r["file"], r["line"], r["cause"]) for r in rows] == [
        ("enum-value", "classes.csv", "3", ""),
        ("skipped-dependency", "enrollments.csv", "3", "classes.csv:3 classType"),
    ]


def test_default_import_applies_valid_rows_and_skips_the_rest(
    client: TestClient, settings: Settings, tmp_path: Path
) -> None:
    out = tiny.write(tmp_path / "set", spoiled("1.2", "classes", 1, classType="lecture"))
    result = support.lrm(settings, "import", "oneroster", str(out), "--max-skipped", "50")
    assert result.exit_code == 0, result.output
    assert "error   enum-value" in result.stdout and "skipped 2 rows with errors" in result.stdout
    assert support.count(client, "communities") == 1  # cls1; cls2 was skipped
    assert support.count(client, "learners") == 2
    stu2 = support.by_source(client, "learners", "stu2")
    assert support.relationships_of(client, stu2["uid"], type="MEMBER_OF") == []


def test_threshold_and_strict_refuse_the_whole_set(
    client: TestClient, settings: Settings, tmp_path: Path
) -> None:
    out = tiny.write(tmp_path / "set", spoiled("1.1", "classes", 1, classType="lecture"), "1.1")
    over = support.lrm(settings, "import", "oneroster", str(out))
    strict = support.lrm(
        settings, "import", "oneroster", str(out), "--strict", "--max-skipped", "100"
    )
    assert (over.exit_code, strict.exit_code) == (1, 1)
    assert over.stderr.startswith("error: refused: classes.csv would skip 1 of 2 rows (over 10%)")
    assert strict.stderr.startswith("error: classes.csv line 3, column classType: must be one of")
    assert "enum-value" in strict.stdout  # the report is printed before the refusal
    assert support.count(client, "organizations", include_archived=True) == 0


def test_agents_become_guardians_only_as_parent_guardian_or_relative(
    client: TestClient, settings: Settings, tmp_path: Path
) -> None:
    out = tiny.write(tmp_path / "set", spoiled("1.2", "users", 1, agentSourcedIds="tea1"))
    assert support.lrm(settings, "import", "oneroster", str(out)).exit_code == 0
    teacher = support.by_source(client, "adults", "tea1")
    parent = support.by_source(client, "adults", "par1")
    assert support.relationships_of(client, teacher["uid"], type="GUARDIAN_OF") == []
    [guardian] = support.relationships_of(client, parent["uid"], type="GUARDIAN_OF")
    assert guardian["to_uid"] == support.by_source(client, "learners", "stu1")["uid"]


def test_school_under_a_school_is_not_part_of_it(
    client: TestClient, settings: Settings, tmp_path: Path
) -> None:
    out = tiny.write(tmp_path / "set", spoiled("1.2", "orgs", 2, parentSourcedId="s1"))
    assert support.lrm(settings, "import", "oneroster", str(out)).exit_code == 0
    south = support.by_source(client, "organizations", "s2")
    links = support.relationships_of(client, south["uid"], type="PART_OF")
    assert [link for link in links if link["from_uid"] == south["uid"]] == []
    north = support.by_source(client, "organizations", "s1")
    [district] = [r for r in support.relationships_of(client, north["uid"], type="PART_OF")
                  if r["from_uid"] == north["uid"]]  # fmt: skip
    assert district["to_uid"] == support.by_source(client, "organizations", "d1")["uid"]
