"""A OneRoster import writes the whole set or nothing: one that fails part way, after
several batches, leaves none of them written, and its job says it failed."""

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.imports import oneroster
from lrm_graph.imports.oneroster import jobs
from lrm_graph.imports.oneroster.writer import Progress
from tests.imports import support, tiny

STOP_AFTER = 8  # rows; with one row a batch, several batches have gone to the database


class Stopped(RuntimeError):
    """The process going away part way through the write step."""


def stopping(seen: list[int]) -> Callable[[int], Progress]:
    """Return an `on_start` whose progress stops the import after STOP_AFTER rows."""

    def on_start(total: int) -> Progress:
        def progress(done: int) -> None:
            seen.append(done)
            if len(seen) >= STOP_AFTER:
                raise Stopped("stopped part way")

        return progress

    return on_start


def nothing_written(client: TestClient) -> None:
    for plural in ("learners", "adults", "organizations", "communities"):
        assert support.count(client, plural, include_archived=True) == 0, plural


@pytest.mark.parametrize("version", ["1.1", "1.2"])
def test_an_import_that_fails_part_way_writes_nothing(
    client: TestClient, graph: Graph, settings: Settings, tmp_path: Path, version: str
) -> None:
    one_a_batch = settings.model_copy(update={"bulk_batch_size": 1})
    out = tiny.write(tmp_path / "set", tiny.rows(version), version)
    seen: list[int] = []
    with pytest.raises(Stopped):
        oneroster.run(graph, one_a_batch, out, on_start=stopping(seen))
    assert len(seen) == STOP_AFTER  # orgs, sessions, classes ... each row its own batch
    nothing_written(client)
    # The same set again does it all.
    done = oneroster.run(graph, one_a_batch, out)
    assert done["nodes"]["created"] > 0
    assert support.count(client, "learners") == 2


def test_a_failed_job_leaves_nothing_written_and_says_so(
    client: TestClient, graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    one_a_batch = settings.model_copy(update={"bulk_batch_size": 1})
    out = tiny.write(tmp_path / "set", tiny.rows(), "1.2")
    job = jobs.create(graph, "oneroster", "set.zip", "test")
    with pytest.raises(Stopped):
        jobs.run_recorded(graph, one_a_batch, job["id"], out, on_start=stopping([]))
    nothing_written(client)
    failed = jobs.get(graph, job["id"])
    assert (failed["status"], failed["detail"]) == (
        "failed", "the import stopped on an unexpected error"
    )  # fmt: skip
