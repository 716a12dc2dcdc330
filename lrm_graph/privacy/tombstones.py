"""Remember erased learners without keeping anything about them: a keyed hash of a source id.

An erased learner must not come back with the next roster import or bulk load. What is
kept is an `ErasedSource {hash}` node per erased learner who came from another system:
HMAC-SHA256 of their `source_id` under the erasure key, so the store holds neither the id
nor anything that names the learner, and a guessed id cannot be checked without the key.
The key is `settings.erasure_key`; unset, one is made at the first erase and kept in the
database (then anyone who can read the database can test a guessed id: set the key).
Imports and bulk loads skip a learner whose source id is remembered, and say so in their
counts (`skipped`).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, field

from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph

KIND = "learner"


def _digest(key: str, source_id: str) -> str:
    message = f"{KIND}\x00{source_id}".encode()
    return hmac.new(key.encode(), message, hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Tombstones:
    """The erased learners' hashes, to ask of each source id in a load."""

    key: str | None = None
    hashes: frozenset[str] = field(default_factory=frozenset)

    def holds(self, source_id: str | None) -> bool:
        """Say whether the learner with this source id was erased."""
        if not self.hashes or self.key is None or source_id is None:
            return False
        return _digest(self.key, source_id) in self.hashes


def load(graph: Graph, settings: Settings) -> Tombstones:
    """Return the remembered erasures (one read; nothing to hash when there are none)."""
    rows = graph.read("privacy/list_tombstones")
    hashes = frozenset(rows[0]["hashes"]) if rows else frozenset()
    if not hashes:
        return Tombstones()
    configured = settings.erasure_key
    key = configured.get_secret_value() if configured else (rows[0]["key"] or None)
    return Tombstones(key, hashes)


def tombstone(graph: Graph, settings: Settings, source_id: str | None) -> str | None:
    """Return the hash that remembers this source id (None: no source id, nothing to keep)."""
    if source_id is None:
        return None
    configured = settings.erasure_key
    if configured is not None:
        key = configured.get_secret_value()
    else:
        rows = graph.write("privacy/keep_erasure_key", candidate=secrets.token_hex(32))
        key = rows[0]["key"]
    return _digest(key, source_id)
