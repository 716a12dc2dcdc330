"""What is wrong with a OneRoster set: every problem, classified, and the rows it skips.

A problem names its file, line and column, a stable `code` (the README lists them), the
value and its severity: an **error** means the row cannot be imported as it stands (it is
skipped, and so are the rows that depend on it), a **warning** that it is imported after a
stated normalisation, or left out on purpose (a row a delta deletes), or is a harmless
oddity. An error with no line (a manifest that cannot be read, a missing file) leaves
nothing to import. Knock-on problems (an enrollment of a skipped class, a user with no
role because their roles row was skipped) are folded under the problem that caused them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from lrm_graph import problem_types
from lrm_graph.errors import InvalidInput

ERROR, WARNING = "error", "warning"
DEFAULT_MAX_SKIPPED = 10.0  # percent of a file's rows an import may skip


@dataclass(eq=False)
class Problem:
    file: str
    line: int | None
    column: str | None
    code: str
    message: str
    value: str | None = None
    severity: str = ERROR
    user: str | None = None  # the sourcedId of the user the row is about (erasure scrubs it)
    knock_ons: list[Problem] = field(default_factory=list)
    cause: Problem | None = field(default=None, repr=False)

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f" line {self.line}"
        if self.column:
            where += f", column {self.column}"
        return f"{where}: {self.message}"

    @property
    def root(self) -> Problem:
        return self if self.cause is None else self.cause.root

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": self.severity,
            "value": self.value,
            "message": self.message,
            "user": self.user,
            "knock_ons": [k.as_dict() for k in self.knock_ons],
        }


@dataclass
class Problems:
    """The report of one set: its problems, and which rows they skip or take out."""

    found: list[Problem] = field(default_factory=list)  # causes, in the order found
    rows: Counter[str] = field(default_factory=Counter)  # data rows per file
    skipped: dict[str, dict[int, Problem]] = field(default_factory=lambda: defaultdict(dict))
    taken_out: dict[str, dict[int, Problem]] = field(default_factory=lambda: defaultdict(dict))
    skipped_ids: dict[str, dict[str, Problem]] = field(default_factory=lambda: defaultdict(dict))
    failed_files: dict[str, Problem] = field(default_factory=dict)  # no row of it is usable
    _keys: dict[str, dict[int, tuple[str, str | None]]] = field(
        default_factory=lambda: defaultdict(dict)
    )

    def register(self, file: str, line: int, source_id: str, user: str | None) -> None:
        """Remember a row's sourcedId and user, so that a problem on it can name them."""
        self._keys[file][line] = (source_id, user)

    def add(
        self,
        file: str,
        line: int | None,
        column: str | None,
        code: str,
        message: str,
        *,
        value: str | None = None,
        warning: bool = False,
        cause: Problem | None = None,
    ) -> Problem:
        """Record a problem; an error on a row skips that row. A `cause` folds it under
        the problem that brought it about."""
        source_id, user = self._keys[file].get(line, ("", None)) if line else ("", None)
        problem = Problem(
            file, line, column, code, message, value, WARNING if warning else ERROR, user
        )
        if cause is None:
            self.found.append(problem)
        else:
            problem.cause = cause.root
            cause.root.knock_ons.append(problem)
        if not warning and line is not None:
            self.skip(file, line, problem, source_id)
        return problem

    def skip(self, file: str, line: int, problem: Problem, source_id: str = "") -> None:
        """Skip a row because of `problem` (its root cause is what dependants fold under)."""
        self.skipped[file].setdefault(line, problem.root)
        source_id = source_id or self._keys[file].get(line, ("", None))[0]
        if source_id:
            self.skipped_ids[file].setdefault(source_id, problem.root)

    def take_out(self, file: str, line: int, problem: Problem) -> None:
        """Leave a row out on purpose (a delta deletes what it points at, or it is stale)."""
        self.taken_out[file].setdefault(line, problem)

    def left_out(self, file: str, line: int) -> bool:
        return line in self.skipped.get(file, {}) or line in self.taken_out.get(file, {})

    def skipped_id(self, file: str, source_id: str) -> Problem | None:
        return self.skipped_ids.get(file, {}).get(source_id)

    def all(self) -> list[Problem]:
        """Every problem, knock-ons after their cause."""
        return [p for cause in self.found for p in (cause, *cause.knock_ons)]

    def count(self, severity: str) -> int:
        return sum(1 for p in self.all() if p.severity == severity)

    def blocking(self) -> list[Problem]:
        """Errors that are not about one row: nothing of the set can be imported."""
        return [p for p in self.found if p.severity == ERROR and p.line is None]

    def files(self) -> dict[str, dict[str, int]]:
        """Per file: rows read, skipped (errors and their dependants), taken out."""
        names = sorted(set(self.rows) | set(self.skipped) | set(self.taken_out))
        return {
            name: {
                "rows": self.rows[name],
                "skipped": len(self.skipped.get(name, {})),
                "taken_out": len(self.taken_out.get(name, {})),
            }
            for name in names
        }

    def over(self, max_skipped: float) -> list[str]:
        """Name the files that would skip more than `max_skipped` percent of their rows."""
        return [
            f"{name} would skip {n['skipped']} of {n['rows']} rows (over {max_skipped:g}%)"
            for name, n in self.files().items()
            if n["rows"] and n["skipped"] * 100 > max_skipped * n["rows"]
        ]

    def report(self) -> dict[str, Any]:
        """The report as stored and answered: counts, files and every problem."""
        return {
            "errors": self.count(ERROR),
            "warnings": self.count(WARNING),
            "files": self.files(),
            "problems": [p.as_dict() for p in self.found],
        }


class RosterRejected(InvalidInput):
    """A OneRoster set refused whole; nothing of it was written. `report` says why."""

    problem = problem_types.IMPORT_INVALID

    def __init__(self, problems: Problems, reason: str | None = None) -> None:
        errors = [p for p in problems.all() if p.severity == ERROR]
        if reason:
            detail = f"{reason} ({len(errors)} error{'s' if len(errors) != 1 else ''} in all)"
        else:
            more = len(errors) - 1
            tail = f" (and {more} more problem{'s' if more > 1 else ''})" if more > 0 else ""
            detail = f"{errors[0] if errors else 'refused'}{tail}"
        # The API answers the errors (the stored report has them all, warnings too).
        shown = [p.as_dict() for p in errors[:200]]
        super().__init__(detail, problems=shown, problem_count=len(errors))
        self.problems = problems
        self.errors = errors
        self.total = len(errors)
