"""What is wrong with a OneRoster set: each problem names its file, line and column."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lrm_graph import problem_types
from lrm_graph.errors import InvalidInput

MAX_PROBLEMS = 200  # kept and reported; counting goes on past it


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f" line {self.line}"
        if self.column:
            where += f", column {self.column}"
        return f"{where}: {self.message}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }


class RosterRejected(InvalidInput):
    """A OneRoster set with problems; nothing of it was written."""

    problem = problem_types.IMPORT_INVALID

    def __init__(self, problems: list[Problem], total: int | None = None) -> None:
        total = total or len(problems)
        more = f" (and {total - 1} more problems)" if total > 1 else ""
        super().__init__(
            f"{problems[0]}{more}",
            problems=[p.as_dict() for p in problems],
            problem_count=total,
        )
        self.problems = problems
        self.total = total


@dataclass
class Problems:
    """Collect problems across every file, so one run reports them all."""

    found: list[Problem] = field(default_factory=list)
    total: int = 0

    def add(self, file: str, line: int | None, column: str | None, message: str) -> None:
        self.total += 1
        if len(self.found) < MAX_PROBLEMS:
            self.found.append(Problem(file, line, column, message))

    def raise_any(self) -> None:
        """Raise `RosterRejected` when anything was found."""
        if self.found:
            raise RosterRejected(self.found, self.total)
