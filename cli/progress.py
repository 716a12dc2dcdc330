"""Progress of long CLI work: a bar on a terminal, plain lines in a script, pipe or cron job.

When stderr is not a terminal, a line goes out after a batch once `interval` seconds have
passed since the last one, and when the work is done: the rows (or other units) done of
the total, the rate so far, and the time left at that rate. Progress goes to stderr, so
that stdout holds only the command's answer.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

Advance = Callable[[int], Any]  # rows done since the last call
Start = Callable[[int], Advance]  # the total rows -> advance

# Resolves sys.stderr at print time, so typer's CliRunner captures it.
console = Console(stderr=True, highlight=False, soft_wrap=True)


@contextmanager
def shown(label: str, interval: float, unit: str = "rows") -> Iterator[Start]:
    """Yield `start(total)`, which begins showing progress and returns its `advance(done)`."""
    if not console.is_terminal:
        started: list[Lines] = []

        def begin(total: int) -> Advance:
            started.append(Lines(label, total, interval, unit))
            return started[-1].advance

        yield begin
        for lines in started:
            lines.finish()
        return
    columns = (
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=True) as bar:

        def start(total: int) -> Advance:
            task = bar.add_task(label, total=total)
            return lambda rows: bar.advance(task, rows)

        yield start


class Lines:
    """Progress as lines: one after a batch every `interval` seconds, and one at the end."""

    def __init__(
        self,
        label: str,
        total: int,
        interval: float,
        unit: str = "rows",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.label, self.total, self.interval, self.unit = label, total, interval, unit
        self.clock = clock
        self.started = self.last = clock()
        self.done, self.shown = 0, 0

    def advance(self, done: int) -> None:
        self.done += done
        now = self.clock()
        if now - self.last >= self.interval or self.done >= self.total:
            self._print(now)

    def finish(self) -> None:
        """Say where the work ended, unless the last line said it (some rows are not
        worked through: an import skips the rows with errors)."""
        if self.done != self.shown:
            self._print(self.clock())

    def _print(self, now: float) -> None:
        self.last, self.shown = now, self.done
        console.print(self.line(now - self.started), markup=False)

    def line(self, elapsed: float) -> str:
        """Return e.g. `importing: 25,000 of 136,000 rows (18%), 4,210 rows/s, 26 s left`."""
        share = 100 * self.done // self.total if self.total else 100
        rate = self.done / elapsed if elapsed > 0 else 0.0
        left = max(self.total - self.done, 0)
        eta = _duration(left / rate) if rate else "unknown time"
        return (
            f"{self.label}: {self.done:,} of {self.total:,} {self.unit} ({share}%), "
            f"{rate:,.0f} {self.unit}/s, {eta} left"
        )


def _duration(seconds: float) -> str:
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    minutes, rest = divmod(whole, 60)
    return (
        f"{minutes} min {rest:02d} s"
        if minutes < 60
        else f"{minutes // 60} h {minutes % 60:02d} min"
    )
