"""Collect every problem+json answer the suite receives, and hold RFC 9457's rule that
one problem type comes with one title (and one status), whichever test saw it.

Hooked into the clients of httpx and httpx2 (Starlette's TestClient uses httpx2, the
tests that call a uvicorn server httpx), so every answer of the real app passes through it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import httpx
import httpx2
import pytest

from lrm_graph import problem_types

Seen = defaultdict[str, set[tuple[str, int]]]


class ProblemAnswers:
    def __init__(self) -> None:
        self.seen: Seen = defaultdict(set)
        self.where: dict[tuple[str, str, int], str] = {}

    def note(self, response: Any) -> None:
        if not response.headers.get("content-type", "").startswith("application/problem+json"):
            return
        body = response.json()
        key = (body["type"], body["title"], body["status"])
        self.seen[body["type"]].add((body["title"], body["status"]))
        self.where.setdefault(key, f"{response.request.method} {response.request.url.path}")

    def disagreements(self) -> list[str]:
        """Return each type answered with more than one title or status, or not catalogued."""
        found = []
        for uri, pairs in sorted(self.seen.items()):
            kind = problem_types.named(uri.removeprefix(problem_types.PATH))
            if len(pairs) > 1 or kind is None or pairs != {(kind.title, kind.status)}:
                answers = [f"{t!r} {s} at {self.where[(uri, t, s)]}" for t, s in sorted(pairs)]
                found.append(f"{uri}: {'; '.join(answers)}")
        return found


@pytest.fixture(scope="session", autouse=True)
def problem_answers() -> Iterator[ProblemAnswers]:
    answers = ProblemAnswers()
    originals = {client: client.send for client in (httpx.Client, httpx2.Client)}
    for client, send in originals.items():
        client.send = _noting(send, answers)  # type: ignore[method-assign]
    yield answers
    for client, send in originals.items():
        client.send = send  # type: ignore[method-assign]
    wrong = answers.disagreements()
    assert not wrong, "problem types answered with another title or status:\n" + "\n".join(wrong)


def _noting(send: Any, answers: ProblemAnswers) -> Any:
    def noting_send(self: Any, request: Any, **kwargs: Any) -> Any:
        response = send(self, request, **kwargs)
        if not kwargs.get("stream"):
            answers.note(response)
        return response

    return noting_send
