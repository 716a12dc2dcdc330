"""One school's relationships that OneRoster cannot say, written to `lrm.json`:
advisories, clubs and teams, counselors' caseloads, mentoring, goals, interests,
resources, trust and peers. The planted gaps decide who is left out of what.
"""

from __future__ import annotations

import math
from typing import Any

from lrm_graph.demo.generator import catalog
from lrm_graph.demo.generator.district import course_resource, industry_ref, interest_id, slug
from lrm_graph.demo.generator.plan import ENDED_CARING, NO_CARING, NO_COMMUNITY, District
from lrm_graph.demo.generator.school import Learner, SchoolState
from lrm_graph.demo.generator.writers import ref, rel

ADVISORY_SIZE = 20
UNCARED = (NO_CARING, ENDED_CARING)
CARING = {"source": "adult_reported"}
OWN_VOICE = {"source": "learner_reported"}


def write_belonging(state: SchoolState) -> None:
    """Write the school's LRM relationships, in a fixed order."""
    _advisories(state)
    _clubs_and_teams(state)
    _caseloads(state)
    _mentors(state)
    _experts(state)
    _voice(state)
    _peers(state)


def _community(state: SchoolState, source_id: str, name: str, kind: str, leader: str) -> dict:
    """Write a community of the school with its adult leader; return its reference."""
    row = {"node_kind": "community", "source_id": source_id, "name": name, "kind": kind}
    state.out.lrm.node(row | {"open": kind != "advisory"})
    me = ref("community", source_id)
    start = state.district.calendar.start.isoformat()
    lrm = state.out.lrm
    lrm.relationship(rel("PART_OF", me, ref("organization", state.school.source_id)))
    lrm.relationship(rel("MEMBER_OF", ref("adult", leader), me, role="leader", since=start))
    return me


def _advisories(state: SchoolState) -> None:
    """Put every learner who has a home base into an advisory of their grade."""
    start, rng, lrm = state.district.calendar.start.isoformat(), state.rng, state.out.lrm
    advisors = iter(state.teachers * 2)
    for grade, learners in state.by_grade().items():
        placed = [x for x in learners if x.gap not in (*UNCARED, NO_COMMUNITY)]
        rng.shuffle(placed)
        groups = max(1, math.ceil(len(placed) / ADVISORY_SIZE)) if placed else 0
        for number in range(groups):
            advisor = next(advisors)
            source_id = f"adv-{state.number:03d}-{grade}-{number + 1:02d}"
            home = _community(
                state, source_id, f"Home Base {grade}.{number + 1}", "advisory", advisor
            )
            for learner in placed[number::groups]:
                lrm.relationship(rel("MEMBER_OF", learner.me, home, since=start))
                lrm.relationship(
                    rel("ADVISES", ref("adult", advisor), learner.me, since=start) | CARING
                )
                learner.carers.append(ref("adult", advisor))


