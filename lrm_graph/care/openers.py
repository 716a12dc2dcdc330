"""Conversation openers for a brief: templates filled from the brief's own data, in a fixed
order, so the same brief gives the same openers (no model, no randomness)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

MAX_OPENERS = 5
SUMMARY_CHARS = 120

Brief = dict[str, Any]


def openers(brief: Brief) -> list[str]:
    """Return up to MAX_OPENERS openers: overdue plans, goals, introductions, the last
    interaction, ties at risk, interests; one of each kind first, then more."""
    sources: list[Callable[[Brief], Iterator[str]]] = [
        _overdue, _goals, _introductions, _last_interaction, _at_risk, _interests,
    ]  # fmt: skip
    queues = [list(source(brief)) for source in sources]
    chosen: list[str] = []
    while len(chosen) < MAX_OPENERS and any(queues):
        for queue in queues:
            if queue and len(chosen) < MAX_OPENERS:
                chosen.append(queue.pop(0))
    return chosen


def _overdue(brief: Brief) -> Iterator[str]:
    for plan in brief["open_interventions"]:
        if plan["overdue"]:
            yield f"The check-in on “{plan['what']}” was due on {plan['due_on']}: how is it going?"


def _goals(brief: Brief) -> Iterator[str]:
    for goal in brief["goals"]:
        if (goal.get("status") or "active") != "active":
            continue
        if goal.get("progress") is not None:
            yield f"“{goal['title']}” stands at {goal['progress']}%: what has moved since?"
        else:
            yield f"What would be the next step towards “{goal['title']}”?"


def _introductions(brief: Brief) -> Iterator[str]:
    for gap in brief["goal_gaps"]["items"]:
        industry, goal = gap["industry_name"], gap["goal_name"]
        introducer = gap["introducer"]
        if introducer is not None and introducer.get("name"):
            yield (f"Would they like to meet someone in {industry} (for “{goal}”)? "
                   f"{introducer['name']} could introduce them.")  # fmt: skip
        else:
            yield f"Nobody near them works in {industry} yet (for “{goal}”): who might they meet?"


def _last_interaction(brief: Brief) -> Iterator[str]:
    for last in brief["last_interactions"][:1]:
        summary = last["summary"]
        if len(summary) > SUMMARY_CHARS:
            summary = summary[: SUMMARY_CHARS - 1] + "…"
        by = last.get("author_name") or "a colleague"
        kind = last["kind"].replace("_", "-")
        yield f"Follow up on the {kind} of {last['at']:%Y-%m-%d} with {by}: “{summary}”"


def _at_risk(brief: Brief) -> Iterator[str]:
    for tie in brief["at_risk"]:
        name = tie["adult_name"] or "their " + tie["type"].lower()
        if tie["risk"] == "ending":
            yield f"Their relationship with {name} ends on {tie['until']}: who will be there next?"
        else:
            yield f"How are things with {name}? Nothing has been logged with them lately."


def _interests(brief: Brief) -> Iterator[str]:
    for interest in brief["interests"]:
        yield f"Ask about {interest['name']}: what have they done with it lately?"
