"""Who a bearer token or API key stands for, checked in the database and then trusted for
a few seconds (`token_cache_seconds`): a read then needs no round trip to check its caller.

The bound is the price: a token signed out elsewhere (this process forgets its own
sign-outs at once), an account disabled, a person erased or removed
by the roster, a provider's back-channel logout or a revoked key stops working on every
API process within `token_cache_seconds`, not at once. A token is never trusted past its
own expiry, and a refused one is never remembered (each try is checked again).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime

from lrm_graph import clock
from lrm_graph.auth import accounts, keys
from lrm_graph.auth.caller import Caller
from lrm_graph.auth.secrets import KEY_PREFIX, TOKEN_PREFIX, digest
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph


@dataclass(frozen=True)
class _Checked:
    caller: Caller
    until: float  # time.monotonic() after which the database is asked again
    expires_at: datetime | None  # the token's own expiry (None: a key, which has none)


class CheckedCallers:
    """The callers this process checked lately, by the digest of their secret (bounded)."""

    def __init__(self, seconds: float, entries: int) -> None:
        self.seconds = seconds
        self.entries = entries
        self.checks = 0  # how many times the database was asked (for tests and benches)
        self._checked: OrderedDict[str, _Checked] = OrderedDict()
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings) -> CheckedCallers:
        return cls(settings.token_cache_seconds, settings.token_cache_entries)

    def caller_for(self, graph: Graph, secret: str) -> Caller | None:
        """Return the caller a live token or key stands for, or None."""
        key = digest(secret)
        with self._lock:
            checked = self._checked.get(key)
            if checked is not None and self._still_good(checked):
                self._checked.move_to_end(key)
                return checked.caller
        self.checks += 1
        found = _check(graph, secret)
        if found is None:
            return None
        caller, expires_at = found
        if self.seconds > 0:
            self._remember(key, _Checked(caller, time.monotonic() + self.seconds, expires_at))
        return caller

    def sign_out(self, graph: Graph, token: str) -> bool:
        """Revoke a sign-in token: refused at once here, within the bound elsewhere."""
        with self._lock:
            self._checked.pop(digest(token), None)
        return accounts.revoke_token(graph, token)

    def clear(self) -> None:
        """Forget every caller (the next request of each is checked in the database)."""
        with self._lock:
            self._checked.clear()

    def _still_good(self, checked: _Checked) -> bool:
        if time.monotonic() >= checked.until:
            return False
        return checked.expires_at is None or checked.expires_at > clock.now()

    def _remember(self, key: str, checked: _Checked) -> None:
        with self._lock:
            self._checked[key] = checked
            self._checked.move_to_end(key)
            while len(self._checked) > self.entries:
                self._checked.popitem(last=False)


def _check(graph: Graph, secret: str) -> tuple[Caller, datetime | None] | None:
    if secret.startswith(KEY_PREFIX):
        caller = keys.caller_for_key(graph, secret)
        return (caller, None) if caller else None
    if secret.startswith(TOKEN_PREFIX):
        return accounts.token_caller(graph, secret)
    return None
