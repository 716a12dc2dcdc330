"""The report pages (`/reports/{name}`): what they list is the API's answer for the same
filters, each row opens the learner's page, and the CSV and PDF downloads say the same."""

from __future__ import annotations

import io
from urllib.parse import unquote

import httpx
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.web.support import DemoSchool, Watched, api_get, api_token


def unmentored(watched: Watched, **filters: str) -> list[dict[str, str]]:
    """Return the API's unmentored list for the signed-in person, with `filters`."""
    answer = api_get(watched.base_url, watched.session_token(), "/v1/reports/unmentored",
                     **filters)  # fmt: skip
    assert answer.status_code == 200, answer.text
    rows: list[dict[str, str]] = answer.json()["sections"]["learners"]
    return rows


def every_row(watched: Watched, section: str, **query: str | int) -> list[dict[str, str]]:
    """Return a section's rows as the API pages them out: a page, then each next page of
    the section (`next_cursors`) until there is none."""
    found: list[dict[str, str]] = []
    cursor: str | None = None
    while True:
        asked = query | ({"cursor": cursor} if cursor else {})
        answer = api_get(watched.base_url, watched.session_token(), "/v1/reports/unmentored",
                         **asked)  # fmt: skip
        assert answer.status_code == 200, answer.text
        found += answer.json()["sections"][section]
        cursor = answer.json()["next_cursors"][section]
        if cursor is None:
            return found


def enroll_unmentored(watched: Watched, demo: DemoSchool, grade: str, count: int) -> None:
    """Enroll `count` new learners of `grade`, with no caring adult, at the school of the
    signed-in counselor's unmentored learners (the demo school is small: a grade holds a
    learner or two without a caring adult)."""
    summary = api_get(watched.base_url, watched.session_token(), "/v1/reports/unmentored",
                      limit=1).json()["summary"]  # fmt: skip
    school = next(c["school_uid"] for c in summary["counts"] if c["school_uid"])
    admin = api_token(watched.base_url, demo.signins["admin"])
    headers = {"Authorization": f"Bearer {admin}"}
    for n in range(count):
        made = httpx.post(f"{watched.base_url}/v1/learners", headers=headers,
                          json={"given_name": f"Paged{n}", "family_name": "Learner",
                                "grade_level": grade})  # fmt: skip
        assert made.status_code == 201, made.text
        tie = httpx.post(f"{watched.base_url}/v1/relationships", headers=headers,
                         json={"type": "ENROLLED_AT", "from_uid": made.json()["uid"],
                               "to_uid": school})  # fmt: skip
        assert tie.status_code == 201, tie.text


def listed_uids(watched: Watched, section: str = "learners") -> list[str]:
    links = watched.page.locator(f"#table-{section} tbody a[href^='/learners/']")
    return [str(link.get_attribute("href")).removeprefix("/learners/") for link in links.all()]


