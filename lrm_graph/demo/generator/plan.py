"""The district-wide plan: calendar, schools, planted gaps and the pool of outside experts.

Everything comes from `random.Random(seed)` and the school year: no wall clock, so the
same arguments give the same district.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from lrm_graph.demo.generator import catalog, names

LEARNERS_PER_SCHOOL = 1000

# Planted gap codes (a learner has at most one) and their default rates.
NO_GAP, NO_CARING, ENDED_CARING, GOAL_UNTIED, NO_COMMUNITY = range(5)
GAP_NAMES = {
    NO_CARING: "no_caring_relationship",
    ENDED_CARING: "only_ended_caring",
    GOAL_UNTIED: "goal_without_connection",
    NO_COMMUNITY: "no_community",
}
GAP_MEANINGS = {
    "no_caring_relationship": (
        "no caring relationship (MENTORS, ADVISES, COACHES, COUNSELS, TRUSTS), active or "
        "ended; not in an advisory or on a team"
    ),
    "only_ended_caring": "their one caring relationship, a MENTORS, ended before the school year",
    "goal_without_connection": (
        "their one goal is in an industry nobody works in, no resource supports and no "
        "community belongs to"
    ),
    "no_community": "in class sections only: no advisory (home base), club or team",
}
DEFAULT_RATES = {
    "no_caring_relationship": 0.04,
    "only_ended_caring": 0.02,
    "goal_without_connection": 0.05,
    "no_community": 0.06,
}


@dataclass(frozen=True)
class Calendar:
    """A school year of two terms, from August of `school_year` to June of the next."""

    school_year: int

    @property
    def start(self) -> date:
        return date(self.school_year, 8, 17)

    @property
    def term1_end(self) -> date:
        return date(self.school_year + 1, 1, 15)

    @property
    def term2_start(self) -> date:
        return date(self.school_year + 1, 1, 19)

    @property
    def end(self) -> date:
        return date(self.school_year + 1, 6, 11)

    @property
    def title(self) -> str:
        return f"{self.school_year}-{self.school_year + 1}"

    def day(self, offset: int) -> str:
        """Return the ISO date `offset` days after the school year starts."""
        return date.fromordinal(self.start.toordinal() + offset).isoformat()


@dataclass(frozen=True)
class School:
    index: int
    source_id: str
    name: str
    first_learner: int
    learners: int


@dataclass(frozen=True)
class Expert:
    source_id: str
    given: str
    family: str
    industry: str
    cleared: bool
    partner: str
    school: int


@dataclass
class District:
    """The plan every writer reads; per-school randomness comes from `school_rng`."""

    seed: int
    learners: int
    calendar: Calendar
    name: str
    domain: str
    names: names.NamePool
    schools: list[School]
    gaps: bytearray
    rates: dict[str, float]
    partners: list[tuple[str, str, str]] = field(default_factory=list)  # (id, kind, name)
    experts: list[Expert] = field(default_factory=list)

    def school_rng(self, school: School) -> random.Random:
        """Return the school's own generator, so schools do not depend on each other."""
        return random.Random(f"{self.seed}:{school.index}")  # noqa: S311 (synthetic data)

    def learner_id(self, index: int) -> str:
        return f"stu-{index + 1:0{self.width}d}"

    @property
    def width(self) -> int:
        return max(6, len(str(self.learners)))


def plan(learners: int, seed: int, school_year: int, rates: dict[str, float]) -> District:
    """Plan the district: its name, schools, planted gaps and outside experts."""
    rng = random.Random(seed)  # noqa: S311 (synthetic data, not security)
    place = names.place(rng)
    district = District(
        seed=seed,
        learners=learners,
        calendar=Calendar(school_year),
        name=f"{place} Unified School District",
        domain=f"{place.lower()}.example",
        names=names.NamePool(rng),
        schools=_schools(rng, learners),
        gaps=_gaps(rng, learners, rates),
        rates=dict(rates),
    )
    _experts(rng, district)
    return district


def _schools(rng: random.Random, learners: int) -> list[School]:
    count = max(1, round(learners / LEARNERS_PER_SCHOOL))
    schools, first = [], 0
    for index in range(count):
        size = learners // count + (1 if index < learners % count else 0)
        name = f"{names.place(rng)} High School"
        schools.append(School(index, f"org-school-{index + 1:03d}", name, first, size))
        first += size
    return schools


def _gaps(rng: random.Random, learners: int, rates: dict[str, float]) -> bytearray:
    """Return each learner's planted gap code; the gaps are disjoint, their sizes exact."""
    gaps = bytearray(learners)
    sizes = [(code, round(learners * rates[name])) for code, name in GAP_NAMES.items()]
    picked = rng.sample(range(learners), min(learners, sum(size for _, size in sizes)))
    start = 0
    for code, size in sizes:
        for index in picked[start : start + size]:
            gaps[index] = code
        start += size
    return gaps


def _experts(rng: random.Random, district: District) -> None:
    """Plan partner organizations and experts: about 70% screened and cleared."""
    count = max(4, district.learners // 60)
    for number in range(max(2, count // 5)):
        kind, name = names.partner(rng)
        district.partners.append((f"org-partner-{number + 1:03d}", kind, name))
    for number in range(count):
        given, family = district.names.person(rng)
        district.experts.append(
            Expert(
                source_id=f"exp-{number + 1:05d}",
                given=given,
                family=family,
                industry=rng.choice(catalog.INDUSTRIES).code,
                cleared=rng.random() < 0.7,
                partner=rng.choice(district.partners)[0],
                school=number % len(district.schools),
            )
        )
