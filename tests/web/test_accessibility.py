"""Every page: no axe-core violation of impact serious or critical, readable at 1280 px
and at 390 px (a phone) without sideways scrolling, and a screenshot of each."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.web.support import DemoSchool, Watched

WIDTHS = {"wide": 1280, "phone": 390}
# Each role's pages, by the name of their screenshot.
SIGNED_IN_PAGES = {
    "admin": {"home": "/", "search": "/search?q=dova", "dashboard": "/dashboard",
              "dashboard-coverage": "/dashboard/coverage", "adult-page": "/adults/{mentor}"},
    "counselor": {"home": "/", "dashboard": "/dashboard", "adult-page": "/adults/{mentor}",
                  "search": "/search?q=a"},
    "teacher": {"home": "/", "adult-page-404": "/adults/nobody-at-all"},
    "mentor": {"home": "/", "own-page": "/adults/{mentor}"},
    "learner": {"home": "/", "choosing-trusted-adult": "/?choose=trusted",
                "learner-page-404": "/learners/nobody-at-all"},
    "guardian": {"home": "/", "learner-page": "/learners/{child}"},
}  # fmt: skip


def check_page(watched: Watched, name: str) -> None:
    """Check the page open now at each width, and keep a screenshot of it."""
    for label, width in WIDTHS.items():
        watched.page.set_viewport_size({"width": width, "height": 900})
        watched.check_accessibility()
        assert watched.fits_width(), f"{name} scrolls sideways at {width} px"
        watched.screenshot(f"{name}-{label}")


def test_the_sign_in_page_is_accessible(watched: Watched, demo: DemoSchool) -> None:
    watched.open("/")
    check_page(watched, "sign-in")


@pytest.mark.parametrize("role", sorted(SIGNED_IN_PAGES))
def test_each_roles_pages_are_accessible(watched: Watched, demo: DemoSchool, role: str) -> None:
    watched.sign_in(demo.signins[role])
    child = demo.signins["learner"].person_uid
    mentor = demo.signins["mentor"].person_uid
    for name, path in SIGNED_IN_PAGES[role].items():
        watched.open(path.format(child=child, mentor=mentor))
        expect(watched.page.locator("[aria-busy=true]")).to_have_count(0)  # parts come after
        check_page(watched, f"{role}-{name}")
    watched.errors.clear()  # the 404 pages' statuses are logged by the browser


def test_keyboard_reaches_the_main_content_through_the_skip_link(
    watched: Watched, demo: DemoSchool
) -> None:
    watched.sign_in(demo.signins["learner"])
    page = watched.page
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to the main content")
    assert skip.evaluate("link => link === document.activeElement")
    assert skip.is_visible()  # shown once it has the focus
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.id")
    assert focused == "goal-title"  # the first field of the main content
