"""The staff's learner page (`/learners/{uid}`): the network picture is the API's network
answer, the goals a learner states show, a suggested mentor is one click away (and the
learner is then off the unmentored list), and the brief prints and comes as a PDF."""

from __future__ import annotations

import io

from playwright.sync_api import expect
from pypdf import PdfReader

from tests.web.support import DemoSchool, Watched, api_get, api_token


def drawn(watched: Watched) -> tuple[int, int]:
    """Return the nodes and edges the page's network picture holds (cytoscape's own)."""
    watched.page.wait_for_function("() => window.cy && cy.nodes().length > 0")
    counts = watched.page.evaluate("() => [cy.nodes().length, cy.edges().length]")
    return counts[0], counts[1]


def network_size(watched: Watched, uid: str, **params: object) -> tuple[int, int]:
    answer = api_get(watched.base_url, watched.session_token(),
                     f"/v1/learners/{uid}/network", **params).json()  # fmt: skip
    nodes = 1 + sum(len(found) for found in answer["nodes"].values())  # with the learner
    return nodes, sum(len(found) for found in answer["edges"].values())


def test_the_network_picture_draws_the_apis_network(watched: Watched, demo: DemoSchool) -> None:
    learner = demo.signins["learner"].person_uid
    assert learner is not None
    watched.sign_in(demo.signins["counselor"])
    assert watched.open(f"/learners/{learner}") == 200
    assert drawn(watched) == network_size(watched, learner)
    watched.page.get_by_role("link", name="2 hops").click()
    watched.page.wait_for_url(f"**/learners/{learner}?depth=2*")
    two_hops = network_size(watched, learner, depth=2)
    assert drawn(watched) == two_hops and two_hops[0] > 1


def shown_edges(watched: Watched) -> int:
    """Return the edges the picture shows (not hidden by the filter)."""
    shown = "() => cy.edges().filter(edge => edge.style('display') !== 'none').length"
    return int(watched.page.evaluate(shown))


def test_the_filter_hides_a_relationship_type(watched: Watched, demo: DemoSchool) -> None:
    watched.sign_in(demo.signins["counselor"])
    watched.open(f"/learners/{demo.signins['learner'].person_uid}")
    _, edges = drawn(watched)
    box = watched.page.locator("#network-filter input[value=ENROLLED_AT]")
    box.uncheck()
    assert shown_edges(watched) == edges - 1  # the learner is enrolled at one school
    box.check()
    assert shown_edges(watched) == edges


def test_a_node_opens_its_page(watched: Watched, demo: DemoSchool) -> None:
    watched.sign_in(demo.signins["counselor"])
    watched.open(f"/learners/{demo.signins['learner'].person_uid}")
    drawn(watched)
    mentor = demo.signins["mentor"].person_uid
    watched.page.evaluate(f"() => cy.getElementById('{mentor}').emit('tap')")
    watched.page.wait_for_url(f"**/adults/{mentor}")
    watched.errors.clear()  # /adults/{uid} is another page's; here only the way there counts


def test_a_goal_a_learner_states_shows_on_the_counselors_page(
    watched: Watched, demo: DemoSchool
) -> None:
    learner = demo.signins["learner"]
    watched.sign_in(learner)
    watched.page.get_by_label("Your goal, in your words").fill("Build a solar car")
    watched.page.get_by_role("button", name="Save the goal").click()
    expect(watched.page.locator("#goals li", has_text="Build a solar car")).to_be_visible()
    with watched.page.expect_navigation():
        watched.page.get_by_role("button", name="Sign out").click()
    watched.sign_in(demo.signins["counselor"])
    watched.open(f"/learners/{learner.person_uid}")
    goals = watched.page.locator("section#goals")
    expect(goals.get_by_role("heading", name="Build a solar car")).to_be_visible()
    watched.screenshot("counselor-learner-page")


