"""How many members each hub has, as counted lately: kept a few seconds, so a network
question counts a school's 2,000 enrolled (or an interest's district-wide people) once
in a while, not on every answer.

Only the number shown is kept. Whether a group is a hub is decided on every answer
(cypher/fragments/members, counted up to the bound): a group that falls to the bound is
walked at once; its shown count is at most `KEEP_SECONDS` old, never below the bound + 1.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping

KEEP_SECONDS = 30.0
# A district has a few hundred hubs (schools, organizations, interests, industries).
MOST_KEPT = 10_000


class HubCounts:
    """Member counts of hubs, each kept `seconds`, at most `entries` (least recent out)."""

    def __init__(
        self,
        seconds: float = KEEP_SECONDS,
        entries: int = MOST_KEPT,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        self.seconds, self.entries, self.now = seconds, entries, now
        self._counts: OrderedDict[str, tuple[int, float]] = OrderedDict()
        self._lock = threading.Lock()

    def fresh(self) -> dict[str, int]:
        """Return {hub uid: members} of the counts younger than the bound."""
        oldest = self.now() - self.seconds
        with self._lock:
            return {uid: count for uid, (count, at) in self._counts.items() if at > oldest}

    def keep(self, counts: Mapping[str, int]) -> None:
        """Keep these counts, made now."""
        at = self.now()
        with self._lock:
            for uid, count in counts.items():
                self._counts[uid] = (count, at)
                self._counts.move_to_end(uid)
            while len(self._counts) > self.entries:
                self._counts.popitem(last=False)


COUNTS = HubCounts()  # one per process, like the driver: counts are the database's
