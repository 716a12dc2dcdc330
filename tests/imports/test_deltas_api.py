"""OneRoster deltas through the API (`POST /v1/imports/oneroster`) and the CLI (`lrm import
oneroster`), 1.1 and 1.2: new enrollment dates update the relationship, a moved enrollment
ends its old link, a class deleted in the delta takes that delta's enrollments of it out,
an agent who is a teacher becomes no guardian, and the same delta twice changes nothing.
The CLI records its import as a job too: the job is read back through the API."""

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from lrm_graph.config import Settings
from tests.imports import support, tiny
from tests.imports.test_imports_api import job, upload
from tests.imports.test_oneroster_deltas import member_links


def imported(client: TestClient, settings: Settings, out: Path, through: str) -> dict[str, Any]:
    """Import a set through the API or the CLI; return its job, with its report."""
    if through == "api":
        done = job(client, upload(client, support.zipped(out))["id"])
    else:
        result = support.lrm(settings, "import", "oneroster", str(out))
        assert result.exit_code == 0, result.output
        job_id = result.stdout.rsplit("(import ", 1)[1].split(")", 1)[0]
        done = job(client, job_id)
    assert done["status"] == "succeeded", done
    return done


def codes(done: dict[str, Any]) -> list[tuple[str, str, int]]:
    return [(p["code"], p["file"], p["line"]) for p in done["report"]["problems"]]


@pytest.mark.parametrize("through", ["api", "cli"])
@pytest.mark.parametrize("version", ["1.1", "1.2"])
def test_a_delta_applies_exactly(
    client: TestClient, settings: Settings, tmp_path: Path, version: str, through: str
) -> None:
    rows = tiny.rows(version)
    art = dict(rows["classes"][0], sourcedId="cls3", title="Art")
    bulk = tiny.write(tmp_path / "bulk", rows | {"classes": [*rows["classes"], art]}, version)
    imported(client, settings, bulk, through)
    e1, e2, e3 = rows["enrollments"]
    dated = dict(e3, beginDate="2026-09-01", endDate="2027-06-01")  # tea1 teaches cls1
    moved = dict(e2, classSourcedId="cls1", schoolSourcedId="s1")  # stu2: cls2 -> cls1
    gone = dict(art, status="tobedeleted")  # cls3 goes ...
    late = dict(e1, sourcedId="e9", classSourcedId="cls3")  # ... and takes this one out
    taught_by = dict(rows["users"][1], agentSourcedIds="tea1")  # a teacher as stu2's agent
    files = {"classes": [gone], "users": [taught_by], "enrollments": [dated, moved, late]}
    out = tiny.write(tmp_path / "delta", files, version, "delta")

    done = imported(client, settings, out, through)

    assert done["counts"]["relationships"]["created"] == 1  # the moved enrollment's new link
    assert sorted(codes(done)) == [
        ("agent-role", "users.csv", 2),
        ("deleted-in-delta", "enrollments.csv", 4),
    ]
    [taught] = member_links(client, "tea1", "cls1", "TEACHES")  # updated, not a second one
    assert (taught["since"], taught["until"]) == ("2026-09-01", "2027-06-01")
    [old_link] = member_links(client, "stu2", "cls2")
    assert not old_link["active"]
    [new_link] = member_links(client, "stu2", "cls1")
    assert (new_link["source"], new_link["active"]) == ("imported", True)
    assert member_links(client, "stu1", "cls3") == []  # the deleted class's enrollment: out
    stu2 = support.by_source(client, "learners", "stu2")
    assert support.relationships_of(client, stu2["uid"], type="GUARDIAN_OF") == []

    again = imported(client, settings, tiny.write(tmp_path / "again", files, version, "delta"),
                     through)  # fmt: skip
    counts = again["counts"]
    assert (counts["relationships"]["created"], counts["relationships"]["updated"]) == (0, 0)
    assert (counts["nodes"]["updated"], counts["ended"], counts["archived"]) == (0, 0, 0)
