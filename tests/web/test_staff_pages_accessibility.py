"""The staff's learner page, its parts and brief, and the report pages: no axe-core
violation of impact serious or critical, readable at 1280 and 390 px, a screenshot each."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.web.support import DemoSchool, Watched
from tests.web.test_accessibility import check_page


def test_the_learner_page_and_brief_are_accessible(watched: Watched, demo: DemoSchool) -> None:
    learner = demo.signins["learner"].person_uid
    watched.sign_in(demo.signins["counselor"])
    for name, path in {
        "": f"/learners/{learner}",
        "-2-hops": f"/learners/{learner}?depth=2",
    }.items():
        assert watched.open(path) == 200, path
        for part in ("goals", "mentor-suggestions"):  # filled in after the page came
            expect(watched.page.locator(f"section#{part}[aria-busy]")).to_have_count(0)
        check_page(watched, f"counselor-learner-page{name}")
    parts = {"goals": f"/learners/{learner}/goals", "brief": f"/learners/{learner}/brief",
             "mentor-suggestions": f"/learners/{learner}/mentor-suggestions"}  # fmt: skip
    for name, path in parts.items():  # each as a page of its own (without scripts)
        assert watched.open(path) == 200, path
        check_page(watched, f"counselor-learner-{name}")


def test_the_report_pages_are_accessible(watched: Watched, demo: DemoSchool) -> None:
    watched.sign_in(demo.signins["counselor"])
    for name, path in {"reports": "/reports", "report-unmentored": "/reports/unmentored",
                       "report-fragile": "/reports/fragile",
                       "report-coverage": "/reports/coverage"}.items():  # fmt: skip
        assert watched.open(path) == 200, path
        check_page(watched, f"counselor-{name}")


def test_a_teacher_sees_the_learner_page_without_suggestions(
    watched: Watched, demo: DemoSchool
) -> None:
    watched.sign_in(demo.signins["teacher"])
    assert watched.open(f"/learners/{demo.signins['learner'].person_uid}") == 200
    expect(watched.page.locator("section#goals h2")).to_be_visible()
    expect(watched.page.locator("#mentor-suggestions")).to_have_count(0)
    check_page(watched, "teacher-learner-page")
