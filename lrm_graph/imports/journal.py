"""What undoes an import: a journal kept batch by batch, played back in reverse on failure.

An import writes in batches, each its own transaction (one transaction for a whole
district was measured far too slow: bench/atomic_import.py). So that a failure part way
leaves nothing half-written, every batch keeps, in the same transaction as its write, an
`ImportJournal` node (import id, batch number, the batch's `now`, the process that runs
it) holding the uids of the nodes and relationships it created, and an `ImportBefore`
copy of every node and relationship it changed, as it was. When the import fails, `undo`
plays the batches back newest first, each in a transaction of its own that also removes
that batch's journal: restored copies, created things deleted. A rollback cut off part way
(the process killed again) goes on from where it stopped when it is run again. When the
import succeeds, `drop` removes its journal.

Someone else's write meanwhile is never undone. Every write of the LRM moves the
`updated_at` of what it changes; a node or relationship whose `updated_at` is neither the
import's (the batch's `now`) nor the one it had before the import is left as it is, and
named in the rollback's `kept` (so is a created node that someone else linked to: it
keeps the links they made). What the import left unchanged but stamped (its roster
bookkeeping) is restored too, so a rolled-back import leaves every property as it was.
Labels are not journaled: an import only labels the nodes it creates.
"""

from __future__ import annotations

import functools
import os
import socket
from dataclasses import dataclass, field
from typing import Any

from lrm_graph import problem_types
from lrm_graph.db.graph import Graph
from lrm_graph.errors import LrmError

RUNNER = f"{socket.gethostname()}:{os.getpid()}"  # the process that writes an import
KEPT_SHOWN = 50  # uids a rollback names of what it left because someone else changed it
DROP_BATCHES = 5  # journal batches removed per transaction once an import succeeded


@dataclass
class Journal:
    """The journal of one import: numbers its batches (`entry()` gives the next one's)."""

    import_id: str
    seq: int = 0

    def entry(self) -> dict[str, Any]:
        """Return the next batch's journal parameter (`$journal` of the import queries)."""
        self.seq += 1
        return {"import_id": self.import_id, "seq": self.seq, "runner": RUNNER}


@dataclass
class Undone:
    """What a rollback did."""

    batches: int = 0
    restored: int = 0  # nodes and relationships set back as they were
    deleted: int = 0  # nodes and relationships the import created
    kept: list[str] = field(default_factory=list)  # uids someone else changed meanwhile

    def as_dict(self) -> dict[str, Any]:
        return {
            "batches": self.batches, "restored": self.restored, "deleted": self.deleted,
            "kept": len(self.kept), "kept_uids": self.kept[:KEPT_SHOWN],
        }  # fmt: skip

    def summary(self) -> str:
        said = f"rolled back: {self.restored} restored, {self.deleted} deleted"
        if self.kept:
            shown = ", ".join(self.kept[:5]) + (", ..." if len(self.kept) > 5 else "")
            said += f"; {len(self.kept)} left as someone else changed them meanwhile ({shown})"
        return said


class ImportRolledBack(LrmError):
    """An import stopped part way and what it had written was rolled back. It answers
    with the problem type of what stopped it (`rolled_back`): 503 when the graph did not
    answer, 422 for bad input, 500 for anything unexpected."""

    problem = problem_types.INTERNAL_ERROR

    def __init__(self, reason: str, undone: Undone) -> None:
        super().__init__(f"the import stopped: {reason}; {undone.summary()}")
        self.reason, self.undone = reason, undone
        self.report: dict[str, Any] | None = None  # a roster import's, checked before it wrote


def undo(graph: Graph, import_id: str) -> Undone:
    """Roll an import back, its newest batch first, one transaction per batch."""
    undone = Undone()
    while rows := graph.write("imports/undo_journal_batch", import_id=import_id):
        row = rows[0]
        undone.batches += 1
        undone.restored += row["restored"]
        undone.deleted += row["deleted"]
        undone.kept += row["kept"]
    return undone


def drop(graph: Graph, import_id: str) -> None:
    """Remove the journal of an import that succeeded."""
    while graph.write("imports/drop_journal", import_id=import_id, limit=DROP_BATCHES)[0][
        "dropped"
    ]:
        pass


def reason(exc: BaseException) -> str:
    """Say in a line why an import stopped."""
    if isinstance(exc, LrmError):
        return exc.detail
    if isinstance(exc, KeyboardInterrupt):
        return "it was interrupted"
    return f"an unexpected error ({type(exc).__name__})"


def rolled_back(graph: Graph, import_id: str, exc: BaseException) -> ImportRolledBack:
    """Undo an import that raised `exc`; return the error that says so (raise it from
    `exc`). When the rollback itself fails, that error is raised: the journal stays, and
    the import is rolled back when the history is next listed (`history.reap`)."""
    kind = _rolled_back_as(exc.problem) if isinstance(exc, LrmError) else ImportRolledBack
    return kind(reason(exc), undo(graph, import_id))


@functools.cache
def _rolled_back_as(problem: problem_types.ProblemType) -> type[ImportRolledBack]:
    """Return the `ImportRolledBack` that answers with `problem` (one class per type)."""
    return type(ImportRolledBack.__name__, (ImportRolledBack,), {"problem": problem})
