"""The demo school loaded once for a test module, with a signed-in caller per demo role."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph, connect
from lrm_graph.demo import demo_school, signins
from tests.auth_helpers import seed_caller
from tests.conftest import WIPE


@contextmanager
def demo_signed_in(
    settings: Settings, signins_dir: Path, learners: int
) -> Iterator[tuple[Graph, dict[str, signins.DemoSignIn], dict[str, dict[str, str]]]]:
    """Empty the database, load the demo school; yield the graph, the demo sign-ins by role
    and the headers that sign in as each (a live token each, no password round trip)."""
    graph = connect(settings)
    try:
        with graph.driver.session(database=graph.database) as session:
            session.run(WIPE).consume()
        demo_school.load(graph, settings, learners=learners, seed=7)
        kept = settings.model_copy(update={"data_dir": signins_dir})
        made = {s.role: s for s in signins.ensure(graph, kept)}
        headers = {
            role: seed_caller(graph, role, person_uid=s.person_uid, org_uid=s.org_uid)
            for role, s in made.items()
        }
        yield graph, made, headers
    finally:
        graph.close()
