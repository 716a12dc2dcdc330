"""The plan of the demo school: bulk rows, the same for the same seed, with gaps planted.

Pure: no database. Every name is made up from the syllable lists below; nothing comes
from real people. Dates are fixed (school year 2026-27), except each caring relationship's
last interaction, within two weeks of `today`, so that nobody cared for looks quiet.
`lrm_graph.demo.demo_school` loads a plan.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from lrm_graph.errors import InvalidInput
from lrm_graph.vocabulary import NodeKind, RelType

Ref = tuple[str, str]  # (node kind, source_id)

SINCE = date(2026, 8, 24)  # first day of the demo school year
ENDED_SINCE, ENDED_UNTIL = date(2024, 9, 3), date(2026, 6, 12)
FIRST = ("Al", "Bre", "Cas", "Dov", "El", "Fen", "Gar", "Hal", "Ili", "Jor", "Kel", "Lun")
FIRST_END = ("a", "en", "io", "is", "o", "ra", "yn", "el")
FAMILY = ("Ash", "Bram", "Cold", "Dun", "Elder", "Fern", "Gale", "Holt", "Iver", "Kest")
FAMILY_END = ("by", "croft", "dale", "ford", "hurst", "ley", "mere", "wick")
INDUSTRIES = {
    "health-science": ("Health Science", "Future Healers Club", "Intro to Patient Care"),
    "information-technology": ("Information Technology", "Code Club", "Web Apprentice Program"),
    "manufacturing": ("Manufacturing", "Makers Guild", "Shop Floor Internship"),
    "arts": ("Arts", "Mural Collective", "Portfolio Workshop"),
    "agriculture": ("Agriculture", "Greenhouse Club", "Field Crops Handbook"),
}
RESOURCE_KINDS = ("course", "program", "internship", "course", "text")
GOALS = {
    "health-science": ("Become a nurse", "Work as a paramedic"),
    "information-technology": ("Build mobile apps", "Run a school network"),
    "manufacturing": ("Become a welder", "Design machines"),
    "arts": ("Illustrate books", "Open a design studio"),
    "agriculture": ("Run an organic farm", "Study soil science"),
    "maritime": ("Captain a research vessel", "Become a marine engineer"),
}
GAP_INDUSTRY = "maritime"  # nobody works in it, nothing supports it: goals there are gaps
INTERESTS = ("Robotics", "Drawing", "Gardening", "Coding", "Music", "Biology", "Woodworking")
SUBJECTS = ("Algebra", "Biology", "English", "World History", "Chemistry", "Studio Art")
SCHOOLS = ("Northfield High (demo)", "Southmere High (demo)")
TEAMS = ("Cross-Country", "Volleyball")
GRADES = ("09", "10", "11", "12")
# The planted gaps and the share of learners in each (at least one each).
GAPS = {
    "no_caring_relationship": 0.05,
    "only_ended_caring": 0.02,
    "goal_without_connection": 0.03,
    "no_community": 0.02,
}


UNCARED = ("no_caring_relationship", "only_ended_caring")


@dataclass
class Learner:
    ref: Ref
    school: int
    gap: str | None
    goal_industry: str | None = None


@dataclass
class Plan:
    """The rows of a demo school, and which learners carry which planted gap."""

    today: date
    rng: random.Random
    nodes: list[dict[str, Any]] = field(default_factory=list)
    relationships: list[dict[str, Any]] = field(default_factory=list)
    learners: list[Learner] = field(default_factory=list)
    goals: dict[Ref, Ref] = field(default_factory=dict)  # learner -> goal
    numbers: Counter[str] = field(default_factory=Counter)

    def node(self, node_kind: NodeKind, source_id: str, /, **fields: Any) -> Ref:
        # `node_kind`, not `kind`: communities, organizations, ... have a `kind` field.
        self.nodes.append({"node_kind": node_kind.value, "source_id": source_id, **fields})
        return (node_kind.value, source_id)

    def person(self, kind: NodeKind, tag: str, /, **fields: Any) -> Ref:
        """Add a person with a made-up name and the next source_id `demo-<tag>-NNNN`."""
        self.numbers[tag] += 1
        given = self.rng.choice(FIRST) + self.rng.choice(FIRST_END)
        family = self.rng.choice(FAMILY) + self.rng.choice(FAMILY_END)
        source_id = f"demo-{tag}-{self.numbers[tag]:04d}"
        return self.node(kind, source_id, given_name=given, family_name=family, **fields)

    def link(self, rel_type: RelType, start: Ref, end: Ref, /, **facts: Any) -> None:
        ends = {"from": {"kind": start[0], "source_id": start[1]}}
        ends["to"] = {"kind": end[0], "source_id": end[1]}
        self.relationships.append({"type": rel_type.value, **ends, "since": SINCE, **facts})

    def care(self, rel_type: RelType, start: Ref, end: Ref) -> None:
        """Link a caring relationship, last met within the past two weeks."""
        day = self.today - timedelta(days=self.rng.randint(0, 13))
        met = datetime.combine(day, time(15, 30), tzinfo=UTC)
        self.link(rel_type, start, end, strength=self.rng.randint(3, 5), last_interaction_at=met)

    def planted(self, gap: str) -> list[Learner]:
        return [learner for learner in self.learners if learner.gap == gap]


@dataclass
class Staff:
    """One school's adults and communities."""

    school: Ref
    counselor: Ref
    coach: Ref
    team: Ref
    teachers: list[Ref]
    sections: list[Ref]
    advisories: list[tuple[Ref, Ref]]  # (advisory, its advisor)


