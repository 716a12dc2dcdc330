"""District-wide rows: orgs, the school year, courses, the district's staff, industries,
interests, resources, partner organizations and outside experts.
"""

from __future__ import annotations

from lrm_graph.demo.generator import catalog, names
from lrm_graph.demo.generator.plan import District
from lrm_graph.demo.generator.writers import Outputs, ref, rel

DISTRICT_ID = "org-district"


def slug(text: str) -> str:
    """Return a source_id fragment: lower case, words joined by hyphens."""
    return "-".join("".join(c for c in text.lower() if c.isalnum() or c == " ").split())


def session_ids(district: District) -> tuple[str, str, str]:
    """Return the sourcedIds of the school year and of its two terms."""
    year = f"as-{district.calendar.school_year}"
    return year, f"{year}-t1", f"{year}-t2"


def course_id(slot: int, grade: str) -> str:
    return f"crs-{slot}-{grade}"


def industry_ref(code: str) -> dict[str, str]:
    return ref("industry", f"ind-{code.lower()}")


def course_resource(code: str) -> str:
    return f"res-{code.lower()}-course"


def interest_id(name: str) -> str:
    return f"int-{slug(name)}"


def write_district(district: District, out: Outputs) -> None:
    """Write everything that belongs to the district rather than to one school."""
    _orgs(district, out)
    _sessions(district, out)
    _courses(district, out)
    given, family = district.names.given[0], district.names.family[0]
    login = names.username(given, family, 1)
    leader = {"sourcedId": "stf-00000", "givenName": given, "familyName": family}
    leader |= {"username": login, "email": f"{login}@{district.domain}"}
    start = district.calendar.start.isoformat()
    out.person("stf", leader, "districtAdministrator", DISTRICT_ID, start)
    _catalog(out)
    _experts(district, out)


def _orgs(district: District, out: Outputs) -> None:
    out.orgs.row({"sourcedId": DISTRICT_ID, "name": district.name, "type": "district"})
    for school in district.schools:
        row = {"sourcedId": school.source_id, "name": school.name, "type": "school"}
        out.orgs.row(
            row | {"identifier": f"S{school.index + 1:03d}", "parentSourcedId": DISTRICT_ID}
        )
        out.roster_relationships["PART_OF"] += 1


def _sessions(district: District, out: Outputs) -> None:
    calendar, (year, term1, term2) = district.calendar, session_ids(district)
    end_year = str(calendar.school_year + 1)
    common = {"schoolYear": end_year}
    out.sessions.row(
        common
        | {"sourcedId": year, "title": calendar.title, "type": "schoolYear"}
        | {"startDate": calendar.start.isoformat(), "endDate": calendar.end.isoformat()}
    )
    out.sessions.row(
        common
        | {"sourcedId": term1, "title": f"Fall {calendar.school_year}", "type": "term"}
        | {"startDate": calendar.start.isoformat(), "endDate": calendar.term1_end.isoformat()}
        | {"parentSourcedId": year}
    )
    out.sessions.row(
        common
        | {"sourcedId": term2, "title": f"Spring {end_year}", "type": "term"}
        | {"startDate": calendar.term2_start.isoformat(), "endDate": calendar.end.isoformat()}
        | {"parentSourcedId": year}
    )


def _courses(district: District, out: Outputs) -> None:
    year = session_ids(district)[0]
    rows = [
        {
            "sourcedId": course_id(slot, grade),
            "schoolYearSourcedId": year,
            "title": titles[g],
            "courseCode": slug(titles[g]).upper()[:12],
            "grades": grade,
            "orgSourcedId": DISTRICT_ID,
            "subjects": catalog.SUBJECTS[slot],
        }
        for slot, titles in enumerate(catalog.COURSES)
        for g, grade in enumerate(catalog.GRADES)
    ]
    for row in sorted(rows, key=lambda r: r["sourcedId"]):
        out.courses.row(row)


def _catalog(out: Outputs) -> None:
    """Write industries, interests and the resources that support them."""
    lrm = out.lrm
    for industry in (*catalog.INDUSTRIES, *catalog.UNTIED_INDUSTRIES):
        lrm.node({"node_kind": "industry", "source_id": f"ind-{industry.code.lower()}"}
                 | {"name": industry.name, "code": industry.code})  # fmt: skip
    for name in catalog.INTERESTS:
        lrm.node({"node_kind": "interest", "source_id": interest_id(name), "name": name})
    for industry in catalog.INDUSTRIES:  # the untied industries get no resource
        code = industry.code.lower()
        for suffix, kind, title in (
            ("course", "course", f"{industry.name}: pathway course"),
            ("intern", "internship", f"{industry.name}: summer internship"),
        ):
            source_id = f"res-{code}-{suffix}"
            lrm.node({"node_kind": "resource", "source_id": source_id, "name": title, "kind": kind})
            lrm.relationship(
                rel("SUPPORTS", ref("resource", source_id), industry_ref(industry.code))
            )
    for name in catalog.INTERESTS:
        source_id = f"res-kit-{slug(name)}"
        lrm.node({"node_kind": "resource", "source_id": source_id, "name": f"{name} starter kit"}
                 | {"kind": "tool"})  # fmt: skip
        lrm.relationship(
            rel("SUPPORTS", ref("resource", source_id), ref("interest", interest_id(name)))
        )


def _experts(district: District, out: Outputs) -> None:
    """Write partner organizations and experts; cleared ones mentor (see `school`)."""
    lrm, expires = out.lrm, f"{district.calendar.school_year + 2}-06-30"
    for source_id, kind, name in district.partners:
        lrm.node({"node_kind": "organization", "source_id": source_id, "name": name, "kind": kind})
    for expert in district.experts:
        row = {"node_kind": "expert", "source_id": expert.source_id}
        row |= {"given_name": expert.given, "family_name": expert.family}
        if expert.cleared:
            row |= {"screening_status": "cleared", "screening_expires_on": expires}
            row |= {"screened_by": "District volunteer office"}
        lrm.node(row)
        me = ref("expert", expert.source_id)
        lrm.relationship(rel("WORKS_IN", me, industry_ref(expert.industry)))
        lrm.relationship(rel("WORKS_FOR", me, ref("organization", expert.partner)))