def test_accepting_a_suggestion_takes_the_learner_off_the_unmentored_list(
    watched: Watched, demo: DemoSchool
) -> None:
    # The district admin: in the demo school every adult with caseload room works for the
    # district, and a counselor may not make one the mentor of their school's learner.
    watched.sign_in(demo.signins["admin"])
    token = watched.session_token()
    unmentored = api_get(watched.base_url, token, "/v1/reports/unmentored").json()
    uncared = [
        r["learner_uid"] for r in unmentored["sections"]["learners"] if r["reason"] == "none"
    ]
    matches = api_get(watched.base_url, token, "/v1/analytics/mentor-matches").json()["items"]
    hopeful = [m["learner_uid"] for m in matches if m["candidates"] and m["learner_uid"] in uncared]
    accept = watched.page.locator("#mentor-suggestions button").first
    for learner in hopeful:  # the first whose suggestions hold one the caller may accept
        watched.open(f"/learners/{learner}")
        expect(watched.page.locator("#mentor-suggestions[aria-busy]")).to_have_count(0)
        if accept.count():
            break
    else:
        raise AssertionError("no unmentored learner has a suggestion the admin may accept")
    adult = str(accept.inner_text()).removeprefix("Make ").removesuffix(" the mentor")
    with watched.page.expect_navigation():
        accept.click()
    team = watched.page.locator("#care-team")
    expect(team).to_contain_text(adult)
    watched.open("/reports/unmentored")
    expect(watched.page.locator(f"#table-learners a[href='/learners/{learner}']")).to_have_count(0)
    after = api_get(watched.base_url, token, "/v1/reports/unmentored").json()
    assert learner not in {r["learner_uid"] for r in after["sections"]["learners"]}


def test_the_pdf_brief_has_the_learners_name_and_goals(watched: Watched, demo: DemoSchool) -> None:
    learner = demo.signins["learner"]
    watched.sign_in(demo.signins["counselor"])
    watched.open(f"/learners/{learner.person_uid}/brief")
    expect(watched.page.get_by_role("heading", level=1)).to_have_text(f"Brief: {learner.who}")
    answer = watched.page.request.get(f"{watched.base_url}/learners/{learner.person_uid}/brief.pdf")
    assert answer.status == 200 and answer.headers["content-type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(answer.body())).pages)
    brief = api_get(watched.base_url, watched.session_token(),
                    f"/v1/learners/{learner.person_uid}/brief").json()  # fmt: skip
    assert learner.who in text
    assert brief["goals"] and all(goal["title"] in text for goal in brief["goals"])


def test_an_accept_posted_without_the_form_token_is_refused(
    watched: Watched, demo: DemoSchool
) -> None:
    learner = demo.manifest.gaps["no_caring_relationship"][0]["uid"]
    watched.sign_in(demo.signins["counselor"])
    adult = demo.signins["mentor"].person_uid
    answer = watched.page.request.post(f"{watched.base_url}/learners/{learner}/mentor-matches",
                                       form={"adult_uid": str(adult)})  # fmt: skip
    assert answer.status == 403
    assert "security token" in answer.text()
    team = api_get(watched.base_url, watched.session_token(), f"/v1/learners/{learner}/brief")
    assert adult not in {member["uid"] for member in team.json()["care_team"]}


def test_the_learner_page_is_audited_as_the_api_audits(watched: Watched, demo: DemoSchool) -> None:
    learner = demo.signins["learner"].person_uid
    counselor = demo.signins["counselor"]
    watched.sign_in(counselor)
    watched.open(f"/learners/{learner}")
    expect(watched.page.locator("section#goals h2")).to_be_visible()
    admin = api_token(watched.base_url, demo.signins["admin"])
    found = api_get(watched.base_url, admin, "/v1/audit", learner=learner).json()["items"]
    mine = {(e["what"], e["action"], e["outcome"]) for e in found if e["actor"] == counselor.email}
    assert ("GET /learners/" + str(learner), "read", "allowed") in mine
    assert ("GET /learners/" + str(learner) + "/goals", "read", "allowed") in mine