def build(learners: int, seed: int, caring_types: Iterable[str], today: date) -> Plan:
    """Plan a district of two schools and `learners` learners; one seed, one plan."""
    if learners < 10:
        raise InvalidInput("the demo school needs at least 10 learners")
    plan = Plan(today, random.Random(seed))  # noqa: S311 - made-up data, not secrets
    district = plan.node(
        NodeKind.ORGANIZATION,
        "demo-org-district",
        name="Riverbend District (demo)",
        kind="district",
    )
    industries = _industries(plan, district)
    interests = [
        plan.node(NodeKind.INTEREST, f"demo-interest-{name.lower()}", name=name)
        for name in INTERESTS
    ]
    gaps = _pick_gaps(plan.rng, learners)
    for number in range(1, learners + 1):
        _learner(plan, number, gaps.get(number), industries, interests)
    for index in range(len(SCHOOLS)):
        staff = _school(plan, index, district)
        _place(plan, [p for p in plan.learners if p.school == index], staff)
    _mentors(plan, district, industries, interests)
    _experts(plan, industries, interests)
    _without_care(plan, set(caring_types))
    return plan


def _pick_gaps(rng: random.Random, learners: int) -> dict[int, str]:
    sizes = {gap: max(1, round(learners * share)) for gap, share in GAPS.items()}
    chosen = iter(rng.sample(range(1, learners + 1), sum(sizes.values())))
    return {next(chosen): gap for gap, size in sizes.items() for _ in range(size)}


def _industries(plan: Plan, district: Ref) -> dict[str, Ref]:
    """Add the industries, each but the gap one with a club and a resource tied to it."""
    found = {}
    for (key, (name, club, resource)), kind in zip(INDUSTRIES.items(), RESOURCE_KINDS, strict=True):
        found[key] = plan.node(NodeKind.INDUSTRY, f"demo-industry-{key}", name=name)
        tie = plan.node(NodeKind.COMMUNITY, f"demo-club-{key}", name=club, kind="club")
        plan.link(RelType.IN_INDUSTRY, tie, found[key])
        plan.link(RelType.PART_OF, tie, district)
        tool = plan.node(NodeKind.RESOURCE, f"demo-resource-{key}", name=resource, kind=kind)
        plan.link(RelType.SUPPORTS, tool, found[key])
    gap_name = GAP_INDUSTRY.capitalize()
    found[GAP_INDUSTRY] = plan.node(
        NodeKind.INDUSTRY, f"demo-industry-{GAP_INDUSTRY}", name=gap_name
    )
    return found