def test_the_unmentored_list_by_grade_and_reason_is_the_apis_across_pages(
    watched: Watched, demo: DemoSchool
) -> None:
    watched.sign_in(demo.signins["counselor"])
    size, grade, reason, section = 2, "10", "none", "learners"
    enroll_unmentored(watched, demo, grade, count=2 * size + 1)  # three pages at least
    expected = [r["learner_uid"] for r in every_row(watched, section, grade=grade, reason=reason,
                                                    limit=size)]  # fmt: skip
    watched.open("/reports/unmentored")
    page = watched.page
    page.get_by_label("Grade", exact=True).select_option(grade)
    page.get_by_label("Why", exact=True).select_option(reason)
    page.get_by_label("Rows per page").fill(str(size))
    with page.expect_navigation():
        page.get_by_role("button", name="Show").click()
    summary = page.locator("table.counts tbody td.number")
    assert sum(int(n) for n in summary.all_inner_texts()) == len(expected)
    expect(page.locator(f"#title-{section} .muted")).to_have_text(f"({len(expected)})")
    pager = page.locator(f"#pager-{section}")
    pages = 1
    while pager.get_by_role("link", name="Next page").count():
        shown = len(listed_uids(watched, section))
        pager.get_by_role("link", name="Next page").click()  # htmx adds the next page's rows
        expect(page.locator(f"#table-{section} tbody tr")).not_to_have_count(shown)
        pages += 1
    expect(pager).to_contain_text("End of the list")
    assert pages == -(-len(expected) // size)
    assert listed_uids(watched, section) == expected  # each once, in the API's order
    focused = page.evaluate("() => document.activeElement.closest('tbody')?.parentElement.id")
    assert focused == f"table-{section}"  # the keyboard goes on from the rows added
    watched.screenshot("counselor-unmentored-by-grade-and-reason")


def test_the_next_page_link_opens_the_next_page_without_scripts(
    watched: Watched, demo: DemoSchool
) -> None:
    watched.sign_in(demo.signins["counselor"])
    first = api_get(watched.base_url, watched.session_token(), "/v1/reports/unmentored",
                    limit=1).json()  # fmt: skip
    section = next(name for name, cursor in first["next_cursors"].items() if cursor)
    watched.open("/reports/unmentored?limit=1")
    href = watched.page.locator(f"#pager-{section} a").get_attribute("href")
    assert href and first["next_cursors"][section] in unquote(href)
    watched.open(str(href))
    second = api_get(watched.base_url, watched.session_token(), "/v1/reports/unmentored",
                     limit=1, cursor=first["next_cursors"][section]).json()  # fmt: skip
    assert listed_uids(watched, section) == [r["learner_uid"] for r in second["sections"][section]]
    expect(watched.page.locator("table.counts")).to_have_count(0)  # the summary: first page only
    expect(watched.page.get_by_role("link", name="Back to the first page")).to_be_visible()


def test_the_form_offers_each_option_the_api_report_takes(
    watched: Watched, demo: DemoSchool
) -> None:
    watched.sign_in(demo.signins["admin"])
    listed = api_get(watched.base_url, watched.session_token(), "/v1/reports").json()["items"]
    for report in listed:
        watched.open(f"/reports/{report['name']}")
        names = watched.page.locator("form.filters [name]").evaluate_all(
            "fields => fields.map(f => f.name)"
        )
        assert set(names) == {"organization", "grade", "community", "limit", *report["options"]}
    assert watched.open("/reports/unmentored?days=3651") == 422
    expect(watched.page.locator("main")).to_contain_text("days")
    watched.errors.clear()  # the browser logs the page's own 422


def test_a_click_on_a_row_opens_the_learner_page(watched: Watched, demo: DemoSchool) -> None:
    watched.sign_in(demo.signins["counselor"])
    watched.open("/reports/unmentored")
    first = watched.page.locator("#table-learners tbody a").first
    name, href = first.inner_text(), first.get_attribute("href")
    with watched.page.expect_navigation():
        first.click()
    assert watched.page.url.endswith(str(href))
    expect(watched.page.get_by_role("heading", level=1)).to_have_text(name)


def test_the_csv_download_is_the_apis_csv(watched: Watched, demo: DemoSchool) -> None:
    watched.sign_in(demo.signins["counselor"])
    grade = unmentored(watched)[0]["grade_level"]
    watched.open(f"/reports/unmentored?grade={grade}")
    with watched.page.expect_download() as done:
        watched.page.get_by_role("link", name="Download as CSV").click()
    downloaded = done.value.path().read_bytes()
    api = api_get(watched.base_url, watched.session_token(), "/v1/reports/unmentored.csv",
                  grade=grade)  # fmt: skip
    assert api.status_code == 200
    assert downloaded == api.content
    assert done.value.suggested_filename == api.headers["content-disposition"].split('"')[1]


def test_the_pdf_download_lists_the_learners(watched: Watched, demo: DemoSchool) -> None:
    watched.sign_in(demo.signins["counselor"])
    watched.open("/reports/unmentored")
    answer = watched.page.request.get(watched.base_url + "/reports/unmentored.pdf")
    assert answer.status == 200 and answer.headers["content-type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(answer.body())).pages)
    names = [row["learner_name"] for row in unmentored(watched)]
    assert names and all(name in text for name in names)


def test_every_report_has_its_page(watched: Watched, demo: DemoSchool) -> None:
    watched.sign_in(demo.signins["admin"])
    watched.open("/reports")
    links = watched.page.locator("main .report-list a")
    names = [str(link.get_attribute("href")) for link in links.all()]
    listed = api_get(watched.base_url, watched.session_token(), "/v1/reports").json()["items"]
    assert names == [f"/reports/{report['name']}" for report in listed]
    for path in names:
        assert watched.open(path) == 200, path
        expect(watched.page.get_by_role("button", name="Show")).to_be_visible()


def test_a_learner_gets_403_for_a_report(watched: Watched, demo: DemoSchool) -> None:
    watched.sign_in(demo.signins["learner"])
    assert watched.open("/reports/unmentored") == 403
    watched.errors.clear()  # the browser logs the page's own 403
    answer = httpx.get(watched.base_url + "/reports/unmentored.csv")  # no session at all
    assert answer.status_code == 303 and answer.headers["location"] == "/"  # sign in first
