"""The brief as Markdown and as HTML (every value escaped), from its JSON form."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

Brief = dict[str, Any]
Section = tuple[str, list[str]]


def sections(brief: Brief) -> list[Section]:
    """Return the brief's sections as (title, lines of plain text), in reading order."""
    learner = brief["learner"]
    gaps = brief["goal_gaps"]
    return [
        ("Conversation openers", list(brief["openers"])),
        ("Goals", [_goal(g) for g in brief["goals"]]),
        ("Interests", [i["name"] for i in brief["interests"]]),
        ("How they like to learn", list(learner.get("learning_preferences") or [])),
        ("Last interactions", [_interaction(i) for i in brief["last_interactions"]]),
        ("The rest of the care team", [_member(m) for m in brief["care_team"]]),
        ("Open interventions", [_plan(p) for p in brief["open_interventions"]]),
        (f"Quiet (no interaction in {brief['quiet_days']} days) or ending soon",
         [_tie(t) for t in brief["at_risk"]]),
        (f"Goals without a connection within {gaps['k']} hops", [_gap(g) for g in gaps["items"]]),
        ("Notes", [_note(n) for n in brief["notes"]]),
    ]  # fmt: skip


def _goal(goal: dict[str, Any]) -> str:
    progress = "" if goal.get("progress") is None else f", {goal['progress']}%"
    industries = ", ".join(i["name"] for i in goal.get("industries") or [])
    return f"{goal['title']} ({goal.get('status') or 'active'}{progress})" + (
        f" in {industries}" if industries else ""
    )


def _interaction(item: dict[str, Any]) -> str:
    by = item.get("author_name") or item["author_uid"]
    return f"{item['at']:%Y-%m-%d} {item['kind']} by {by}: {item['summary']}"


def _member(member: dict[str, Any]) -> str:
    last = member["last_interaction_at"]
    when = f", last interaction {last:%Y-%m-%d}" if last else ", no interaction on record"
    return f"{member['name']} ({', '.join(member['types'])}{when})"


def _plan(plan: dict[str, Any]) -> str:
    late = f" OVERDUE by {plan['days_overdue']} days" if plan["overdue"] else ""
    owner = plan.get("owner_name") or plan["owner_uid"]
    return (
        f"{plan['what']} (owner {owner}, every {plan['cadence_days']} days, "
        f"next check-in {plan['due_on']}){late}"
    )


def _tie(tie: dict[str, Any]) -> str:
    detail = f"ends {tie['until']}" if tie["risk"] == "ending" else "quiet"
    return f"{tie['adult_name']} ({tie['type']}): {detail}"


def _gap(gap: dict[str, Any]) -> str:
    steps = [s["name"] or "(another learner)" for s in gap["path"][1:]]
    way = " > ".join(steps) if steps else "no introduction found nearby"
    return f"{gap['goal_name']} ({gap['industry_name']}): {way}"


def _note(note: dict[str, Any]) -> str:
    by = note.get("author_name") or note["author_uid"]
    return f"{note['created_at']:%Y-%m-%d} {by} ({note['visibility']}): {note['text']}"


def _title(brief: Brief) -> str:
    learner = brief["learner"]
    grade = f", grade {learner['grade_level']}" if learner.get("grade_level") else ""
    return f"Brief: {learner.get('name') or learner['uid']}{grade}"


def markdown(brief: Brief) -> str:
    """Return the brief as Markdown (values are plain text; list markers are escaped)."""
    out = [f"# {_md(_title(brief))}", "", f"_Prepared {brief['generated_at']:%Y-%m-%d %H:%M} UTC_"]
    for title, lines in sections(brief):
        out += ["", f"## {title}", ""]
        out += [f"- {_md(line)}" for line in lines] or ["- (none)"]
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    """Escape what Markdown would read as markup in a value (and HTML, which it passes)."""
    escaped = html.escape(text, quote=False)
    return "".join("\\" + c if c in "\\`*_[]#|" else c for c in escaped).replace("\n", " ")


def to_html(brief: Brief) -> str:
    """Return the brief as a small HTML page; every value is HTML-escaped."""
    esc: Callable[[str], str] = html.escape
    title = esc(_title(brief))
    body = [f"<h1>{title}</h1>",
            f"<p><em>Prepared {brief['generated_at']:%Y-%m-%d %H:%M} UTC</em></p>"]  # fmt: skip
    for name, lines in sections(brief):
        items = "".join(f"<li>{esc(line)}</li>" for line in lines) or "<li>(none)</li>"
        body.append(f"<h2>{esc(name)}</h2><ul>{items}</ul>")
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{title}</title></head><body>{''.join(body)}</body></html>\n"
    )
