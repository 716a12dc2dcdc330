"""Collect every problem+json answer the suite receives, and hold RFC 9457's rule that
one problem type comes with one title (and one status), whichever test saw it.

Hooked into httpx's client, which both TestClient and the tests that call a uvicorn
server use, so every answer of the real app passes through it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from lrm_graph import problem_types

Seen = defaultdict[str, set[tuple[str, int]]]


class ProblemAnswers:
    def __init__(self) -> None:
        self.seen: Seen = defaultdict(set)
        self.where: dict[tuple[str, str, int], str] = {}

    def note(self, response: httpx.Response) -> None:
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
    send = httpx.Client.send

    def noting_send(self: httpx.Client, request: httpx.Request, **kwargs: Any) -> httpx.Response:
        response = send(self, request, **kwargs)
        if not kwargs.get("stream"):
            answers.note(response)
        return response

    httpx.Client.send = noting_send  # type: ignore[method-assign]
    yield answers
    httpx.Client.send = send  # type: ignore[method-assign]
    wrong = answers.disagreements()
    assert not wrong, "problem types answered with another title or status:\n" + "\n".join(wrong)
