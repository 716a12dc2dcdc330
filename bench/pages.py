"""Web pages' server times on the demo school, beside the API call each page wraps.

    .venv/bin/python -m bench.pages [--learners 300] [--repeats 15]

A fresh embedded Neo4j gets the demo school (`lrm demo`'s default size) and its sign-ins;
the whole app runs under uvicorn (one worker) on 127.0.0.1. Each row signs in as the demo
role, then alternates the page and its API call `--repeats` times after one warm-up
each, and prints the median and slowest time of each (the time from the request to the
last byte, on the loopback: the server's time) and their ratio. The target is a page
under 300 ms; nothing asserts.
"""

from __future__ import annotations

import argparse
import statistics
import time
from dataclasses import dataclass

import httpx

from bench.common import Table, fresh_database, machine, ratio, verdict
from bench.server import serve
from lrm_graph.auth.sessions import SESSION_COOKIE
from lrm_graph.demo import demo_school, signins
from lrm_graph.demo.signins import DemoSignIn

TARGET = 0.300  # seconds: a page's server time on the demo school


@dataclass(frozen=True)
class Pair:
    role: str
    page: str
    api: str  # the API call the page wraps (or the nearest one)


def pairs(people: dict[str, DemoSignIn]) -> list[Pair]:
    """Return each page beside the API call it wraps ({me}: the signed-in person)."""
    mentor = people["mentor"].person_uid
    return [
        Pair("counselor", "/", "/v1/adults/{me}/caseload"),
        Pair("counselor", "/", "/v1/reports/unmentored"),
        # The folded caseload, opened: each learner's care team and goals (htmx, after).
        Pair("counselor", "/home/caseload", "/v1/adults/{me}/caseload"),
        Pair("counselor", "/reports/unmentored", "/v1/reports/unmentored"),
        Pair("mentor", "/", "/v1/adults/{me}/caseload"),
        Pair("teacher", "/", "/v1/learners?limit=100"),
        Pair("admin", "/dashboard", "/v1/reports/coverage"),
        # The dashboard's chart, asked for after the page: coverage as of six days.
        Pair("admin", "/dashboard/coverage", "/v1/reports/coverage"),
        Pair("counselor", "/dashboard", "/v1/reports/coverage"),
        Pair("admin", f"/adults/{mentor}", f"/v1/adults/{mentor}/caseload"),  # a mentor's page
        Pair("counselor", "/search?q=Do", "/v1/search?q=Do&limit=50"),
    ]


def token(client: httpx.Client, signin: DemoSignIn) -> str:
    answer = client.post("/v1/auth/token", data={"username": signin.email,
                                                 "password": signin.password})  # fmt: skip
    answer.raise_for_status()
    return str(answer.json()["access_token"])


def timed(client: httpx.Client, path: str, headers: dict[str, str]) -> float:
    began = time.perf_counter()
    answer = client.get(path, headers=headers)
    seconds = time.perf_counter() - began
    if answer.status_code != 200:
        raise RuntimeError(f"GET {path} answered {answer.status_code}: {answer.text[:200]}")
    return seconds


def measure(client: httpx.Client, people: dict[str, DemoSignIn], repeats: int) -> Table:
    table = Table(
        "Web pages on the demo school: server time, beside the API call each wraps",
        ("role", "page", "page p50 / max ms", "API call", "API p50 / max ms", "ratio p50",
         "target p50", "met"),
    )  # fmt: skip
    tokens = {role: token(client, signin) for role, signin in people.items()}
    for pair in pairs(people):
        me = people[pair.role].person_uid or ""
        api = pair.api.replace("{me}", me)
        cookie = {"Cookie": f"{SESSION_COOKIE}={tokens[pair.role]}"}
        bearer = {"Authorization": f"Bearer {tokens[pair.role]}"}
        page_times, api_times = [], []
        for round_ in range(repeats + 1):
            page_s = timed(client, pair.page, headers=cookie)
            api_s = timed(client, api, headers=bearer)
            if round_:  # the first round warms up
                page_times.append(page_s)
                api_times.append(api_s)
        page_p50, api_p50 = statistics.median(page_times), statistics.median(api_times)
        table.add(pair.role, pair.page,
                  f"{page_p50 * 1000:.0f} / {max(page_times) * 1000:.0f}", pair.api,
                  f"{api_p50 * 1000:.0f} / {max(api_times) * 1000:.0f}",
                  ratio(page_p50, api_p50), "< 300 ms", verdict(page_p50 < TARGET))  # fmt: skip
        print(table.rows[-1], flush=True)
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    print(machine(), flush=True)
    with fresh_database("1g", "512m") as db:
        demo_school.load(db.graph, db.settings, learners=args.learners, seed=7)
        people = {s.role: s for s in signins.ensure(db.graph, db.settings)}
        with serve(db) as server, httpx.Client(base_url=server.base_url, timeout=60) as client:
            table = measure(client, people, args.repeats)
    print()
    print(table.markdown())


if __name__ == "__main__":
    main()
