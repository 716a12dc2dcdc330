"""After every file is checked: the rows that depend on skipped or deleted rows, and which
agents become guardians.

- A row whose required reference points at a skipped row is skipped too, its problem
  folded under the first cause (`skipped-dependency`); an optional link to a skipped row
  is left out (a warning).
- A row of a delta that points at a row the same delta marks tobedeleted is taken out
  (`deleted-in-delta`, a warning: the delta says so itself).
- A user whose role rows are all skipped has no role: skipped, a knock-on.
- Only an agent whose role is parent, guardian or relative becomes GUARDIAN_OF; another
  agent is a warning (`agent-role`) and no relationship.
"""

from __future__ import annotations

from lrm_graph.imports.oneroster.check_people import FAMILY_ROLES, resolve_kinds, roles_of
from lrm_graph.imports.oneroster.index import Index, Link

WHAT = {
    "orgs.csv": "org",
    "classes.csv": "class",
    "users.csv": "user",
    "academicSessions.csv": "academic session",
    "courses.csv": "course",
}
GUARDIAN_ROLES = frozenset({"guardian", "parent"})  # as the import stores family roles


def propagate(index: Index) -> None:
    """Skip, leave out or take out what depends on skipped or deleted rows, to a fixpoint."""
    more = True
    while more:
        more = False
        for link in index.links:
            more |= _settle(index, link)
        more |= resolve_kinds(index)


def _settle(index: Index, link: Link) -> bool:
    """Settle one reference; say whether a row was newly skipped."""
    problems = index.problems
    key = (link.file, link.line, link.column, link.value)
    if problems.left_out(link.file, link.line) or key in index.dropped:
        return False
    what = f"{WHAT.get(link.target, 'row')} {link.value!r}"
    cause = problems.skipped_id(link.target, link.value) or problems.failed_files.get(link.target)
    deleted = index.retired.get(link.target, {}).get(link.value)
    if cause is not None:
        if link.required:
            index.problem(link.file, link.line, link.column, "skipped-dependency",
                          f"its {what} is skipped", value=link.value, cause=cause)  # fmt: skip
            return True
        index.dropped.add(key)
        index.problem(link.file, link.line, link.column, "skipped-dependency",
                      f"its {what} is skipped; the link is left out", value=link.value,
                      warning=True, cause=cause)  # fmt: skip
    elif deleted is not None:
        message = f"{what} is deleted in this delta ({link.target} line {deleted})"
        tail = "; the row is left out" if link.required else "; the link is left out"
        at = (link.file, link.line, link.column)
        problem = index.problem(
            *at, "deleted-in-delta", message + tail, value=link.value, warning=True
        )
        if link.required:
            problems.take_out(link.file, link.line, problem)
        else:
            index.dropped.add(key)
    return False


def check_agents(index: Index) -> None:
    """Decide which agentSourcedIds pairs become GUARDIAN_OF (`index.guardians`)."""
    for line, user, agent in index.agents:
        key = ("users.csv", line, "agentSourcedIds", agent)
        if index.problems.left_out("users.csv", line) or key in index.dropped:
            continue
        kinds = {index.kinds.get(user) or "": user, index.kinds.get(agent) or "": agent}
        if set(kinds) != {"adult", "learner"}:
            if "" not in kinds:
                _agent_problem(
                    index, line, agent, f"{agent!r} and {user!r} are not an adult and a learner"
                )
            continue
        adult = kinds["adult"]
        roles = roles_of(index, adult) if adult in index.users else set()
        stored = set(index.graph_roles.get(adult, []))
        if not (roles & FAMILY_ROLES or stored & GUARDIAN_ROLES):
            held = ", ".join(sorted(roles or stored)) or "no role"
            message = f"agent {adult!r} is {held}, not a parent, guardian or relative"
            _agent_problem(index, line, agent, message)
            continue
        index.guardians.add((adult, kinds["learner"]))


def _agent_problem(index: Index, line: int, agent: str, message: str) -> None:
    index.dropped.add(("users.csv", line, "agentSourcedIds", agent))
    index.problem("users.csv", line, "agentSourcedIds", "agent-role",
                  message + "; no guardian link", value=agent, warning=True)  # fmt: skip
