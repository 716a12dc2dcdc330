"""Each report's summary + first page through HTTP (`GET /v1/reports/NAME`, what
`bench/reports.py` times), this checkout's app against another checkout's (`--before`:
a worktree of an older commit) on the same database, alternated, one server each; and
each report's summary alone in process (`reports.summary_of`, this checkout's code).

    git worktree add --detach /tmp/before <commit>
    .venv/bin/python -m bench.summaries --learners 10000 --before /tmp/before

The other checkout runs with this checkout's Python environment and database; its code
must read the same graph (no schema change between the two commits).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

import httpx

from bench import load
from bench.common import Database, Table, district_arguments, fresh_database, machine, ratio
from bench.server import admin_headers, serve
from lrm_graph import reports
from lrm_graph.access.report_scope import DISTRICT

TIMEOUT = 1800.0


def _seconds(client: httpx.Client, path: str) -> float:
    start = time.perf_counter()
    response = client.get(path)
    if response.status_code != 200:
        raise RuntimeError(f"GET {path}: {response.status_code} {response.text[:300]}")
    return time.perf_counter() - start


def before_and_after(db: Database, before: Path, stack: ExitStack) -> dict[str, httpx.Client]:
    """Serve `db` through the `before` checkout's app and this one's, each with an admin's
    client, until `stack` closes: {"before": client, "after": client}."""
    headers = admin_headers(db)
    servers = {side: stack.enter_context(serve(db, checkout))
               for side, checkout in (("before", before), ("after", None))}  # fmt: skip
    return {side: stack.enter_context(httpx.Client(base_url=s.base_url, headers=headers,
                                                   timeout=TIMEOUT))
            for side, s in servers.items()}  # fmt: skip


def main() -> None:
    parser = district_arguments(__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="the other checkout")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    print(machine())
    with (
        tempfile.TemporaryDirectory(prefix="lrm-summaries-") as tmp,
        fresh_database(args.heap, args.page_cache) as db,
        ExitStack() as stack,
    ):
        print(load.run(db, args.learners, args.seed, Path(tmp), 0, 0).markdown())
        clients = before_and_after(db, args.before, stack)
        table = Table(
            f"Summary + first page over HTTP, before against after (median of {args.repeats}); "
            f"{args.learners:,} learners",
            ("report", "before s", "after s", "after / before", "summary alone in process s"),
        )
        for name in reports.REPORTS:
            times: dict[str, list[float]] = {"before": [], "after": []}
            alone = []
            for _ in range(args.repeats):  # alternated, so that both meet the same machine
                for side, client in clients.items():
                    times[side].append(_seconds(client, f"/v1/reports/{name}"))
                start = time.perf_counter()
                reports.summary_of(db.graph, db.settings, name, reports.Filters(),
                                   reports.Options(), DISTRICT)  # fmt: skip
                alone.append(time.perf_counter() - start)
            before, after = (statistics.median(times[s]) for s in ("before", "after"))
            table.add(name, before, after, ratio(after, before), statistics.median(alone))
        print(table.markdown())
        print(machine()["load average at start"], "(load at the end)")


if __name__ == "__main__":
    main()
