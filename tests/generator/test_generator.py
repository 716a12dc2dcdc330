"""`lrm_graph.demo.generator`: the same seed gives the same bytes; sizes, files and planted gaps
are what the manifest says. No database needed: these read the files.
"""

import csv
import json
import time
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from lrm_graph.demo.generator import DEFAULT_RATES, catalog, generate
from lrm_graph.errors import InvalidInput
from lrm_graph.imports.oneroster import columns

CARING = {"MENTORS", "ADVISES", "COACHES", "COUNSELS", "TRUSTS"}


def files_of(out: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(out.iterdir())}


def rows_of(out: Path, name: str) -> list[dict[str, str]]:
    with (out / name).open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def lrm_rows(out: Path) -> dict:
    return json.loads((out / "lrm.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("district")
    return out, generate(out, learners=2500, seed=11)


def test_generate_same_seed_gives_same_bytes(tmp_path: Path) -> None:
    generate(tmp_path / "a", learners=300, seed=5)
    generate(tmp_path / "b", learners=300, seed=5)
    assert files_of(tmp_path / "a") == files_of(tmp_path / "b")


def test_generate_different_seed_differs(tmp_path: Path) -> None:
    generate(tmp_path / "a", learners=300, seed=5)
    generate(tmp_path / "b", learners=300, seed=6)
    a, b = files_of(tmp_path / "a"), files_of(tmp_path / "b")
    assert a.keys() == b.keys()
    assert a["users.csv"] != b["users.csv"] and a["lrm.json"] != b["lrm.json"]


def test_generate_writes_oneroster_12_headers_and_manifest(district: tuple[Path, dict]) -> None:
    out, _ = district
    for name, header in columns.HEADERS.items():
        with (out / f"{name}.csv").open(encoding="utf-8", newline="") as file:
            assert next(csv.reader(file)) == list(header), name
    manifest = {row["propertyName"]: row["value"] for row in rows_of(out, "manifest.csv")}
    assert manifest["oneroster.version"] == "1.2"
    assert {name: manifest[f"file.{name}"] for name in columns.ROSTER_FILES} == dict.fromkeys(
        columns.ROSTER_FILES, "bulk"
    )
    assert manifest["file.demographics"] == "absent"


def test_generate_sizes_are_as_asked(district: tuple[Path, dict]) -> None:
    out, manifest = district
    users = rows_of(out, "users.csv")
    roles = Counter(row["role"] for row in rows_of(out, "roles.csv"))
    orgs = Counter(row["type"] for row in rows_of(out, "orgs.csv"))
    assert roles["student"] == manifest["learners"] == 2500
    assert orgs == {"district": 1, "school": 2}  # about one school per 1000 learners
    assert 1.4 * 2500 < roles["parent"] + roles["guardian"] + roles["relative"] < 1.7 * 2500
    assert 15 <= manifest["relationships_per_learner"] <= 30
    assert {row["grades"] for row in users if row["sourcedId"].startswith("stu-")} == set(
        catalog.GRADES
    )
    enrollments = Counter(
        row["userSourcedId"] for row in rows_of(out, "enrollments.csv") if row["role"] == "student"
    )
    assert set(enrollments.values()) == {6}


def test_generate_output_is_sorted_by_sourced_id(district: tuple[Path, dict]) -> None:
    out, _ = district
    for name in (
        "orgs.csv",
        "courses.csv",
        "classes.csv",
        "users.csv",
        "roles.csv",
        "enrollments.csv",
    ):
        ids = [row["sourcedId"] for row in rows_of(out, name)]
        assert ids == sorted(ids) and len(ids) == len(set(ids)), name


def test_generate_manifest_lists_gaps_at_their_rates(district: tuple[Path, dict]) -> None:
    _, manifest = district
    gaps = manifest["gaps"]
    assert {name: gap["rate"] for name, gap in gaps.items()} == DEFAULT_RATES
    assert {name: gap["count"] for name, gap in gaps.items()} == {
        name: round(2500 * rate) for name, rate in DEFAULT_RATES.items()
    }
    learners = [learner for gap in gaps.values() for learner in gap["learners"]]
    assert len(learners) == len(set(learners))  # each learner has at most one planted gap


def test_generate_uncared_learners_have_no_active_caring_relationship(
    district: tuple[Path, dict],
) -> None:
    out, manifest = district
    uncared = set(manifest["gaps"]["no_caring_relationship"]["learners"])
    ended = set(manifest["gaps"]["only_ended_caring"]["learners"])
    caring: dict[str, list[dict]] = {}
    for rel in lrm_rows(out)["relationships"]:
        if rel["type"] in CARING:
            learner = rel["from"] if rel["type"] == "TRUSTS" else rel["to"]
            caring.setdefault(learner["source_id"], []).append(rel)
    start = date(2026, 8, 17).isoformat()
    assert not uncared & caring.keys()
    assert all(
        len(caring[learner]) == 1 and caring[learner][0]["until"] < start for learner in ended
    )
    others = {
        row["sourcedId"] for row in rows_of(out, "users.csv") if row["sourcedId"].startswith("stu-")
    }
    assert others - uncared - ended <= caring.keys()


def test_generate_untied_goals_have_no_tie_to_their_industry(district: tuple[Path, dict]) -> None:
    out, manifest = district
    untied = {f"ind-{i.code.lower()}" for i in catalog.UNTIED_INDUSTRIES}
    rows = lrm_rows(out)["relationships"]
    ties = [r for r in rows if r["to"]["source_id"] in untied and r["type"] != "IN_INDUSTRY"]
    ties += [
        r
        for r in rows
        if r["type"] == "IN_INDUSTRY"
        and r["from"]["kind"] != "goal"
        and r["to"]["source_id"] in untied
    ]
    goal_industry = {
        r["from"]["source_id"]: r["to"]["source_id"] for r in rows if r["type"] == "IN_INDUSTRY"
    }
    pursues: dict[str, set[str]] = {}
    for r in rows:
        if r["type"] == "PURSUES":
            pursues.setdefault(r["from"]["source_id"], set()).add(
                goal_industry[r["to"]["source_id"]]
            )
    gap = set(manifest["gaps"]["goal_without_connection"]["learners"])
    assert ties == []
    assert {learner for learner, industries in pursues.items() if industries & untied} == gap


def test_generate_loners_belong_to_no_community_beyond_classes(district: tuple[Path, dict]) -> None:
    out, manifest = district
    loners = set(manifest["gaps"]["no_community"]["learners"])
    members = {
        r["from"]["source_id"] for r in lrm_rows(out)["relationships"] if r["type"] == "MEMBER_OF"
    }
    assert loners and not loners & members


def test_generate_names_are_made_of_invented_syllables(district: tuple[Path, dict]) -> None:
    out, _ = district
    emails = {row["email"].split("@")[1] for row in rows_of(out, "users.csv") if row["email"]}
    assert all(domain.endswith(".example") for domain in emails)


def test_generate_ten_thousand_learners_is_quick(tmp_path: Path) -> None:
    started = time.perf_counter()
    generate(tmp_path, learners=10_000, seed=2)
    assert time.perf_counter() - started < 20


def test_generate_refuses_no_learners(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="learners must be between 1"):
        generate(tmp_path, learners=0, seed=1)


def test_generate_command_writes_the_files(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["generate", "--learners", "30", "--seed", "4", "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("wrote ") and "30 learners, 1 school," in result.stdout
    assert (tmp_path / "manifest.json").is_file() and (tmp_path / "lrm.json").is_file()
