"""Before and after on one district: a learner's network (1 and 2 hops) through two API
servers on the same database, this checkout's and another's (`--before`, e.g. a worktree
of main), one client each unless said, taken in turns (before, after, before, ...) so that a busy
machine weighs on both alike; p50 / p99 of each and the ratio after / before.

    .venv/bin/python bench/ab_reads.py --learners 10000 --before /path/to/main-worktree

`--data-dir` measures a district `run_all.py --data-dir` kept, without loading one;
`--before-python` serves the before side with another environment's interpreter (a
dependency's worth: the same code, with and without it); `--workers` and
`--before-workers` set uvicorn's; `--clients`, the clients a side.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):  # run as a script: the repository root is the package root
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import load, reads
from bench.common import (
    Table,
    database_at,
    district_arguments,
    fresh_database,
    percentile,
    ratio,
)
from bench.server import admin_headers, serve

QUESTIONS = ("network, 1 hop", "network, 2 hops")


def main(argv: list[str] | None = None) -> None:
    parser = district_arguments(__doc__ or "", heap="2g", page_cache="1g")
    parser.add_argument("--before", type=Path, required=True, help="the other checkout")
    parser.add_argument(
        "--before-python",
        type=Path,
        help="the interpreter of the before side (another environment)",
    )
    parser.add_argument("--workers", type=int, default=1, help="uvicorn workers, after side")
    parser.add_argument("--before-workers", type=int, default=1, help="the same, before side")
    parser.add_argument("--clients", type=int, default=1, help="concurrent clients a side")
    parser.add_argument("--samples", type=int, default=200, help="learners sampled")
    parser.add_argument("--rounds", type=int, default=6, help="turns of each side")
    parser.add_argument("--requests", type=int, default=50, help="per question, side and turn")
    parser.add_argument(
        "--data-dir",
        type=Path,
        help="a district run_all kept (its --data-dir, this --learners and --seed): measured "
        "there, not loaded",
    )
    args = parser.parse_args(argv)
    with (
        tempfile.TemporaryDirectory(prefix="lrm-bench-district-") as work,
        (
            database_at(args.data_dir, args.heap, args.page_cache)
            if args.data_dir
            else fresh_database(args.heap, args.page_cache)
        ) as db,
    ):
        if not args.data_dir:
            print(load.run(db, args.learners, args.seed, Path(work), 0, 0).markdown(), flush=True)
        asked = reads.paths(reads.samples(db, args.samples, args.seed))
        headers = admin_headers(db)
        timed: dict[tuple[str, str], list[float]] = {}
        with (
            serve(db, args.before, args.before_python, args.before_workers) as before,
            serve(db, workers=args.workers) as after,
        ):
            sides = {"before": before, "after": after}
            for _ in range(args.rounds):
                for question in QUESTIONS:
                    for side, server in sides.items():
                        taken = reads.hammer(asked[question], reads._get,
                                             reads._http_session(server, headers),
                                             args.requests, 60.0, clients=args.clients)  # fmt: skip
                        timed.setdefault((question, side), []).extend(taken.seconds)
        table = Table(
            f"Before / after on one database: {args.rounds} turns of {args.requests} "
            f"requests a side, {args.clients} client(s) (before: {args.before}"
            f"{', ' + str(args.before_python) if args.before_python else ''}; "
            f"uvicorn workers: {args.before_workers} before, {args.workers} after)",
            ("question", "requests a side", "before p50 / p99 ms", "after p50 / p99 ms",
             "ratio p50 after / before"),
        )  # fmt: skip
        for question in QUESTIONS:
            was, now = timed[(question, "before")], timed[(question, "after")]
            table.add(question, len(now), _ms(was), _ms(now),
                      ratio(percentile(now, 0.5), percentile(was, 0.5)))  # fmt: skip
        print(table.markdown(), flush=True)


def _ms(seconds: list[float]) -> str:
    return f"{percentile(seconds, 0.5) * 1000:.1f} / {percentile(seconds, 0.99) * 1000:.1f}"


if __name__ == "__main__":
    main()
