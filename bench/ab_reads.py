"""Before and after on one district: a learner's network (1 and 2 hops) through two API
servers on the same database, this checkout's and another's (`--before`, e.g. a worktree
of main), one client each, taken in turns (before, after, before, ...) so that a busy
machine weighs on both alike; p50 / p99 of each and the ratio after / before.

    .venv/bin/python bench/ab_reads.py --learners 10000 --before /path/to/main-worktree
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):  # run as a script: the repository root is the package root
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import load, reads
from bench.common import Table, district_arguments, fresh_database, percentile, ratio
from bench.server import admin_headers, serve

QUESTIONS = ("network, 1 hop", "network, 2 hops")


def main(argv: list[str] | None = None) -> None:
    parser = district_arguments(__doc__ or "", heap="2g", page_cache="1g")
    parser.add_argument("--before", type=Path, required=True, help="the other checkout")
    parser.add_argument("--samples", type=int, default=200, help="learners sampled")
    parser.add_argument("--rounds", type=int, default=6, help="turns of each side")
    parser.add_argument("--requests", type=int, default=50, help="per question, side and turn")
    args = parser.parse_args(argv)
    with (
        tempfile.TemporaryDirectory(prefix="lrm-bench-district-") as work,
        fresh_database(args.heap, args.page_cache) as db,
    ):
        print(load.run(db, args.learners, args.seed, Path(work), 0, 0).markdown(), flush=True)
        asked = reads.paths(reads.samples(db, args.samples, args.seed))
        headers = admin_headers(db)
        timed: dict[tuple[str, str], list[float]] = {}
        with serve(db, args.before) as before, serve(db) as after:
            sides = {"before": before, "after": after}
            for _ in range(args.rounds):
                for question in QUESTIONS:
                    for side, server in sides.items():
                        taken = reads.hammer(asked[question], reads._get,
                                             reads._http_session(server, headers),
                                             args.requests, 60.0, clients=1)  # fmt: skip
                        timed.setdefault((question, side), []).extend(taken.seconds)
        table = Table(
            f"Before / after on one database: {args.rounds} turns of {args.requests} "
            f"requests a side, one client (before: {args.before})",
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
