"""/docs and /redoc come from the vendored files: they work with no network but this
server (every other host is blocked, and none is even asked)."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from tests.web.support import Watched
from web.pages import STATIC_DIR
from web.vendor import PACKAGES, ROOT, pinned

METHODS = frozenset({"get", "post", "put", "patch", "delete"})


def operations(base_url: str) -> set[str]:
    """Return the operation ids of the app's OpenAPI document."""
    paths = httpx.get(base_url + "/openapi.json").json()["paths"]
    return {op["operationId"] for item in paths.values() for m, op in item.items() if m in METHODS}


def test_docs_lists_the_operations_with_only_this_server(watched: Watched) -> None:
    assert watched.open("/docs") == 200
    page = watched.page
    page.locator(".opblock", has_text="/v1/auth/token").wait_for()
    # Swagger UI draws the operations near the screen only: ask it how many it holds.
    held = page.evaluate("() => ui.specSelectors.operations().size")
    assert held == len(operations(watched.base_url))
    watched.screenshot("docs", full_page=False)


def test_redoc_lists_the_operations_with_only_this_server(watched: Watched) -> None:
    assert watched.open("/redoc") == 200
    page = watched.page
    page.locator("[data-section-id^='operation/']").first.wait_for(state="attached")
    # One section per operation and tag it is listed under: "[tag/<tag>/]operation/<id>".
    sections = page.evaluate(
        "() => [...document.querySelectorAll('[data-section-id*=\\'operation/\\']')]"
        ".map(e => e.dataset.sectionId.split('operation/').pop())"
    )
    assert set(sections) == operations(watched.base_url)
    watched.screenshot("redoc", full_page=False)


def test_docs_pages_name_no_other_host(web_server: str) -> None:
    for path in ("/docs", "/redoc", "/docs/oauth2-redirect"):
        page = httpx.get(web_server + path)
        assert page.status_code == 200
        assert "http://" not in page.text.replace(web_server, "")
        assert "https://" not in page.text


def test_vendored_files_are_the_pinned_versions() -> None:
    recorded = json.loads((STATIC_DIR / "vendor" / "versions.json").read_text())
    pins = pinned()
    assert recorded == {item.package: pins[item.package] for item in PACKAGES}
    for item in PACKAGES:
        for name in (*item.files, item.licence):
            copied = item.folder / Path(name).name
            assert copied.is_file() and copied.stat().st_size > 0, copied
    assert (ROOT / "package-lock.json").is_file()
