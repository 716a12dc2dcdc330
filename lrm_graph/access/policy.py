"""Who may read and write which record: every rule besides "which learners", as data.

Which learners a caller sees is `visibility.visible_learners` (one named query). Everything
else a caller may do follows from their *audience* and the tables in this module (READ,
WRITE, CREATE, CHANGE, CASELOAD, ERASE_LEARNER, BULK_SCOPES); the code reads the tables and
nothing else, and docs/access-policy.md is rendered from them (`lrm_graph.access.policy_doc`;
a test holds the page equal to the code), so the tables are written once: here. Deny by
default: what no table grants is refused. The rules of other records, coded in their
modules, are these (by audience, as in the tables):

| record: action | district | organization | staff | learner | guardian | expert |
| --- | --- | --- | --- | --- | --- | --- |
| search: opted-out learners | admin: yes | personal | personal | personal | personal | personal |
| mapping round: read | all | org | part (a) | part (a) | - | part (a) |
| mapping round: open, close | all | org | - | - | - | - |
| mapping round: roster | all | org | roster (b) | - | - | roster (b) |
| mapping round: mark learners | - | part (c) | part (c) | - | - | part (c) |
| mapping round: name adults | - | - | - | part (c) | - | - |
| mapping round: diff | all | visible | visible | - | - | - |
| relationship rating: rate | - | own end (d) | own end (d) | own end (d) | - | own end (d) |
| relationship rating: read | all | visible | own end (d) | own end (d) | - | own end (d) |
| own voice, /v1/me (e) | - | - | - | self | - | - |
| mentor request: ask, withdraw | - | - | - | own | - | - |
| mentor request: read | admin | visible (f) | - | own | - | - |
| mentor request: assign, decline, suggestions | admin | visible (f) | - | - | - | - |
| join request: ask, withdraw | - | - | - | own | - | - |
| join request: read, approve, decline | admin | org's (f) | led (g) | own (read) | - | - |

The care team's records (`lrm_graph.care`), by the caller's standing towards a learner
they see (no row: 404 as if absent, a learner they do not see always 404). *overseer*:
district admin, school_admin, counselor; *team*: an active caring relationship (MENTORS,
ADVISES, COACHES, COUNSELS from them, the learner's TRUSTS of them; an expert only while
connected and screened); *other*: staff who see the learner otherwise (a class). API keys:
403 on all of these (a person's work).

| record: action | overseer | team | other | learner | guardian |
| --- | --- | --- | --- | --- | --- |
| interaction: log (7) | yes | yes | yes | - | - |
| interaction: read | yes | yes | yes | - | - |
| note: write | yes | yes | yes | - | - |
| note: read (8) | shared | shared | own | learner | guardian |
| note: change, delete | own | own | - | - | - |
| intervention: open | yes | yes | - | - | - |
| intervention: read | yes | yes | owned | - | - |
| intervention: change, check in, close | yes | owned | owned | - | - |
| brief | yes | yes | yes | - | - |
| timeline (9) | yes | yes | yes | yes | yes |

(7) for every learner named, else nothing is written. (8) *shared*: visibility care_team,
learner or guardian (never another's private note); *learner* / *guardian*: notes of that
visibility; everyone reads the notes they wrote while they see the learner. (9) each event
as its record allows: relationships readable to them, notes by (8), interactions and
interventions by their rows.

(a) `lrm_graph.mapping.rounds`: the organization's adults (an active WORKS_AT), adults
with an active caring relationship to a learner enrolled there, learners enrolled there;
anyone else 404. (b) adults who WORK_AT the organization get its whole roster (uid, name,
grade of each learner enrolled there, opted-out learners included) while the round is
open: a school's own staff going through its own roster is the practice, the opt-out
governs finding learners by name, and a learner left off the roster could not be marked
and would show up as having no tie. Otherwise only the learners they see. (c) as themself:
an adult who WORKS_AT it marks any learner enrolled there, one who only cares for learners
there marks those they see; a learner enrolled there names adults; only while the round is
open (409 after). (d) `lrm_graph.records.ratings`: the learner or adult end of an active
caring relationship (CARING, or the learner's TRUSTS), and only while they see the
learner. (e) `lrm_graph.voice.profile`: their record's learning_preferences; goals (a new
one; changing one no other learner pursues; ending their PURSUES); INTERESTED_IN (a name
new to the catalogue adds the Interest); TRUSTS; MEMBER_OF of an open community (a closed
one: a join request); their network as the network question shows it to them. Anyone else
403. (f) school_admin and counselor, not API keys; *org's*: communities PART_OF their
organization (or a school PART_OF it). (g) communities they lead (MEMBER_OF, role leader)
or TEACH. A join request shows the learner's uid and name to those who decide it even when
they do not otherwise see the learner (audited as `join_request <uid>`). Bulk loads by a
key of one organization (`lrm_graph.access.bulk_scope`): each row as its single write
would be, a row outside the organization rejected with its reason: a node row of an
existing learner the key does not see, of an adult, expert or catalogue node tied to
another organization, or of a goal of learners it does not see; a relationship row with a
learner end it does not see, or another end tied to another organization. A new learner
needs, in the same load, an active ENROLLED_AT row to the key's organization or a school
PART_OF it (else its row is rejected): nothing is written that the key could not see. A
roster is the district's (a bulk file archives whatever it no longer lists).

- A relationship that shows a learner to someone new (an enrollment, a membership, a
  caring or guardian tie, teaching a community) is a grant: `lrm_graph.access.grants`
  says who may make one, whatever the path.
- A relationship is readable when every learner end is visible; one without a learner
  end when both ends are readable. Creating one needs every learner end visible; its
  other ends need only exist (a learner may name an adult they trust whom the school
  has not linked to them).
- Anyone reads their own caseload. An answer holds a relationship only where the caller
  may read it, by the rule above (`relationship_checks.readable_among`), whatever the
  question: a network, a path, a caseload, a timeline, a brief, an export. A learner the
  caller may not see is never in such an answer, not even by uid: a network and a
  caseload count them (`hidden_learners`), a path shows them as an anonymous hop (no uid,
  no name) and a relationship it may not read as a hop with no facts, an export counts
  the relationships it leaves out (`withheld_relationships`). Other nodes met on the way
  are shown (a warm introduction is the point of a path), but a path's two ends must be
  readable. Every learner an answer shows is recorded in the audit.
- API keys need the scope as well: read to read, write to write (403 first, so a key
  cannot probe). Bulk loads: admin, or a key with the import or write scope.
- A caller who may not read a record gets 404, exactly as if it did not exist; one who
  may read it but not do this gets 403.
- Directory opt-out: a learner who opted out is found by search (and by a list's
  `name=`) only by callers with a personal active relationship to them: themself, a
  guardian, the adult's own caring relationship or class. Organization roles without one
  do not find them, though they may still open the record by uid. The district admin
  does: they answer families' export and erase requests and must find any learner.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from lrm_graph import clock, problem_types
from lrm_graph.access import visibility
from lrm_graph.auth.caller import Caller, Role, Scope
from lrm_graph.db.graph import Graph
from lrm_graph.errors import Forbidden
from lrm_graph.vocabulary import NodeKind, RelType


class Audience(StrEnum):
    DISTRICT = "district"
    ORGANIZATION = "organization"
    STAFF = "staff"
    LEARNER = "learner"
    GUARDIAN = "guardian"
    EXPERT = "expert"


class Reach(StrEnum):
    """Which records of a kind a rule reaches (`REACHES` says what each means)."""

    ALL = "all"
    VISIBLE = "visible"
    RELATED = "related"
    PURSUED = "pursued"
    ORG = "org"
    NONE = "none"


REACHES = {
    Reach.ALL: "every one",
    Reach.VISIBLE: "the learners the caller sees (`visibility.visible_learners`)",
    Reach.RELATED: "themself, and the adults and experts actively related to them (a "
    "guardian: or to their child)",
    Reach.PURSUED: "a goal a learner they see pursues or pursued, or that nobody ever did",
    Reach.ORG: "tied to their organization (it, a school part of it, or a node actively "
    "working at, part of or enrolled at one of those) or to none",
    Reach.NONE: "none (`-`)",
}

_AUDIENCES = {
    Role.ADMIN: Audience.DISTRICT,
    Role.SCHOOL_ADMIN: Audience.ORGANIZATION,
    Role.COUNSELOR: Audience.ORGANIZATION,
    Role.TEACHER: Audience.STAFF,
    Role.ADVISOR: Audience.STAFF,
    Role.COACH: Audience.STAFF,
    Role.MENTOR: Audience.STAFF,
    Role.LEARNER: Audience.LEARNER,
    Role.GUARDIAN: Audience.GUARDIAN,
    Role.EXPERT: Audience.EXPERT,
}

L, A, E, G = NodeKind.LEARNER, NodeKind.ADULT, NodeKind.EXPERT, NodeKind.GOAL
CATALOGUE = (
    NodeKind.COMMUNITY, NodeKind.ORGANIZATION, NodeKind.INDUSTRY, NodeKind.INTEREST,
    NodeKind.RESOURCE,
)  # fmt: skip


def _row(learner: Reach, people: Reach, catalogue: Reach, goal: Reach) -> dict[NodeKind, Reach]:
    return {L: learner, A: people, E: people, G: goal} | dict.fromkeys(CATALOGUE, catalogue)


_EVERYONE = _row(Reach.ALL, Reach.ALL, Reach.ALL, Reach.ALL)
_SCHOOL = _row(Reach.VISIBLE, Reach.ALL, Reach.ALL, Reach.PURSUED)
_CIRCLE = _row(Reach.VISIBLE, Reach.RELATED, Reach.ALL, Reach.PURSUED)
_NOTHING = _row(Reach.NONE, Reach.NONE, Reach.NONE, Reach.NONE)

READ: dict[Audience, dict[NodeKind, Reach]] = {
    Audience.DISTRICT: _EVERYONE,
    Audience.ORGANIZATION: _SCHOOL,
    Audience.STAFF: _SCHOOL,
    Audience.LEARNER: _CIRCLE,
    Audience.GUARDIAN: _CIRCLE,
    Audience.EXPERT: _CIRCLE,
}
WRITE: dict[Audience, dict[NodeKind, Reach]] = {
    Audience.DISTRICT: _EVERYONE,
    Audience.ORGANIZATION: _row(Reach.VISIBLE, Reach.ORG, Reach.ORG, Reach.PURSUED),
    Audience.STAFF: _NOTHING,
    Audience.LEARNER: _NOTHING,
    Audience.GUARDIAN: _NOTHING,
    Audience.EXPERT: _NOTHING,
}
ERASE_LEARNER = frozenset({Role.ADMIN})

CARING = frozenset(
    {RelType.MENTORS, RelType.ADVISES, RelType.COACHES, RelType.COUNSELS, RelType.TEACHES}
)
LEARNER_TYPES = frozenset(
    {RelType.TRUSTS, RelType.PURSUES, RelType.INTERESTED_IN, RelType.MEMBER_OF}
)
STAFF_TYPES = CARING | LEARNER_TYPES - {RelType.TRUSTS} | {
    RelType.PEER_OF, RelType.PEER_MENTORS, RelType.USES,
}  # fmt: skip


@dataclass(frozen=True)
class CreateRule:
    """Which relationships an audience may create."""

    types: frozenset[RelType]
    from_self: frozenset[RelType] = frozenset()  # these only starting at the caller
    needs_learner: bool = False  # only relationships with a learner end
    ends_in_org: bool = False  # non-learner ends tied to their organization (or none)


@dataclass(frozen=True)
class ChangeRule:
    """Which relationships an audience may change or end, and which fields."""

    own_only: bool  # only relationships the caller is an end of, of `types`
    types: frozenset[RelType] = frozenset(RelType)
    fields: frozenset[str] | None = None  # None: every field
    may_end: bool = True


CREATE: dict[Audience, CreateRule] = {
    Audience.DISTRICT: CreateRule(frozenset(RelType)),
    Audience.ORGANIZATION: CreateRule(frozenset(RelType), ends_in_org=True),
    Audience.STAFF: CreateRule(STAFF_TYPES, from_self=CARING, needs_learner=True),
    Audience.LEARNER: CreateRule(LEARNER_TYPES, from_self=LEARNER_TYPES),
    Audience.GUARDIAN: CreateRule(frozenset()),
    Audience.EXPERT: CreateRule(frozenset()),
}
_LOGGING = frozenset({"last_interaction_at", "strength"})
CHANGE: dict[Audience, ChangeRule | None] = {
    Audience.DISTRICT: ChangeRule(own_only=False),
    Audience.ORGANIZATION: ChangeRule(own_only=False),
    Audience.STAFF: ChangeRule(own_only=True, types=STAFF_TYPES, fields=_LOGGING),
    Audience.LEARNER: ChangeRule(own_only=True, types=LEARNER_TYPES, fields=_LOGGING),
    Audience.EXPERT: ChangeRule(
        own_only=True,
        types=frozenset({RelType.MENTORS, RelType.COACHES}),
        fields=frozenset({"last_interaction_at"}),
        may_end=False,
    ),
    Audience.GUARDIAN: None,
}
CASELOAD: dict[Audience, Reach] = {
    Audience.DISTRICT: Reach.ALL,
    Audience.ORGANIZATION: Reach.ORG,  # an adult WORKS_AT their organization
    Audience.STAFF: Reach.NONE,
    Audience.LEARNER: Reach.NONE,
    Audience.GUARDIAN: Reach.NONE,
    Audience.EXPERT: Reach.NONE,
}
BULK_SCOPES = frozenset({Scope.IMPORT, Scope.WRITE})


class Unreadable(visibility.Hidden):
    """A record that is not a learner's and that the caller may not read: 404 as if
    absent, and recorded in the audit as a denied read of no learner."""

    problem = problem_types.NOT_FOUND

    def __init__(self, detail: str) -> None:
        super().__init__(detail, "")
        self.learner_uid = None  # type: ignore[assignment]  # no learner is concerned


def audience_of(caller: Caller) -> Audience:
    """Return the audience the caller's role (and, for a key, organization) puts them in."""
    if caller.role is Role.CLIENT:
        return Audience.ORGANIZATION if caller.org_uid else Audience.DISTRICT
    return _AUDIENCES[caller.role]


