"""The CLI's progress off a terminal: lines on stderr every `interval` seconds and at the end."""

from __future__ import annotations

import pytest

from cli.progress import Lines


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_lines_come_every_interval_and_at_the_end(capsys: pytest.CaptureFixture[str]) -> None:
    clock = Clock()
    lines = Lines("importing", 100_000, 10, clock=clock)
    for seconds, rows in ((4, 10_000), (11, 10_000), (15, 5_000), (21, 25_000), (30, 50_000)):
        clock.now = 100.0 + seconds
        lines.advance(rows)
    assert capsys.readouterr().err.splitlines() == [
        "importing: 20,000 of 100,000 rows (20%), 1,818 rows/s, 44 s left",
        "importing: 50,000 of 100,000 rows (50%), 2,381 rows/s, 21 s left",
        "importing: 100,000 of 100,000 rows (100%), 3,333 rows/s, 0 s left",
    ]


def test_work_that_ends_short_of_its_total_says_where(
    capsys: pytest.CaptureFixture[str],
) -> None:
    clock = Clock()
    lines = Lines("importing", 1_000, 10, clock=clock)
    clock.now += 2
    lines.advance(900)  # the rest were skipped
    lines.finish()
    lines.finish()
    assert capsys.readouterr().err == ("importing: 900 of 1,000 rows (90%), 450 rows/s, 0 s left\n")


def test_a_long_wait_is_said_in_hours_and_minutes(capsys: pytest.CaptureFixture[str]) -> None:
    clock = Clock()
    lines = Lines("loading", 1_000_000, 0, "characters", clock=clock)
    clock.now += 60
    lines.advance(10_000)
    assert capsys.readouterr().err == (
        "loading: 10,000 of 1,000,000 characters (1%), 167 characters/s, 1 h 39 min left\n"
    )