def _learner(
    plan: Plan, number: int, gap: str | None, industries: dict[str, Ref], interests: list[Ref]
) -> None:
    """Add learner `number` with a guardian, interests, maybe a goal and a club."""
    rng = plan.rng
    learner = Learner(
        plan.person(NodeKind.LEARNER, "learner", grade_level=rng.choice(GRADES)),
        number % len(SCHOOLS),
        gap,
    )
    plan.learners.append(learner)
    guardian = plan.person(NodeKind.ADULT, "guardian", roles=[rng.choice(("parent", "guardian"))])
    plan.link(RelType.GUARDIAN_OF, guardian, learner.ref)
    for interest in rng.sample(interests, rng.randint(1, 2)):
        plan.link(RelType.INTERESTED_IN, learner.ref, interest)
    if gap == "goal_without_connection":
        learner.goal_industry = GAP_INDUSTRY
    elif rng.random() < 0.7:
        learner.goal_industry = rng.choice(sorted(INDUSTRIES))
    if learner.goal_industry is not None:
        _goal(plan, number, learner, industries[learner.goal_industry])
    if gap != "no_community" and rng.random() < 0.3:
        club = ("community", f"demo-club-{rng.choice(sorted(INDUSTRIES))}")
        plan.link(RelType.MEMBER_OF, learner.ref, club)


def _goal(plan: Plan, number: int, learner: Learner, industry: Ref) -> None:
    key = str(learner.goal_industry)
    title = plan.rng.choice(GOALS[key])
    goal = plan.node(NodeKind.GOAL, f"demo-goal-{number:04d}", title=title, kind="ambition")
    plan.goals[learner.ref] = goal
    plan.link(RelType.PURSUES, learner.ref, goal)
    plan.link(RelType.IN_INDUSTRY, goal, industry)
    if key != GAP_INDUSTRY:  # the resource of the goal's industry: a tie one hop away
        plan.link(RelType.USES, learner.ref, ("resource", f"demo-resource-{key}"))


def _staff(plan: Plan, at: Ref, count: int, roles: list[str], /, **fields: Any) -> list[Ref]:
    adults = [plan.person(NodeKind.ADULT, "adult", roles=roles, **fields) for _ in range(count)]
    for adult in adults:
        plan.link(RelType.WORKS_AT, adult, at)
    return adults


def _community(plan: Plan, source_id: str, name: str, kind: str, school: Ref) -> Ref:
    community = plan.node(NodeKind.COMMUNITY, source_id, name=name, kind=kind)
    plan.link(RelType.PART_OF, community, school)
    return community


def _school(plan: Plan, index: int, district: Ref) -> Staff:
    """Add one school with its staff, class sections, team and advisories."""
    n, size = index + 1, sum(1 for p in plan.learners if p.school == index)
    school = plan.node(
        NodeKind.ORGANIZATION, f"demo-org-school-{n}", name=SCHOOLS[index], kind="school"
    )
    plan.link(RelType.PART_OF, school, district)
    _staff(plan, school, 1, ["administrator"])
    counselor = _staff(plan, school, 1, ["counselor"], caseload_capacity=size + 10)[0]
    advisors = _staff(
        plan, school, math.ceil(size / 20), ["advisor", "teacher"], caseload_capacity=25
    )
    teachers = _staff(plan, school, max(2, math.ceil(size / 50)), ["teacher"])
    coach = _staff(plan, school, 1, ["coach", "teacher"], caseload_capacity=30)[0]
    sections = []
    for s, subject in enumerate(SUBJECTS[: max(2, min(len(SUBJECTS), math.ceil(size / 25)))]):
        section = _community(
            plan, f"demo-section-{n}-{s + 1:02d}", f"{subject} ({n})", "class_section", school
        )
        plan.link(RelType.TEACHES, teachers[s % len(teachers)], section)
        sections.append(section)
    team = _community(plan, f"demo-team-{n}", TEAMS[index], "team", school)
    plan.link(RelType.MEMBER_OF, coach, team, role="leader")
    advisories = []
    for a, advisor in enumerate(advisors, start=1):
        advisory = _community(
            plan, f"demo-advisory-{n}-{a:02d}", f"Advisory {n}-{a:02d}", "advisory", school
        )
        plan.link(RelType.MEMBER_OF, advisor, advisory, role="leader")
        advisories.append((advisory, advisor))
    return Staff(school, counselor, coach, team, teachers, sections, advisories)


