"""The learner's home: their own voice, through the use cases `/v1/me` calls."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.web.support import DemoSchool, Watched, api_get, api_token


def test_a_learner_states_a_goal_and_it_shows(watched: Watched, demo: DemoSchool) -> None:
    watched.sign_in(demo.signins["learner"])
    page = watched.page
    page.get_by_label("Your goal, in your words").fill("Design bridges that last")
    page.get_by_label("A long-term ambition").check()
    page.get_by_role("button", name="Save the goal").click()
    goals = page.locator("#goals")
    expect(goals.locator("li", has_text="Design bridges that last")).to_be_visible()
    expect(page.get_by_label("Your goal, in your words")).to_have_value("")
    watched.open("/")  # still there after a reload, and the API says the same
    expect(goals).to_contain_text("Design bridges that last")
    mine = api_get(watched.base_url, watched.session_token(), "/v1/me/goals").json()["items"]
    assert "Design bridges that last" in {goal["title"] for goal in mine}


def test_a_goal_the_api_refuses_is_shown_with_the_reason_beside_the_form(
    watched: Watched, demo: DemoSchool
) -> None:
    watched.sign_in(demo.signins["learner"])
    page = watched.page
    page.get_by_label("Your goal, in your words").fill("   ")  # blank once stripped
    page.get_by_role("button", name="Save the goal").click()
    problem = page.locator("#goals [role=alert]")
    expect(problem).to_have_text("Your goal: please fill this in.")
    expect(problem).to_be_focused()
    expect(page.get_by_label("Your goal, in your words")).to_have_attribute("aria-invalid", "true")
    watched.errors.clear()  # the browser logs the 422 of the section it swapped in
    watched.screenshot("learner-goal-refused")


def test_a_learner_names_a_trusted_adult(watched: Watched, demo: DemoSchool) -> None:
    watched.sign_in(demo.signins["learner"])
    page = watched.page
    page.get_by_role("link", name="Name an adult you trust").click()
    choice = page.get_by_label("An adult at your school or around you")
    expect(choice).to_be_focused()
    chosen = choice.locator("option").nth(1)
    name = chosen.inner_text().strip()
    choice.select_option(chosen.get_attribute("value"))
    page.get_by_role("button", name="Name them").click()
    expect(page.locator("#trusted li", has_text=name)).to_be_visible()
    expect(page.locator("#trusted h2")).to_be_focused()
    trusted = api_get(watched.base_url, watched.session_token(), "/v1/me/trusted-adults")
    assert name in {adult["name"] for adult in trusted.json()["items"]}


def test_a_learner_asks_for_a_mentor(watched: Watched, demo: DemoSchool) -> None:
    watched.sign_in(demo.signins["learner"])
    page = watched.page
    page.get_by_label("What you hope a mentor could help with").fill("Someone who draws")
    page.get_by_role("button", name="Ask for a mentor").click()
    expect(page.locator("#mentor")).to_contain_text("You asked for a mentor")
    expect(page.locator("#mentor")).to_contain_text("Someone who draws")
    asked = api_get(watched.base_url, watched.session_token(), "/v1/me/mentor-requests")
    assert [r["hope"] for r in asked.json()["items"] if r["status"] == "open"] == [
        "Someone who draws"
    ]
    watched.screenshot("learner-asked-for-mentor")


def test_the_learner_home_is_audited_as_the_learner_reading_their_own_record(
    watched: Watched, demo: DemoSchool
) -> None:
    learner = demo.signins["learner"]
    watched.sign_in(learner)
    admin = api_token(watched.base_url, demo.signins["admin"])
    entries = api_get(watched.base_url, admin, "/v1/audit", learner=learner.person_uid)
    mine = [e for e in entries.json()["items"] if e["what"] == "GET /"]
    assert mine and {(e["actor"], e["purpose"], e["outcome"]) for e in mine} == {
        (learner.email, "self", "allowed")
    }
