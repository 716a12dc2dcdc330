"""Who may run the reports and analytics, and which learners they see in them.

Reports and analytics are for the people who look after learners: district and school
staff, and systems holding the read scope. Learners, guardians and experts have views of
their own elsewhere and get 403 here. A caller sees in a report only the learners
`visibility.visible_learners` gives them; the queries take that set as `$visible` (null for
the whole district) and never repeat the rule.

The `lrm` CLI runs the same use cases as the local operator (`cli.operator_audit`): an
admin, who sees the whole district (`DISTRICT`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from lrm_graph.access import visibility
from lrm_graph.auth.caller import Caller, Role, Scope
from lrm_graph.db.graph import Graph
from lrm_graph.errors import Forbidden

REPORT_ROLES = frozenset(
    {
        Role.ADMIN,
        Role.SCHOOL_ADMIN,
        Role.COUNSELOR,
        Role.TEACHER,
        Role.ADVISOR,
        Role.COACH,
        Role.MENTOR,
        Role.CLIENT,
    }
)
# Who may turn a suggested mentor match into a caring relationship: those who may write
# caring relationships for a learner they see.
MATCH_ROLES = frozenset({Role.ADMIN, Role.SCHOOL_ADMIN, Role.COUNSELOR, Role.CLIENT})


@dataclass(frozen=True)
class ReportScope:
    """The learners a caller sees in reports: {uid: purpose}, or None for every learner."""

    visible: Mapping[str, str] | None = None

    @property
    def whole_district(self) -> bool:
        return self.visible is None

    def param(self) -> list[str] | None:
        """Return the `$visible` parameter of the report queries (null: every learner)."""
        return None if self.visible is None else sorted(self.visible)

    def describe(self) -> str:
        """Say which learners an answer covers: "the whole district", or how many."""
        if self.visible is None:
            return "the whole district"
        count = len(self.visible)
        return f"the {count} learner{'' if count == 1 else 's'} the caller may see"

    def sees(self, learner_uid: str) -> bool:
        return self.visible is None or learner_uid in self.visible

    def purposes(self, learner_uids: Iterable[str]) -> dict[str, str]:
        """Return {learner uid: the purpose that lets the caller see them}, for the audit."""
        if self.visible is None:
            return dict.fromkeys(learner_uids, visibility.ALL)
        # "none" cannot happen (every query is anchored on $visible); if it ever did, the
        # audit would still say who saw whom, and that no relationship allowed it.
        return {uid: self.visible.get(uid, "none") for uid in learner_uids}


DISTRICT = ReportScope()  # the local operator of the CLI


def check_reader(caller: Caller | None) -> Caller:
    """Return `caller` if they may run reports and analytics at all; 403 otherwise."""
    if caller is None:  # the API signs every /v1 caller in first
        raise Forbidden("sign in first")
    if caller.role not in REPORT_ROLES:
        raise Forbidden(
            f"reports and analytics are for staff and API clients, not a {caller.role.value}"
        )
    if not caller.has_scope(Scope.READ):
        raise Forbidden(f"this needs the {Scope.READ.value!r} scope")
    return caller


def scope_for(graph: Graph, caller: Caller | None) -> ReportScope:
    """Return the learners `caller` sees in reports and analytics; 403 if they may not run them."""
    return ReportScope(visibility.visible_learners(graph, check_reader(caller)))


def match_purpose(graph: Graph, caller: Caller, learner_uid: str) -> str:
    """Return why `caller` may give this learner a caring adult; 403, or 404 as if absent.

    Admins, school admins and counselors (for learners of their organization) and API
    clients with the write scope (within their organization, if they have one).
    """
    if caller.role not in MATCH_ROLES:
        raise Forbidden("accepting a match is for admins, school admins and counselors")
    if not caller.has_scope(Scope.WRITE):
        raise Forbidden(f"this needs the {Scope.WRITE.value!r} scope")
    return visibility.learner_purpose(graph, caller, learner_uid)
