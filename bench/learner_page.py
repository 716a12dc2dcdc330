"""The web app's learner page: its server time on the demo school, beside the API calls
it wraps, in one run on one database.

    .venv/bin/python bench/learner_page.py [--learners 300] [--samples 20] [--repeats 5]

A fresh embedded Neo4j gets the demo school (`lrm demo`'s, 300 learners by default) and
its sign-ins; the app runs under uvicorn; the demo counselor asks, one request at a time,
for each sampled learner (of those they see):

- the page `/learners/{uid}` beside the API calls that hold what it shows: the network
  (`/v1/learners/{uid}/network`), the timeline, and the learner
  (`/v1/learners/{uid}`, nearest to the page's "at a glance" part, which has no route);
- the goals part `/learners/{uid}/goals` beside `/v1/learners/{uid}/brief` (its source);
- the mentor suggestions part (no API route answers for one learner: no ratio).

Times are HTTP round trips on the loopback (the server's time, plus a little transfer).
Nothing asserts; the targets are the issue's: under 300 ms on the demo school, under 1 s
at 100,000 learners. A district is timed by bench/run_all.py (its `learner_page` part,
`run` here), on the district it loaded: `--learners 100000` gives the 100k row.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import httpx

if __package__ in (None, ""):  # run as a script: make `bench` and the app importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import reads
from bench.common import Database, Table, fresh_database, machine, percentile, ratio, verdict
from bench.server import Server, serve
from lrm_graph.access import visibility
from lrm_graph.auth import accounts
from lrm_graph.auth.sessions import SESSION_COOKIE
from lrm_graph.demo import demo_school, signins

TARGET_MS = 300.0  # on the demo school
DISTRICT_TARGET_MS = 1000.0  # at 100,000 learners (issue 12)


def timed(client: httpx.Client, path: str, repeats: int) -> list[float]:
    """Return the milliseconds of `repeats` GETs of `path` (each must answer 200)."""
    spent = []
    for _ in range(repeats):
        start = time.perf_counter()
        answer = client.get(path)
        spent.append((time.perf_counter() - start) * 1000)
        if answer.status_code != 200:
            raise RuntimeError(f"{path} answered {answer.status_code}: {answer.text[:200]}")
    return spent


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=300)
    parser.add_argument("--samples", type=int, default=20, help="learners asked for")
    parser.add_argument("--repeats", type=int, default=5, help="requests of each, per learner")
    parser.add_argument("--heap", default="1g")
    parser.add_argument("--page-cache", default="512m")
    args = parser.parse_args(argv)
    print("\n".join(f"- {k}: {v}" for k, v in machine().items()))
    with fresh_database(args.heap, args.page_cache) as db:
        demo_school.load(db.graph, db.settings, learners=args.learners, seed=7)
        counselor = next(s for s in signins.ensure(db.graph, db.settings) if s.role == "counselor")
        token = accounts.sign_in(db.graph, db.settings, counselor.email,
                                 counselor.password).access_token  # fmt: skip
        caller = accounts.caller_for_token(db.graph, token)
        assert caller is not None
        seen = sorted(visibility.visible_learners(db.graph, caller) or {})
        chosen = random.Random(1).sample(seen, min(args.samples, len(seen)))
        with serve(db) as server:
            client = httpx.Client(base_url=server.base_url, timeout=60,
                                  cookies={"lrm_session": token},
                                  headers={"Authorization": f"Bearer {token}"})  # fmt: skip
            timed(client, f"/learners/{chosen[0]}", 3)  # warm the app and the caches
            table = measure(client, chosen, args.repeats)
    table.notes.append(f"{len(chosen)} learners the demo counselor sees, {args.repeats} "
                       f"requests each; demo school of {args.learners} learners.")  # fmt: skip
    print(table.markdown())


def run(db: Database, server: Server, headers: dict[str, str], *, samples: int, repeats: int,
        seed: int, target_ms: float = DISTRICT_TARGET_MS) -> Table:  # fmt: skip
    """Time the learner page and its goals part over `samples` learners of an already
    loaded district, as the caller `headers` signs in (bench/run_all.py: a district
    admin). The mentor suggestions part is left out: it projects the whole graph."""
    chosen = reads.samples(db, samples, seed)["learners"]
    token = headers["Authorization"].removeprefix("Bearer ")
    with httpx.Client(base_url=server.base_url, timeout=300, headers=headers,
                      cookies={SESSION_COOKIE: token}) as client:  # fmt: skip
        timed(client, f"/learners/{chosen[0]}", 1)  # warm the app and the caches
        table = measure(client, chosen, repeats, ("learner page", "goals part"), target_ms)
    table.notes.append(f"{len(chosen)} learners of the district, {repeats} requests each, "
                       "as a district admin.")  # fmt: skip
    return table


def measure(
    client: httpx.Client,
    chosen: list[str],
    repeats: int,
    parts: tuple[str, ...] | None = None,
    target_ms: float = TARGET_MS,
) -> Table:
    """Time each page (of `parts`, default all) and the API calls beside it, over the
    chosen learners."""
    rows = {
        # The page walks the network with the API's default hub bound (network_hub_members).
        "learner page": ("/learners/{}", ["/v1/learners/{}/network", "/v1/learners/{}/timeline",
                                          "/v1/learners/{}"]),
        "goals part": ("/learners/{}/goals", ["/v1/learners/{}/brief"]),
        "mentor suggestions part": ("/learners/{}/mentor-suggestions", []),
    }  # fmt: skip
    table = Table("Learner page: server time (HTTP, one client)",
                  ("page", "p50 ms", "p95 ms", "API calls it wraps, p50 ms (summed)",
                   "ratio p50", "target", "met"))  # fmt: skip
    for name, (page, wrapped) in rows.items():
        if parts is not None and name not in parts:
            continue
        ours = [ms for uid in chosen for ms in timed(client, page.format(uid), repeats)]
        api: list[float] = []
        if wrapped:
            per_learner = [[timed(client, call.format(uid), repeats) for call in wrapped]
                           for uid in chosen]  # fmt: skip
            api = [sum(calls[i][r] for i in range(len(wrapped)))
                   for calls in per_learner for r in range(repeats)]  # fmt: skip
        p50, p95 = percentile(ours, 0.5), percentile(ours, 0.95)
        base = percentile(api, 0.5) if api else float("nan")
        table.add(name, p50, p95, base if api else "n/a", ratio(p50, base) if api else "n/a",
                  f"< {target_ms:.0f}", verdict(p95 < target_ms))  # fmt: skip
    table.notes.append("met: p95 under the target. The goals and suggestions parts come "
                       "after the page (htmx), each its own request.")  # fmt: skip
    return table


if __name__ == "__main__":
    main()
