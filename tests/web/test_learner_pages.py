"""A learner's page (`/learners/{uid}`) and the guardian's home: read-only, only what the
caller may see, 404 for a learner they may not see, audited as the API audits."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.web.support import DemoSchool, Watched, api_get, api_token


def other_learner(demo: DemoSchool) -> str:
    """Return a learner of the demo school who is not the guardian's child."""
    child = demo.signins["learner"].person_uid
    return next(x["uid"] for x in demo.manifest.gaps["no_community"] if x["uid"] != child)


def test_a_guardian_sees_their_childs_page(watched: Watched, demo: DemoSchool) -> None:
    child = demo.signins["learner"]
    watched.sign_in(demo.signins["guardian"])
    assert watched.open(f"/learners/{child.person_uid}") == 200
    page = watched.page
    expect(page.get_by_role("heading", level=1)).to_have_text(child.who)
    team = page.locator("section", has=page.get_by_role("heading", name="Adults who care"))
    expect(team).to_contain_text(demo.signins["mentor"].who)
    expect(page.locator("form")).to_have_count(2)  # the search box and sign-out: read-only
    watched.screenshot("learner-page-guardian")


def test_a_guardian_opening_another_childs_page_gets_404(
    watched: Watched, demo: DemoSchool
) -> None:
    stranger = other_learner(demo)
    watched.sign_in(demo.signins["guardian"])
    assert watched.open(f"/learners/{stranger}") == 404
    expect(watched.page.get_by_role("heading", level=1)).to_have_text("Not Found")
    expect(watched.page.locator("main")).to_contain_text("not one you may see")
    watched.errors.clear()  # the browser logs the 404 of the page itself
    watched.screenshot("learner-page-404")
    api = api_get(watched.base_url, watched.session_token(), f"/v1/learners/{stranger}")
    assert api.status_code == 404  # as the API answers the same guardian


def test_learner_pages_are_audited_as_the_api_audits(watched: Watched, demo: DemoSchool) -> None:
    child, stranger = demo.signins["learner"].person_uid, other_learner(demo)
    guardian = demo.signins["guardian"]
    watched.sign_in(guardian)
    watched.open(f"/learners/{child}")
    watched.open(f"/learners/{stranger}")
    watched.errors.clear()
    admin = api_token(watched.base_url, demo.signins["admin"])

    def entries(learner: str) -> set[tuple[str, str | None, str]]:
        found = api_get(watched.base_url, admin, "/v1/audit", learner=learner).json()["items"]
        return {
            (e["action"], e.get("purpose"), e["outcome"])
            for e in found
            if e["what"] == f"GET /learners/{learner}" and e["actor"] == guardian.email
        }

    assert entries(child) == {("read", "GUARDIAN_OF", "allowed")}
    assert entries(stranger) == {("read", "none", "denied")}
