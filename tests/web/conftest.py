"""Browser tests: the real app served by uvicorn on a loopback port (a real HTTP server),
Debian's Chromium driven by Playwright, and the session's real Neo4j with the demo school.

Each module loads the demo school once, through its own connection: a fixture that named
`graph` would have the database emptied before every test (tests/conftest.py). The tests
only add to the demo school (a goal, a mentor request), so they do not disturb each other.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from playwright.sync_api import BrowserContext, Page, expect

from api.main import create_app
from lrm_graph.config import Settings
from lrm_graph.db.graph import connect
from lrm_graph.db.runtime import free_port
from lrm_graph.demo import demo_school, signins
from tests.conftest import WIPE
from tests.web.support import CHROMIUM, LAUNCH_FLAGS, DemoSchool, Watched

DEMO_LEARNERS = 40
# The machine's two cores are shared: give a page longer than Playwright's 5 s to settle.
expect.set_options(timeout=15_000)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Launch Debian's Chromium (`playwright install` cannot download one here)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"the browser tests need Debian's Chromium at {CHROMIUM}: "
                    "apt-get install chromium (.ci/run does)", pytrace=False)  # fmt: skip
    return browser_type_launch_args | {
        "executable_path": CHROMIUM, "args": LAUNCH_FLAGS, "headless": True,
    }  # fmt: skip


@pytest.fixture(scope="session")
def web_server(settings: Settings) -> Iterator[str]:
    """Serve the whole app (API and pages) with uvicorn on a free loopback port."""
    port = free_port()
    config = uvicorn.Config(
        create_app(settings), host="127.0.0.1", port=port, log_level="warning", lifespan="on"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + 120  # a 2-core machine under load 20 took over 30 s
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the app did not start serving", pytrace=False)
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def base_url(web_server: str) -> str:
    """The app's address, for Playwright's relative URLs (and in place of
    pytest-playwright's own `base_url`, which pytest 9 warns about)."""
    return web_server


@pytest.fixture(scope="module")
def demo(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> DemoSchool:
    """Empty the database and load the demo school and its sign-ins, once per module."""
    graph = connect(settings)
    try:
        with graph.driver.session(database=graph.database) as session:
            session.run(WIPE).consume()
        run = demo_school.load(graph, settings, learners=DEMO_LEARNERS, seed=7)
        kept = settings.model_copy(update={"data_dir": tmp_path_factory.mktemp("signins")})
        made = signins.ensure(graph, kept)
    finally:
        graph.close()
    return DemoSchool({signin.role: signin for signin in made}, run.manifest)


@pytest.fixture
def watched(context: BrowserContext, page: Page, web_server: str) -> Iterator[Watched]:
    """A page on the app that may reach nothing but this server, and that fails the test
    on a script error, a console error (a refused script, a CSP violation) or a request
    that tried to leave the machine."""
    watch = Watched(page, web_server)
    watch.start(context)
    yield watch
    watch.check()
