"""The report pages (`/reports/{name}`): what they list is the API's answer for the same
filters, each row opens the learner's page, and the CSV and PDF downloads say the same."""

from __future__ import annotations

import io
from collections import Counter

import httpx
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.web.support import DemoSchool, Watched, api_get


def unmentored(watched: Watched, **filters: str) -> list[dict[str, str]]:
    """Return the API's unmentored list for the signed-in person, with `filters`."""
    answer = api_get(watched.base_url, watched.session_token(), "/v1/reports/unmentored",
                     **filters)  # fmt: skip
    assert answer.status_code == 200, answer.text
    rows: list[dict[str, str]] = answer.json()["sections"]["learners"]
    return rows


def listed_uids(watched: Watched) -> set[str]:
    links = watched.page.locator("#table-learners tbody a[href^='/learners/']")
    return {str(href).removeprefix("/learners/") for href in
            [link.get_attribute("href") for link in links.all()]}  # fmt: skip


def test_the_counselors_unmentored_list_by_grade_is_the_apis(
    watched: Watched, demo: DemoSchool
) -> None:
    watched.sign_in(demo.signins["counselor"])
    grade, _ = Counter(row["grade_level"] for row in unmentored(watched)).most_common(1)[0]
    watched.open("/reports/unmentored")
    page = watched.page
    page.get_by_label("Grade", exact=True).select_option(grade)
    with page.expect_navigation():
        page.get_by_role("button", name="Show").click()
    expected = {row["learner_uid"] for row in unmentored(watched, grade=grade)}
    assert expected and listed_uids(watched) == expected
    expect(page.locator("#counts-title")).to_be_visible()
    counted = page.locator("table.counts tbody td.number").all_inner_texts()
    at_risk = api_get(watched.base_url, watched.session_token(), "/v1/reports/unmentored",
                      grade=grade).json()["sections"]["at_risk"]  # fmt: skip
    assert sum(int(n) for n in counted) == len(expected) + len(at_risk)
    watched.screenshot("counselor-unmentored-by-grade")


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
