"""`lrm generate`, `lrm import oneroster` and `lrm import lrm`: exit codes and output."""

import re
from pathlib import Path

from fastapi.testclient import TestClient

from lrm_graph.config import Settings
from tests.imports import support


def test_generate_then_import_both_files_loads_the_district(
    client: TestClient, settings: Settings, tmp_path: Path
) -> None:
    out = tmp_path / "district"
    year = str(support.school_year())
    generated = support.lrm(
        settings,
        "generate",
        "--learners",
        "40",
        "--seed",
        "3",
        "--out",
        str(out),
        "--school-year",
        year,
    )
    roster = support.lrm(settings, "import", "oneroster", str(out))
    lrm_file = support.lrm(settings, "import", "lrm", str(out / "lrm.json"))
    assert [generated.exit_code, roster.exit_code, lrm_file.exit_code] == [0, 0, 0], (
        roster.output + lrm_file.output
    )
    assert "planted gaps" in generated.stdout
    assert "imported OneRoster 1.2 (bulk)" in roster.stdout
    assert "relationships:" in lrm_file.stdout
    manifest = support.manifest(out)
    assert support.count(client, "learners") == 40
    assert support.count(client, "goals") == manifest["lrm_nodes"]["goal"]
    assert support.count(client, "experts") == manifest["lrm_nodes"]["expert"]


def test_import_oneroster_of_a_zip_prints_counts(
    client: TestClient, settings: Settings, tmp_path: Path
) -> None:
    archive = tmp_path / "roster.zip"
    archive.write_bytes(support.zipped(support.district(tmp_path / "set")))
    result = support.lrm(settings, "import", "oneroster", str(archive))
    assert result.exit_code == 0, result.output
    assert "nodes: 195 created, 0 updated, 0 unchanged" in result.stdout


def test_import_oneroster_bad_set_in_strict_mode_exits_1_with_one_line(
    client: TestClient, settings: Settings, tmp_path: Path
) -> None:
    out = support.district(tmp_path)
    header, rows = support.read(out, "academicSessions.csv")
    rows[0]["startDate"] = "someday"
    support.write(out, "academicSessions.csv", header, rows)
    result = support.lrm(settings, "import", "oneroster", str(out), "--strict")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "error: academicSessions.csv line 2, column startDate: 'someday' is not a date (YYYY-MM-DD)"
    )
    assert len(result.stderr.splitlines()) == 1
    assert "date-format" in result.stdout  # the whole report, before the one line
    assert support.count(client, "organizations") == 0


def test_import_lrm_file_that_is_not_json_exits_1(settings: Settings, tmp_path: Path) -> None:
    broken = tmp_path / "lrm.json"
    broken.write_text('{"nodes": [{"node_kind": "interest",', encoding="utf-8")
    result = support.lrm(settings, "import", "lrm", str(broken))
    assert result.exit_code == 1
    assert result.stderr.startswith("error: the import stopped: lrm.json: not valid JSON at line 1")
    assert "rolled back: 0 restored, 0 deleted" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_import_lrm_file_broken_after_a_chunk_was_loaded_rolls_it_back(
    client: TestClient, settings: Settings, tmp_path: Path
) -> None:
    interests = [f'{{"node_kind": "interest", "source_id": "i{n}", "name": "Chess {n}"}}'
                 for n in range(3)]  # fmt: skip
    broken = tmp_path / "lrm.json"
    broken.write_text('{"nodes": [' + ",\n".join(interests) + ",\n{oops", encoding="utf-8")
    # Chunks of two rows: the first two interests are written before the third is read.
    result = support.lrm(settings, "import", "lrm", str(broken), LRM_BULK_MAX_ROWS="2")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        "error: the import stopped: lrm.json: not valid JSON at line 4, column 2: "
        "Expecting property name enclosed in double quotes; rolled back: 0 restored, 2 deleted"
    )
    assert support.count(client, "interests") == 0


def test_import_lrm_file_with_rejected_rows_exits_1(settings: Settings, tmp_path: Path) -> None:
    rows = tmp_path / "rows.json"
    rows.write_text(
        '{"nodes": [{"node_kind": "interest", "source_id": "i1", "name": "Chess"}],\n'
        ' "relationships": [{"type": "INTERESTED_IN",'
        ' "from": {"kind": "learner", "source_id": "nobody"},'
        ' "to": {"kind": "interest", "source_id": "i1"}}]}',
        encoding="utf-8",
    )
    result = support.lrm(settings, "import", "lrm", str(rows))
    assert result.exit_code == 1
    assert "nodes: 1 created, 0 updated" in result.stdout
    # The progress lines off a terminal come first; the error is one line, the last.
    assert result.stderr.splitlines()[-1] == (
        "error: 1 rows were rejected; the first, relationships[0]: "
        "no learner with source_id 'nobody'"
    )
    assert all(line.startswith("loading: ") for line in result.stderr.splitlines()[:-1])


def test_import_off_a_terminal_says_its_progress_in_lines(
    client: TestClient, settings: Settings, tmp_path: Path
) -> None:
    out = support.district(tmp_path)
    # LRM_PROGRESS_SECONDS=0: a line at every step.
    result = support.lrm(settings, "import", "oneroster", str(out), LRM_PROGRESS_SECONDS="0")
    assert result.exit_code == 0, result.output
    line = re.compile(
        r"importing the roster: ([\d,]+) of ([\d,]+) rows \((\d+)%\), [\d,]+ rows/s, .+ left"
    )
    steps = [line.fullmatch(text) for text in result.stderr.splitlines()]
    assert len(steps) > 1 and all(steps), result.stderr
    done = [int(step[1].replace(",", "")) for step in steps if step]
    totals = {step[2] for step in steps if step}
    assert done == sorted(done) and len(totals) == 1  # the rows checked, worked through
    assert "importing the roster:" not in result.stdout  # stdout holds only the summary
