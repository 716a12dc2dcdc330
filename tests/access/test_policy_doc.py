"""docs/access-policy.md is the policy tables as the code has them, rendered, not restated."""

from __future__ import annotations

from pathlib import Path

from lrm_graph.access import policy_doc
from lrm_graph.access.policy import CREATE, Audience

PAGE = Path(__file__).resolve().parents[2] / "docs" / "access-policy.md"


def test_the_policy_page_is_the_code_rendered() -> None:
    assert PAGE.read_text(encoding="utf-8") == policy_doc.render(), (
        "docs/access-policy.md differs from the code: "
        "python -m lrm_graph.access.policy_doc > docs/access-policy.md"
    )


def test_a_change_of_a_table_changes_the_page() -> None:
    rule = CREATE[Audience.GUARDIAN]
    before = policy_doc.render()
    try:
        CREATE[Audience.GUARDIAN] = CREATE[Audience.LEARNER]
        assert policy_doc.render() != before
    finally:
        CREATE[Audience.GUARDIAN] = rule
