"""The staff's homes, the dashboard, an adult's page and search, in Chromium against the
real app and Neo4j with the demo school: each shows what the API answers the same caller."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from lrm_graph.homes import caseload, dashboard
from tests.web.support import DemoSchool, Watched, api_get, api_token


def test_the_counselors_home_lists_the_learners_the_api_finds_without_a_caring_adult(
    watched: Watched, demo: DemoSchool
) -> None:
    counselor = demo.signins["counselor"]
    watched.sign_in(counselor)
    token = api_token(watched.base_url, counselor)
    report = api_get(watched.base_url, token, "/v1/reports/unmentored").json()
    none = [r["learner_name"] for r in report["sections"]["learners"] if r["reason"] == "none"]
    section = watched.page.locator("#unmentored")
    expect(section.locator(".count")).to_have_text(str(len(none)))
    assert section.locator("li a").all_inner_texts() == none[:25]
    caseload = api_get(watched.base_url, token, f"/v1/adults/{counselor.person_uid}/caseload")
    names = [learner["name"] for learner in caseload.json()["learners"]]
    assert watched.page.locator("#caseload li.learner a.name").all_inner_texts() == names
    watched.screenshot("counselor-home-top", full_page=False)


def test_a_long_caseload_comes_folded_and_opens_with_care_teams_and_goals(
    watched: Watched, demo: DemoSchool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(caseload, "FOLDED", 2)  # the server runs in this process
    counselor = demo.signins["counselor"]
    watched.sign_in(counselor)
    token = api_token(watched.base_url, counselor)
    answer = api_get(watched.base_url, token, f"/v1/adults/{counselor.person_uid}/caseload")
    names = [learner["name"] for learner in answer.json()["learners"]]
    assert len(names) > 2
    learners = watched.page.locator("#caseload li.learner")
    assert learners.locator("a.name").all_text_contents() == names  # folded: hidden
    expect(learners.locator(".sub")).to_have_count(0)  # no care team read yet
    watched.page.locator("#caseload summary").click()
    expect(learners.locator(".sub")).to_have_count(2 * len(names))  # care team and goals
    assert learners.locator("a.name").all_text_contents() == names
    watched.open("/home/caseload")  # the same, as a page of its own
    assert learners.locator("a.name").all_text_contents() == names
    expect(learners.locator(".sub")).to_have_count(2 * len(names))


def test_the_mentors_home_shows_their_mentees_with_goals_and_care_team(
    watched: Watched, demo: DemoSchool
) -> None:
    mentor = demo.signins["mentor"]
    watched.sign_in(mentor)
    token = api_token(watched.base_url, mentor)
    caseload = api_get(watched.base_url, token, f"/v1/adults/{mentor.person_uid}/caseload")
    names = [learner["name"] for learner in caseload.json()["learners"]]
    assert names and watched.page.locator("li.learner a.name").all_inner_texts() == names
    mentee = watched.page.locator("li.learner", has_text=demo.signins["learner"].who)
    expect(mentee).to_contain_text(mentor.who)  # in the mentee's care team


def test_a_teacher_finds_a_learner_and_notes_what_they_saw_in_one_step(
    watched: Watched, demo: DemoSchool
) -> None:
    teacher, learner = demo.signins["teacher"], demo.signins["learner"]
    watched.sign_in(teacher)
    page = watched.page
    expect(page.locator("details.section").first).to_be_visible()
    page.get_by_label("Find a learner").fill(learner.who)
    shown = page.locator("li.learner:visible")
    expect(shown.first).to_contain_text(learner.who)
    assert {text.split("\n")[0] for text in shown.locator("a.name").all_inner_texts()} == {
        learner.who
    }
    block = shown.first
    block.get_by_text("Add a note or a check-in").click()
    block.get_by_label("What you saw or talked about").fill("Helped a classmate with fractions.")
    block.get_by_role("button", name="Save").click()
    expect(block.get_by_role("status")).to_have_text("Note saved for the care team.")
    assert page.evaluate("() => document.activeElement.classList.contains('saved')")
    counselor = api_token(watched.base_url, demo.signins["counselor"])
    notes = api_get(watched.base_url, counselor, f"/v1/learners/{learner.person_uid}/notes")
    assert "Helped a classmate with fractions." in [n["text"] for n in notes.json()["items"]]
    watched.screenshot("teacher-note-saved", full_page=False)


def test_a_teacher_logs_a_check_in_and_an_empty_one_is_refused_beside_the_form(
    watched: Watched, demo: DemoSchool
) -> None:
    teacher, learner = demo.signins["teacher"], demo.signins["learner"]
    watched.sign_in(teacher)
    page = watched.page
    page.get_by_label("Find a learner").fill(learner.who)
    block = page.locator("li.learner:visible").first
    block.get_by_text("Add a note or a check-in").click()
    block.get_by_label("a check-in with the learner").check()
    block.get_by_label("What you saw or talked about").fill("Talked about the science fair.")
    block.get_by_role("button", name="Save").click()
    expect(block.get_by_role("status")).to_have_text("Check-in logged.")
    token = api_token(watched.base_url, demo.signins["counselor"])
    logged = api_get(watched.base_url, token, f"/v1/learners/{learner.person_uid}/interactions")
    assert "Talked about the science fair." in [i["summary"] for i in logged.json()["items"]]


# Each count on the dashboard, by its link's words: which of the lists it counts.
DASHBOARD_COUNTS = {
    "learners with no caring adult": "without_caring_adult",
    "with quiet, never logged or ending ties only": "at_risk",
    "with one caring adult (fragile)": "one_caring_adult",
    "adults many depend on alone": "sole_adults",
    "learners in no community": "no_community",
    "without a home base": "no_home_base",
}


def test_the_dashboard_draws_coverage_and_counts_what_the_reports_list(
    watched: Watched, demo: DemoSchool
) -> None:
    admin = demo.signins["admin"]
    watched.sign_in(admin)
    watched.open("/dashboard")
    page = watched.page
    token = api_token(watched.base_url, admin)
    lonely = api_get(watched.base_url, token, "/v1/reports/no-community").json()["sections"]
    count = page.get_by_role("link", name="learners in no community")
    expect(count.locator("strong")).to_have_text(str(len(lonely["no_community"])))
    assert count.get_attribute("href") == "/reports/no-community"
    # Each count is its report's summary total (the dashboard reads no rows).
    for label, listed in DASHBOARD_COUNTS.items():
        name, section = dashboard.COUNTED[listed]
        total = api_get(watched.base_url, token, f"/v1/reports/{name}").json()["summary"]["total"]
        shown = page.get_by_role("link", name=label).locator("strong")
        expect(shown).to_have_text(str(total[section]))
    coverage = api_get(watched.base_url, token, "/v1/reports/coverage").json()
    schools = {g["organization_name"] for g in coverage["sections"]["groups"]}
    expect(page.locator("#coverage")).not_to_have_attribute("aria-busy", "true")  # comes after
    assert set(page.locator("section.chart-card h3").all_inner_texts()) == schools
    drawn = page.evaluate(
        "() => [...document.querySelectorAll('canvas')].map(c => Chart.getChart(c)?.data"
        ".datasets.length ?? 0)"
    )
    assert drawn and all(lines > 0 for lines in drawn)


def test_an_adults_page_shows_their_caseload_against_capacity(
    watched: Watched, demo: DemoSchool
) -> None:
    admin, mentor = demo.signins["admin"], demo.signins["mentor"]
    watched.sign_in(admin)
    watched.open(f"/adults/{mentor.person_uid}")
    token = api_token(watched.base_url, admin)
    caseload = api_get(watched.base_url, token, f"/v1/adults/{mentor.person_uid}/caseload").json()
    page = watched.page
    expect(page.get_by_role("heading", level=1)).to_have_text(mentor.who)
    expect(page.locator("#caseload-title + p")).to_contain_text(
        f"{caseload['count']} learners of a capacity of {caseload['capacity']}"
    )
    mentees = page.locator("section[aria-labelledby=mentees-title] li a").all_inner_texts()
    assert mentees == [learner["name"] for learner in caseload["learners"]]
    assert watched.open("/adults/nobody-at-all") == 404
    watched.errors.clear()  # the browser logs the 404 of the page itself


def test_an_adults_caseload_is_not_shown_to_whom_the_api_refuses_it(
    watched: Watched, demo: DemoSchool
) -> None:
    teacher, mentor = demo.signins["teacher"], demo.signins["mentor"]
    token = api_token(watched.base_url, teacher)
    refused = api_get(watched.base_url, token, f"/v1/adults/{mentor.person_uid}/caseload")
    assert refused.status_code == 403
    watched.sign_in(teacher)
    assert watched.open(f"/adults/{mentor.person_uid}") == 200  # the adult, not their caseload
    caseload = watched.page.locator("section[aria-labelledby=caseload-title]")
    expect(caseload).to_contain_text("An adult's caseload is shown to them")
    assert caseload.locator("a").count() == 0


def test_search_tells_people_apart_and_is_keyboard_navigable(
    watched: Watched, demo: DemoSchool
) -> None:
    admin = demo.signins["admin"]
    token = api_token(watched.base_url, admin)
    words = demo.signins["mentor"].who[:2]  # a prefix: several people, of several kinds
    found = api_get(watched.base_url, token, "/v1/search", q=words, limit=50).json()
    assert len(found["items"]) >= 2
    watched.sign_in(admin)
    page = watched.page
    page.get_by_label("Search people and communities").fill(words)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/search?q={words}")
    results = page.locator("ol.results > li")
    expect(results).to_have_count(len(found["items"]))
    for item, shown in zip(found["items"], results.all(), strict=True):
        expect(shown).to_contain_text(item["name"])
        expect(shown).to_contain_text(item["node_kind"])
        for school in item["schools"]:
            expect(shown).to_contain_text(school)
    page.get_by_label("Search people and communities").focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("() => document.activeElement.textContent")
    assert focused == found["items"][1]["name"]
