"""Roster imports in the web app, for the staff allowed to import (district admins): an
upload from the page runs as a job whose page follows it (htmx polling) to its end with
its problems; the page of a running job shows its rows written and moves on without a
reload; other staff are refused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import expect

from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph, connect
from lrm_graph.imports.oneroster import jobs
from lrm_graph.store import fields
from tests.imports import support, tiny
from tests.web.support import DemoSchool, Watched, api_get, api_token
from tests.web.test_accessibility import check_page


@pytest.fixture
def store(settings: Settings) -> Iterator[Graph]:
    """A connection of the test's own (not the `graph` fixture, which empties the database)."""
    graph = connect(settings)
    yield graph
    graph.close()


def uploaded(
    watched: Watched, demo: DemoSchool, tmp_path: Path, name: str, rows: dict[str, list]
) -> str:
    """Sign in as the admin, upload the set from /imports; return the job's id (its page
    is open)."""
    archive = tmp_path / name
    archive.write_bytes(support.zipped(tiny.write(tmp_path / "set", rows)))
    watched.sign_in(demo.signins["admin"])
    assert watched.open("/imports") == 200
    watched.page.get_by_label("The zipped set").set_input_files(archive)
    with watched.page.expect_navigation():
        watched.page.get_by_role("button", name="Import").click()
    return watched.page.url.rsplit("/", 1)[-1]


def test_an_upload_runs_as_a_job_whose_page_follows_it_to_the_end(
    watched: Watched, demo: DemoSchool, tmp_path: Path
) -> None:
    rows = tiny.rows()
    rows["classes"][0]["classType"] = "Scheduled"  # the wrong case: a warning, normalised
    job_id = uploaded(watched, demo, tmp_path, "tiny-roster.zip", rows)
    status = watched.page.locator("#import-progress .status")
    expect(status).to_have_text("succeeded", timeout=60_000)
    expect(watched.page.locator("#import-progress")).not_to_have_attribute("aria-busy", "true")
    problems = watched.page.locator("table.problems tbody tr")
    expect(problems).to_have_count(1)
    expect(problems.first).to_contain_text("enum-case")
    check_page(watched, "admin-import")
    token = api_token(watched.base_url, demo.signins["admin"])
    job = api_get(watched.base_url, token, f"/v1/imports/{job_id}").json()
    total = job["progress"]["rows_total"]
    assert (job["status"], job["source"], job["progress"]["rows_done"]) == (
        "succeeded", "tiny-roster.zip", total
    )  # fmt: skip
    assert total == sum(len(file_rows) for file_rows in rows.values())
    assert watched.open(f"/imports/{job_id}") == 200
    expect(watched.page.locator("#import-progress .rows")).to_have_text(f"{total} of {total}")
    assert watched.open("/imports") == 200
    expect(watched.page.get_by_role("link", name="Roster imports")).to_be_visible()
    expect(watched.page.locator(f'a[href="/imports/{job_id}"]')).to_have_count(1)


def test_a_running_jobs_page_moves_on_without_a_reload(
    watched: Watched, demo: DemoSchool, store: Graph
) -> None:
    job = jobs.create(store, "oneroster", "district.zip", "test")
    jobs.update(store, job["id"], status="running", rows_total=10, rows_done=3)
    watched.sign_in(demo.signins["admin"])
    assert watched.open(f"/imports/{job['id']}") == 200
    rows = watched.page.locator("#import-progress .rows")
    expect(rows).to_have_text("3 of 10")
    watched.page.evaluate("() => { window.notReloaded = true; }")
    back = watched.page.get_by_role("link", name="All imports")
    back.focus()  # someone reading with the keyboard: the polling must not take the focus
    jobs.update(store, job["id"], rows_done=7)
    expect(rows).to_have_text("7 of 10")
    expect(back).to_be_focused()
    jobs.update(store, job["id"], status="failed", detail="the database went away")
    expect(watched.page.locator("#import-progress .status")).to_have_text("failed")
    expect(watched.page.locator("#import-progress .detail")).to_have_text("the database went away")
    assert watched.page.evaluate("() => window.notReloaded") is True
    expect(watched.page.locator("#import-progress")).not_to_have_attribute("aria-busy", "true")


def test_a_failed_import_says_plainly_why_and_what_was_rolled_back(
    watched: Watched, demo: DemoSchool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A user whose 10,000-character sourcedId the check lets through (its bound raised) and
    # the graph's index refuses: the users batch fails after the orgs and classes are in.
    monkeypatch.setattr(fields, "SOURCE_ID_MAX", 100_000)
    rows = tiny.rows()
    long_id = "u" * 10_000
    rows["users"].append(dict(rows["users"][1], sourcedId=long_id, givenName="Long"))
    rows["roles"].append(dict(rows["roles"][1], sourcedId="r-long", userSourcedId=long_id))
    job_id = uploaded(watched, demo, tmp_path, "refused-roster.zip", rows)
    progress = watched.page.locator("#import-progress")
    expect(progress.locator(".status")).to_have_text("failed", timeout=60_000)
    expect(progress.locator("h2 .flag")).to_have_text("rolled back")
    expect(progress.locator(".why")).to_contain_text(
        "Why it stopped: the graph database refused a value too large to index"
    )
    expect(progress.get_by_role("link", name="Invalid input")).to_have_attribute(
        "href", "/problems/invalid-input"
    )
    token = api_token(watched.base_url, demo.signins["admin"])
    undone = api_get(watched.base_url, token, f"/v1/imports/{job_id}").json()["rollback"]
    assert undone["restored"] + undone["deleted"] > 0 and undone["kept"] == 0
    for part in ("restored", "deleted", "kept"):
        expect(progress.locator(f".undone .{part}")).to_have_text(str(undone[part]))
    expect(progress.locator("progress")).to_have_count(0)  # its rows were undone
    check_page(watched, "admin-import-rolled-back")
    assert watched.open("/imports") == 200
    row = watched.page.locator("tbody tr", has=watched.page.locator(f'a[href="/imports/{job_id}"]'))
    expect(row).to_contain_text("failed rolled back")
    expect(row).to_contain_text("refused a value too large to index")


def test_staff_who_may_not_import_are_refused(watched: Watched, demo: DemoSchool) -> None:
    watched.sign_in(demo.signins["counselor"])
    assert watched.open("/imports") == 403
    expect(watched.page.get_by_role("link", name="Roster imports")).to_have_count(0)
    watched.errors.clear()  # the browser logs the 403 of the page itself
    with httpx.Client(base_url=watched.base_url) as plain:  # not signed in: the sign-in page
        assert plain.get("/imports", follow_redirects=False).status_code == 303