def _clubs_and_teams(state: SchoolState) -> None:
    n, rng, lrm = state.school.learners, state.rng, state.out.lrm
    start = state.district.calendar.start.isoformat()
    leaders = iter(state.teachers[::-1] * 2)
    clubs = []
    for number, (name, industry) in enumerate(
        rng.sample(catalog.CLUBS, min(len(catalog.CLUBS), max(3, n // 60)))
    ):
        club = _community(
            state, f"clb-{state.number:03d}-{number + 1:02d}", name, "club", next(leaders)
        )
        if industry:
            lrm.relationship(rel("IN_INDUSTRY", club, industry_ref(industry)))
        clubs.append(club)
    teams = []
    for number, sport in enumerate(catalog.TEAMS[: min(len(catalog.TEAMS), max(2, n // 100))]):
        coach = next(leaders)
        name = f"{state.school.name.split()[0]} {sport}"
        team = _community(state, f"tm-{state.number:03d}-{number + 1:02d}", name, "team", coach)
        teams.append((team, ref("adult", coach)))
    for learner in state.learners:
        if learner.gap == NO_COMMUNITY:
            continue
        for club in rng.sample(clubs, rng.choices((0, 1, 2), (30, 45, 25))[0]):
            lrm.relationship(rel("MEMBER_OF", learner.me, club, since=start))
        if learner.gap not in UNCARED and rng.random() < 0.4:
            team, team_coach = rng.choice(teams)
            lrm.relationship(rel("MEMBER_OF", learner.me, team, since=start))
            lrm.relationship(rel("COACHES", team_coach, learner.me, since=start) | CARING)
            learner.carers.append(team_coach)


def _caseloads(state: SchoolState) -> None:
    """Split the learners who have a counselor into contiguous caseloads."""
    start, rng, lrm = state.district.calendar.start.isoformat(), state.rng, state.out.lrm
    counseled = [learner for learner in state.learners if learner.gap not in UNCARED]
    count = len(state.counselors)
    for number, (source_id, given, family, email) in enumerate(state.counselors):
        caseload = counseled[
            number * len(counseled) // count : (number + 1) * len(counseled) // count
        ]
        row: dict[str, Any] = {"node_kind": "adult", "source_id": source_id}
        row |= {"given_name": given, "family_name": family, "email": email, "roles": ["counselor"]}
        lrm.node(row | {"caseload_capacity": len(caseload) + rng.randint(0, 40)})
        counselor = ref("adult", source_id)
        for learner in caseload:
            lrm.relationship(rel("COUNSELS", counselor, learner.me, since=start) | CARING)
            learner.carers.append(counselor)


def _mentors(state: SchoolState) -> None:
    """Write community mentors, their mentees, and the planted ended mentorships."""
    district, rng, lrm = state.district, state.rng, state.out.lrm
    mentors = []
    for number in range(max(1, math.ceil(state.school.learners / 120))):
        given, family = district.names.person(rng)
        source_id = f"mnt-{state.number:03d}-{number + 1:02d}"
        row = {"node_kind": "adult", "source_id": source_id, "given_name": given}
        lrm.node(
            row
            | {"family_name": family, "roles": ["mentor"], "caseload_capacity": rng.randint(4, 8)}
        )
        mentor = ref("adult", source_id)
        lrm.relationship(rel("WORKS_IN", mentor, industry_ref(rng.choice(catalog.INDUSTRIES).code)))
        lrm.relationship(
            rel(
                "INTERESTED_IN", mentor, ref("interest", interest_id(rng.choice(catalog.INTERESTS)))
            )
        )
        mentors.append(mentor)
    cared = [learner for learner in state.learners if learner.gap not in UNCARED]
    for mentor in mentors:
        for learner in rng.sample(cared, min(len(cared), rng.randint(3, 6))):
            _mentor(state, mentor, learner, rng.randint(-200, 40))
    for learner in state.learners:
        if learner.gap == ENDED_CARING:
            since = _day(district, rng.randint(-340, -300))
            until = _day(district, rng.randint(-90, -30))
            lrm.relationship(
                rel("MENTORS", rng.choice(mentors), learner.me, since=since, until=until) | CARING
            )


def _mentor(state: SchoolState, mentor: dict[str, str], learner: Learner, offset: int) -> None:
    since = _day(state.district, offset)
    strength = state.rng.randint(2, 5)
    state.out.lrm.relationship(
        rel("MENTORS", mentor, learner.me, since=since, strength=strength) | CARING
    )
    learner.carers.append(mentor)


def _experts(state: SchoolState) -> None:
    """Let the school's cleared experts mentor learners with a goal in their industry."""
    cared = [learner for learner in state.learners if learner.gap not in UNCARED]
    if not cared:
        return
    for expert in state.district.experts:
        if expert.school != state.school.index or not expert.cleared:
            continue
        fitting = [learner for learner in cared if expert.industry in learner.goals] or cared
        for learner in state.rng.sample(fitting, min(len(fitting), state.rng.randint(1, 3))):
            _mentor(state, ref("expert", expert.source_id), learner, state.rng.randint(-100, 60))


def _voice(state: SchoolState) -> None:
    """Write each learner's goals, interests, resources used and the adult they trust."""
    rng, lrm, district = state.rng, state.out.lrm, state.district
    industries = {i.code: i for i in (*catalog.INDUSTRIES, *catalog.UNTIED_INDUSTRIES)}
    tied = {i.code for i in catalog.INDUSTRIES}
    for learner in state.learners:
        used = set()
        for number, code in enumerate(learner.goals):
            goal_id = f"goal-{learner.source_id}-{number + 1}"
            title = rng.choice(industries[code].goals)
            lrm.node(
                {"node_kind": "goal", "source_id": goal_id, "title": title, "kind": "ambition"}
            )
            goal = ref("goal", goal_id)
            lrm.relationship(
                rel("PURSUES", learner.me, goal, since=_day(district, rng.randint(-300, 30)))
                | OWN_VOICE
            )
            lrm.relationship(rel("IN_INDUSTRY", goal, industry_ref(code)))
            if code in tied:
                used.add(course_resource(code))
        interests = rng.sample(catalog.INTERESTS, rng.randint(2, 3))
        for interest in interests:
            lrm.relationship(
                rel("INTERESTED_IN", learner.me, ref("interest", interest_id(interest))) | OWN_VOICE
            )
        if not used or rng.random() < 0.3:
            used.add(f"res-kit-{slug(interests[0])}")
        for resource in sorted(used):
            lrm.relationship(rel("USES", learner.me, ref("resource", resource)))
        _trust(state, learner)


def _trust(state: SchoolState, learner: Learner) -> None:
    if learner.gap in UNCARED or state.rng.random() >= 0.8:
        return
    choices = learner.carers + [ref("adult", teacher) for teacher in learner.teachers[:2]]
    trusted = state.rng.choice(choices)
    since = _day(state.district, state.rng.randint(-120, 60))
    state.out.lrm.relationship(rel("TRUSTS", learner.me, trusted, since=since) | OWN_VOICE)


def _peers(state: SchoolState) -> None:
    """Link each learner to two peers of their grade (a ring over a shuffled grade)."""
    start = state.district.calendar.start.isoformat()
    for learners in state.by_grade().values():
        ring = learners[:]
        state.rng.shuffle(ring)
        pairs = len(ring) if len(ring) > 2 else len(ring) - 1
        for index in range(max(0, pairs)):
            a, b = ring[index], ring[(index + 1) % len(ring)]
            state.out.lrm.relationship(rel("PEER_OF", a.me, b.me, since=start))


def _day(district: District, offset: int) -> str:
    return district.calendar.day(offset)
