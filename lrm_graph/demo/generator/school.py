"""One school's roster: its learners, guardians, staff, class sections and enrollments.

What OneRoster cannot say about the school (advisories, clubs, caseloads, mentoring,
goals...) is written by `lrm_graph.demo.generator.belonging` from the same `SchoolState`.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import count

from lrm_graph.demo.generator import catalog, names
from lrm_graph.demo.generator.district import course_id, session_ids
from lrm_graph.demo.generator.plan import GOAL_UNTIED, District, School
from lrm_graph.demo.generator.writers import Outputs, ref

CLASS_SIZE = 28
SECTIONS_PER_TEACHER = 5
LEARNERS_PER_COUNSELOR = 250


@dataclass(slots=True)
class Learner:
    source_id: str
    given: str
    family: str
    grade: str
    gap: int
    goals: list[str]  # industry codes
    me: dict[str, str]
    carers: list[dict[str, str]] = field(default_factory=list)  # caring adults' refs
    teachers: list[str] = field(default_factory=list)


@dataclass
class SchoolState:
    """What the roster step learned and the LRM step needs."""

    district: District
    school: School
    out: Outputs
    rng: random.Random
    learners: list[Learner] = field(default_factory=list)
    teachers: list[str] = field(default_factory=list)
    counselors: list[tuple[str, str, str, str]] = field(default_factory=list)

    @property
    def number(self) -> int:
        return self.school.index + 1

    def by_grade(self) -> dict[str, list[Learner]]:
        grades: dict[str, list[Learner]] = {grade: [] for grade in catalog.GRADES}
        for learner in self.learners:
            grades[learner.grade].append(learner)
        return grades


def write_roster(
    district: District, school: School, out: Outputs, staff: Iterator[int]
) -> SchoolState:
    """Write the school's users, roles, classes and enrollments; return what it made."""
    state = SchoolState(district, school, out, district.school_rng(school))
    _learners(state)
    slot_teachers = _staff(state, staff)
    for learner_index, learner in enumerate(state.learners):
        _student(state, school.first_learner + learner_index, learner)
    _classes(state, slot_teachers)
    return state


