"""Reads under load: a learner's network (1 and 2 hops), paths, caseloads, through HTTP
against the same Cypher through the driver, 8 concurrent clients each.

Every loop stops at a request count or a time limit, whichever comes first; all traffic
goes to 127.0.0.1.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from bench import capture
from bench.common import Database, Table, percentile, ratio, verdict
from bench.server import Server

CLIENTS = 8
WARMUP = 2 * CLIENTS
P50_TARGET, P99_TARGET = 0.015, 0.060  # 1- and 2-hop network lookups, at 100k learners


@dataclass
class Latencies:
    seconds: list[float]
    wall: float

    @property
    def rate(self) -> float:
        return len(self.seconds) / self.wall if self.wall else 0.0


def hammer(
    jobs: list[Any], work: Callable[[Any, Any], None], session: Callable[[], Any],
    requests: int, seconds: float, clients: int = CLIENTS,
) -> Latencies:  # fmt: skip
    """Run `work(session, job)` from `clients` threads over `jobs` in turn, after a warm-up;
    stop after `requests` timed calls or `seconds`, whichever comes first."""
    lock = threading.Lock()
    taken = [0]
    timed: list[float] = []
    failures: list[BaseException] = []
    deadline, began = [0.0], [0.0]

    def next_job() -> tuple[int, Any] | None:
        with lock:
            n = taken[0]
            if n == WARMUP:  # the time limit (and the rate) count from the first timed call
                deadline[0] = time.monotonic() + seconds
                began[0] = time.perf_counter()
            if n >= requests + WARMUP or (n > WARMUP and time.monotonic() > deadline[0]):
                return None
            taken[0] += 1
            return n, jobs[n % len(jobs)]

    def client() -> None:
        own = session()
        try:
            while not failures and (item := next_job()) is not None:
                start = time.perf_counter()
                work(own, item[1])
                if item[0] >= WARMUP:
                    with lock:
                        timed.append(time.perf_counter() - start)
        except Exception as exc:  # one client's failure stops them all, and is raised
            failures.append(exc)
        finally:
            if hasattr(own, "close"):
                own.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise failures[0]
    return Latencies(timed, time.perf_counter() - began[0] if timed else 0.0)


def samples(db: Database, count: int, seed: int) -> dict[str, list[str]]:
    """Pick learners, caseload adults and path ends at random (seeded)."""
    pick = random.Random(seed)
    found = {row["kind"]: sorted(row["uids"]) for row in db.run("sample_people")}
    learners = pick.sample(found["learner"], min(count, len(found["learner"])))
    adults = pick.sample(found["caseload_adult"], min(count, len(found["caseload_adult"])))
    ends = pick.sample(found["learner"], min(count, len(found["learner"])))
    return {"learners": learners, "adults": adults, "ends": ends}


def paths(chosen: dict[str, list[str]]) -> dict[str, list[str]]:
    """Return the request paths of each question, one per sample."""
    pairs = zip(chosen["learners"], chosen["ends"], strict=False)
    return {
        "network, 1 hop": [f"/v1/learners/{uid}/network?depth=1" for uid in chosen["learners"]],
        "network, 2 hops": [f"/v1/learners/{uid}/network?depth=2" for uid in chosen["learners"]],
        "path, learner to learner": [f"/v1/paths?from={a}&to={b}" for a, b in pairs if a != b],
        "caseload": [f"/v1/adults/{uid}/caseload" for uid in chosen["adults"]],
    }


def run(
    db: Database, server: Server, headers: dict[str, str], *, count: int, requests: int,
    seconds: float, seed: int,
) -> Table:  # fmt: skip
    """Measure each question through HTTP and direct; return the table."""
    questions = paths(samples(db, count, seed))
    with capture.app_client(db, headers) as client:
        caught = {q: [capture.catch(client, p) for p in ps] for q, ps in questions.items()}
    table = Table(
        f"Reads: {CLIENTS} concurrent clients, up to {requests:,} requests or {seconds:.0f} s "
        "per row",
        ("question", "requests", "HTTP p50 / p99 ms", "driver p50 / p99 ms", "HTTP req/s",
         "driver req/s", "ratio p50", "throughput HTTP / driver", "target p50 / p99", "met"),
    )  # fmt: skip
    session = _http_session(server, headers)
    for question, targets in questions.items():
        over_http = hammer(targets, _get, session, requests, seconds)
        direct = hammer(caught[question], _replay(db), lambda: None, requests, seconds)
        _row(table, question, over_http, direct)
        if question.startswith("network"):  # the same alone: the latency of one request
            alone = hammer(targets, _get, session, requests // 4, seconds / 3, clients=1)
            direct = hammer(caught[question], _replay(db), lambda: None, requests // 4,
                            seconds / 3, clients=1)  # fmt: skip
            _row(table, f"{question}, 1 client", alone, direct)
    table.notes.append(
        "driver: the named queries each request runs (caller, access, question, audit), "
        "replayed with `execute_query`; per request: "
        + "; ".join(f"{q}: {capture.names(c[0])}" for q, c in caught.items() if c)
    )
    return table


def _row(table: Table, question: str, over_http: Latencies, direct: Latencies) -> None:
    h50, h99 = percentile(over_http.seconds, 0.5), percentile(over_http.seconds, 0.99)
    d50, d99 = percentile(direct.seconds, 0.5), percentile(direct.seconds, 0.99)
    network = question.startswith("network") and not question.endswith("1 client")
    target = f"< {P50_TARGET * 1000:.0f} / < {P99_TARGET * 1000:.0f}" if network else ""
    met = verdict(h50 < P50_TARGET and h99 < P99_TARGET) if network else ""
    share = f"{over_http.rate / direct.rate:.0%}" if direct.rate else ""
    table.add(question, len(over_http.seconds), f"{h50 * 1000:.1f} / {h99 * 1000:.1f}",
              f"{d50 * 1000:.1f} / {d99 * 1000:.1f}", f"{over_http.rate:.0f}",
              f"{direct.rate:.0f}", ratio(h50, d50), share, target, met)  # fmt: skip


def _http_session(server: Server, headers: dict[str, str]) -> Callable[[], httpx.Client]:
    return lambda: httpx.Client(base_url=server.base_url, headers=headers, timeout=60.0)


def _get(client: httpx.Client, path: str) -> None:
    response = client.get(path)
    if response.status_code != 200:
        raise RuntimeError(f"GET {path}: {response.status_code} {response.text[:200]}")


def _replay(db: Database) -> Callable[[Any, list[capture.Call]], None]:
    def replay(_: Any, calls: list[capture.Call]) -> None:
        capture.replay(db.graph, calls)

    return replay