def _place(plan: Plan, pupils: list[Learner], staff: Staff) -> None:
    """Enroll a school's learners and give each the communities and adults its gap allows."""
    rng = plan.rng
    members: dict[Ref, list[Learner]] = {advisory: [] for advisory, _ in staff.advisories}
    for i, pupil in enumerate(pupils):
        plan.link(RelType.ENROLLED_AT, pupil.ref, staff.school)
        if pupil.gap == "no_community":
            plan.link(RelType.TEACHES, rng.choice(staff.teachers), pupil.ref)
            plan.care(RelType.COUNSELS, staff.counselor, pupil.ref)
            continue
        for section in rng.sample(staff.sections, 2):
            plan.link(RelType.MEMBER_OF, pupil.ref, section)
        if pupil.gap in UNCARED:
            continue
        advisory, advisor = staff.advisories[i % len(staff.advisories)]
        members[advisory].append(pupil)
        plan.link(RelType.MEMBER_OF, pupil.ref, advisory)
        plan.care(RelType.ADVISES, advisor, pupil.ref)
        plan.care(RelType.COUNSELS, staff.counselor, pupil.ref)
        if rng.random() < 0.35:
            plan.care(RelType.TRUSTS, pupil.ref, rng.choice((advisor, staff.counselor)))
        if rng.random() < 0.15:
            plan.link(RelType.MEMBER_OF, pupil.ref, staff.team)
            plan.care(RelType.COACHES, staff.coach, pupil.ref)
    for group in members.values():
        for one, other in zip(group[::2], group[1::2], strict=False):
            # Two planted goal gaps stay apart: each should stand alone in the report.
            both = one.gap == other.gap == "goal_without_connection"
            if not both and rng.random() < 0.5:
                plan.link(RelType.PEER_OF, one.ref, other.ref)


def _mentors(plan: Plan, district: Ref, industries: dict[str, Ref], interests: list[Ref]) -> None:
    """Add mentors who work in an industry and lead its club; plant the ended mentoring."""
    rng, keys = plan.rng, sorted(INDUSTRIES)
    count = max(2, math.ceil(len(plan.learners) / 50))
    mentors = _staff(plan, district, count, ["mentor"], caseload_capacity=6)
    for m, mentor in enumerate(mentors):
        key = keys[m % len(keys)]
        plan.link(RelType.WORKS_IN, mentor, industries[key])
        plan.link(RelType.MEMBER_OF, mentor, ("community", f"demo-club-{key}"), role="leader")
        plan.link(RelType.INTERESTED_IN, mentor, rng.choice(interests))
    cared = [p for p in plan.learners if p.gap is None]
    for mentor in mentors:
        for pupil in rng.sample(cared, min(4, len(cared))):
            plan.care(RelType.MENTORS, mentor, pupil.ref)
    for pupil in plan.planted("only_ended_caring"):
        ended = {"since": ENDED_SINCE, "until": ENDED_UNTIL, "strength": 3}
        plan.link(RelType.MENTORS, rng.choice(mentors), pupil.ref, **ended)


def _experts(plan: Plan, industries: dict[str, Ref], interests: list[Ref]) -> None:
    """Add outside experts: the cleared ones mentor learners, the pending ones nobody."""
    rng, keys = plan.rng, sorted(INDUSTRIES)
    cared = [p for p in plan.learners if p.gap is None]
    for e in range(max(4, math.ceil(len(plan.learners) / 40))):
        key, cleared = keys[e % len(keys)], e % 2 == 0
        screening = {
            "screening_status": "cleared",
            "screened_by": "District HR (demo)",
            "screening_expires_on": plan.today + timedelta(days=365),
        }
        expert = plan.person(NodeKind.EXPERT, "expert", **(screening if cleared else {}))
        plan.link(RelType.WORKS_IN, expert, industries[key])
        plan.link(RelType.INTERESTED_IN, expert, rng.choice(interests))
        if cleared:
            near = [p for p in cared if p.goal_industry == key] or cared
            for pupil in rng.sample(near, min(2, len(near))):
                plan.care(RelType.MENTORS, expert, pupil.ref)


def _without_care(plan: Plan, caring_types: set[str]) -> None:
    """Drop any active caring relationship of a learner planted as having none.

    The plan gives them none of the default caring types; this keeps the promise when
    `LRM_CARING_TYPES` names others (TEACHES, say).
    """
    uncared = {p.ref for p in plan.learners if p.gap in UNCARED}

    def touches(row: dict[str, Any]) -> bool:
        ends = {(row[end]["kind"], row[end]["source_id"]) for end in ("from", "to")}
        return bool(ends & uncared) and row["type"] in caring_types and "until" not in row

    plan.relationships = [row for row in plan.relationships if not touches(row)]