def _learners(state: SchoolState) -> None:
    district, school, rng = state.district, state.school, state.rng
    for local in range(school.learners):
        index = school.first_learner + local
        given, family = district.names.person(rng)
        gap = district.gaps[index]
        if gap == GOAL_UNTIED:
            goals = [rng.choice(catalog.UNTIED_INDUSTRIES).code]
        else:
            picked = rng.sample(catalog.INDUSTRIES, 1 if rng.random() < 0.5 else 2)
            goals = [industry.code for industry in picked]
        grade = catalog.GRADES[local * len(catalog.GRADES) // school.learners]
        source_id = district.learner_id(index)
        state.learners.append(
            Learner(source_id, given, family, grade, gap, goals, ref("learner", source_id))
        )


def _staff_member(state: SchoolState, staff: Iterator[int], role: str) -> tuple[str, str, str, str]:
    """Write one staff member; return (sourcedId, given, family, email)."""
    number = next(staff)
    given, family = state.district.names.person(state.rng)
    login = names.username(given, family, number)
    user = {"sourcedId": f"stf-{number:05d}", "givenName": given, "familyName": family}
    user |= {"username": login, "email": f"{login}@{state.district.domain}"}
    begin = state.district.calendar.start.isoformat()
    state.out.person("stf", user, role, state.school.source_id, begin)
    return user["sourcedId"], given, family, user["email"]


def _staff(state: SchoolState, staff: Iterator[int]) -> list[list[str]]:
    """Write the principal, aides, counselors and teachers; return teachers per slot."""
    n, grades = state.school.learners, len(catalog.GRADES)
    _staff_member(state, staff, "principal")
    for _ in range(2):
        _staff_member(state, staff, "aide")
    for _ in range(max(1, math.ceil(n / LEARNERS_PER_COUNSELOR))):
        state.counselors.append(_staff_member(state, staff, "counselor"))
    sections = grades * max(1, math.ceil(n / grades / CLASS_SIZE))
    slot_teachers = []
    for _ in catalog.COURSES:
        count = max(1, math.ceil(sections / SECTIONS_PER_TEACHER))
        slot = [_staff_member(state, staff, "teacher")[0] for _ in range(count)]
        slot_teachers.append(slot)
        state.teachers.extend(slot)
    return slot_teachers


def _student(state: SchoolState, index: int, learner: Learner) -> None:
    """Write a learner, their guardians (1 or 2) and the links between them."""
    district, rng, out = state.district, state.rng, state.out
    agents = []
    for number in range(1 if rng.random() < 0.45 else 2):
        agents.append(f"gdn-{index + 1:0{district.width}d}-{number + 1}")
        given, family = district.names.person(rng)
        if number == 0 and rng.random() < 0.8:
            family = learner.family
        guardian = {"sourcedId": agents[-1], "givenName": given, "familyName": family}
        guardian |= {"agentSourcedIds": learner.source_id}
        guardian["username"] = names.username(given, family, index + 1) + f"g{number + 1}"
        if rng.random() < 0.6:
            guardian["email"] = guardian["username"] + "@mail.example"
        role = rng.choices(("parent", "guardian", "relative"), (85, 10, 5))[0]
        out.person("gdn", guardian, role, state.school.source_id)
        out.roster_relationships["GUARDIAN_OF"] += 1
    login = names.username(learner.given, learner.family, index + 1)
    user = {"sourcedId": learner.source_id, "givenName": learner.given}
    user |= {"familyName": learner.family, "username": login, "identifier": str(index + 1)}
    user |= {"email": f"{login}@students.{district.domain}", "grades": learner.grade}
    user |= {"agentSourcedIds": ",".join(agents)}
    if rng.random() < 0.05:
        user["preferredGivenName"] = rng.choice(district.names.given)
    out.person("stu", user, "student", state.school.source_id, district.calendar.start.isoformat())


def _classes(state: SchoolState, slot_teachers: list[list[str]]) -> None:
    """Write class sections of every course and their enrollments (teacher first)."""
    _, term1, term2 = session_ids(state.district)
    terms = [f"{term1},{term2}"] * catalog.FULL_YEAR_SLOTS + [term1, term2]
    grades, rng, numbers = state.by_grade(), state.rng, _counter()
    for slot, titles in enumerate(catalog.COURSES):
        teachers = slot_teachers[slot]
        for g, grade in enumerate(catalog.GRADES):
            learners = grades[grade][:]
            rng.shuffle(learners)
            sections = max(1, math.ceil(len(learners) / CLASS_SIZE))
            for section in range(sections):
                members = learners[section::sections]
                teacher = teachers[next(numbers["teacher"]) % len(teachers)]
                class_id = f"cls-{state.number:03d}-{next(numbers['class']):05d}"
                row = {"sourcedId": class_id, "title": f"{titles[g]} (section {section + 1})"}
                row |= {"grades": grade, "courseSourcedId": course_id(slot, grade)}
                row |= {"classCode": f"{course_id(slot, grade)}-{section + 1}"}
                row |= {"classType": "scheduled", "location": f"Room {rng.randint(100, 340)}"}
                row |= {"schoolSourcedId": state.school.source_id, "termSourcedIds": terms[slot]}
                row |= {"periods": str(slot + 1)}
                state.out.classes.row(row)
                _enroll(state, class_id, teacher, members, numbers)


def _enroll(
    state: SchoolState, class_id: str, teacher: str, members: list[Learner], numbers: dict
) -> None:
    out, school = state.out, state.school.source_id
    common = {"classSourcedId": class_id, "schoolSourcedId": school}
    people = [(teacher, "teacher", "true")] + [(m.source_id, "student", "false") for m in members]
    for user, role, primary in people:
        enrollment = f"enr-{state.number:03d}-{next(numbers['enrollment']):07d}"
        out.enrollments.row(
            common | {"sourcedId": enrollment, "userSourcedId": user, "role": role}
            | {"primary": primary}
        )  # fmt: skip
    for member in members:
        member.teachers.append(teacher)
    out.roster_relationships["PART_OF"] += 1
    out.roster_relationships["TEACHES"] += 1
    out.roster_relationships["MEMBER_OF"] += len(members)


def _counter() -> dict[str, Iterator[int]]:
    return {"teacher": count(), "class": count(1), "enrollment": count(1)}
