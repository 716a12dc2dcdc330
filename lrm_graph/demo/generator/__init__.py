"""Generate a synthetic school district: OneRoster 1.2 CSV plus an LRM bulk file.

`generate(out, learners=N, seed=S)` writes into `out`:

- the OneRoster 1.2 CSV set (`manifest.csv`, `orgs.csv`, `academicSessions.csv`,
  `courses.csv`, `classes.csv`, `users.csv`, `roles.csv`, `enrollments.csv`): a district,
  one high school (grades 09-12) per about 1000 learners, a school year of two terms,
  six class sections per learner, teachers, counselors, aides, a principal, and one or
  two guardians per learner (through `agentSourcedIds`);
- `lrm.json`, in the format of `POST /v1/bulk`, for what OneRoster cannot say:
  advisories (home bases), clubs, teams, counselors' caseloads, community mentors,
  outside experts (most screened and cleared, some pending), goals tied to industries,
  interests, resources, trust and peers. It names roster people by their sourcedId,
  so it loads after the roster: `lrm import oneroster D && lrm import lrm D/lrm.json`;
- `manifest.json`: the seed, the sizes, and the planted gaps (their rates, what each
  means, and the source_ids of the learners in each); with `dirty` (a rate), the roster
  faults planted at that rate (`dirty.py`), each with the problem the import reports.

Every name is invented (syllables, see `names`); every date comes from the school year
(`school_year`, default 2026: August 2026 to June 2027), never from the clock. The same
arguments give the same bytes.
"""

from __future__ import annotations

import json
from itertools import count
from pathlib import Path
from typing import Any

from lrm_graph.demo.generator import catalog
from lrm_graph.demo.generator.belonging import write_belonging
from lrm_graph.demo.generator.dirty import spoil
from lrm_graph.demo.generator.district import write_district
from lrm_graph.demo.generator.plan import DEFAULT_RATES, GAP_MEANINGS, GAP_NAMES, District, plan
from lrm_graph.demo.generator.school import write_roster
from lrm_graph.demo.generator.writers import Outputs
from lrm_graph.errors import InvalidInput

__all__ = ["DEFAULT_RATES", "DEFAULT_SCHOOL_YEAR", "generate"]

DEFAULT_SCHOOL_YEAR = 2026
MAX_LEARNERS = 2_000_000


def generate(
    out: Path,
    *,
    learners: int,
    seed: int,
    school_year: int = DEFAULT_SCHOOL_YEAR,
    rates: dict[str, float] | None = None,
    dirty: float = 0.0,
) -> dict[str, Any]:
    """Write a synthetic district into `out` (created if missing); return its manifest."""
    if not 1 <= learners <= MAX_LEARNERS:
        raise InvalidInput(f"learners must be between 1 and {MAX_LEARNERS}; got {learners}")
    if not 1900 <= school_year <= 9000:
        raise InvalidInput(f"school_year must be a year like 2026; got {school_year}")
    if not 0 <= dirty <= 1:
        raise InvalidInput(f"dirty must be a rate between 0 and 1; got {dirty}")
    rates = DEFAULT_RATES | (rates or {})
    if sum(rates.values()) > 1 or min(rates.values()) < 0:
        raise InvalidInput("gap rates must be between 0 and 1 and add up to at most 1")
    out.mkdir(parents=True, exist_ok=True)
    district = plan(learners, seed, school_year, rates)
    files = Outputs(out)
    write_district(district, files)
    staff = count(1)
    for school in district.schools:
        write_belonging(write_roster(district, school, files, staff))
    files.close()
    manifest = _manifest(district, files)
    if dirty:
        manifest["dirty"] = spoil(out, dirty, seed)
    text = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    (out / "manifest.json").write_text(text, encoding="utf-8")
    return manifest


def _manifest(district: District, files: Outputs) -> dict[str, Any]:
    roster = files.roster_relationships
    relationships = dict(sorted((files.lrm.relationships + roster).items()))
    total = sum(relationships.values())
    return {
        "generator": "lrm generate",
        "seed": district.seed,
        "learners": district.learners,
        "school_year": district.calendar.title,
        "district": district.name,
        "schools": [school.name for school in district.schools],
        "grades": list(catalog.GRADES),
        "files": {"oneroster": files.row_counts(), "lrm": "lrm.json"},
        "lrm_nodes": dict(sorted(files.lrm.nodes.items())),
        "relationships": relationships,
        "roster_relationships": dict(sorted(roster.items())),
        "relationships_per_learner": round(total / district.learners, 2),
        "gaps": _gaps(district),
    }


def _gaps(district: District) -> dict[str, Any]:
    learners: dict[int, list[str]] = {code: [] for code in GAP_NAMES}
    for index, code in enumerate(district.gaps):
        if code:
            learners[code].append(district.learner_id(index))
    return {
        name: {
            "rate": district.rates[name],
            "meaning": GAP_MEANINGS[name],
            "count": len(learners[code]),
            "learners": learners[code],
        }
        for code, name in GAP_NAMES.items()
    }