def require(caller: Caller, scope: Scope) -> None:
    """Answer 403 unless the caller holds `scope` (people hold read and write)."""
    if not caller.has_scope(scope):
        raise Forbidden(f"this needs the {scope.value!r} scope")


def require_bulk(caller: Caller) -> None:
    """Answer 403 unless the caller may bulk load: admin, or a key with import or write."""
    if caller.is_admin or (caller.role is Role.CLIENT and caller.scopes & BULK_SCOPES):
        return
    raise Forbidden("a bulk load is for admins and API keys with the import or write scope")


def require_roster_import(caller: Caller) -> None:
    """Answer 403 unless the caller may import a roster (a roster import): the import scope, for
    the whole district."""
    require(caller, Scope.IMPORT)
    if audience_of(caller) is not Audience.DISTRICT:
        raise Forbidden(
            "a roster import is the district's (a bulk file archives what it no longer "
            "lists): for admins and API keys of no organization"
        )


def related_people(graph: Graph, caller: Caller) -> set[str]:
    """Return the caller and the adults and experts actively related to them (or a
    guardian's children)."""
    if caller.person_uid is None:
        return set()
    people = [caller.person_uid]
    if caller.role is Role.GUARDIAN:
        people += list(visibility.visible_learners(graph, caller) or ())
    rows = graph.read("nodes/get_related_people", people=people, today=clock.today())
    return {caller.person_uid} | {row["uid"] for row in rows}


def personal_learners(graph: Graph, caller: Caller) -> dict[str, str]:
    """Return the learners the caller sees through a personal relationship (not their
    organization's): who may find a learner who opted out of the directory."""
    if caller.person_uid is None:
        return {}
    if audience_of(caller) is Audience.ORGANIZATION:
        # Their own caring relationships and classes, as the access query gives them to
        # an adult with no organization: the one policy query, not a copy of it.
        caller = replace(caller, role=Role.MENTOR)
    return visibility.visible_learners(graph, caller) or {}
