"""What an analytic is asked for: which learners it reports on, and its knobs."""

from __future__ import annotations

from dataclasses import dataclass

from lrm_graph.errors import InvalidInput

K_MAX, LIMIT_MAX, TOP_MAX, SAMPLES_MAX = 6, 50, 500, 5000


@dataclass(frozen=True)
class LearnerFilter:
    """Which learners a report is about; the support graph around them stays whole."""

    organization: str | None = None
    grade: str | None = None
    community: str | None = None


@dataclass(frozen=True)
class Options:
    """The knobs of the analytics; each applies to the analytics named beside it."""

    k: int = 2  # goal-gaps: a tie within k hops of the learner connects the goal
    include_connected: bool = False  # goal-gaps: list connected goals too
    limit: int = 5  # mentor-matches, community-suggestions: listed per learner
    top: int = 20  # structure: bridging adults listed
    samples: int = 100  # structure: betweenness sources on graphs above EXACT_LIMIT
    seed: int | None = 0  # structure: the same report twice gives the same estimate

    def check(self) -> None:
        """Raise InvalidInput for a knob out of its range."""
        for name, value, high in (
            ("k", self.k, K_MAX),
            ("limit", self.limit, LIMIT_MAX),
            ("top", self.top, TOP_MAX),
            ("samples", self.samples, SAMPLES_MAX),
        ):
            if not 1 <= value <= high:
                raise InvalidInput(f"{name} must be between 1 and {high}, not {value}")
