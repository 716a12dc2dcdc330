"""What a refusal of an unprintable name or text looks like, for the tests that send one."""

from __future__ import annotations

from httpx import Response

# NUL, tab, newline, escape, a C1 control, the right-to-left override, an isolate, DEL.
UNPRINTABLE = ["\u0000", "\t", "\n", "\u001b", "\u0085", "\u202e", "\u2066", "\u007f"]


def refused_naming(response: Response, field: str, character: str) -> None:
    """Check a 422 problem that names the field and the character it refused."""
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    [error] = problem["errors"]
    assert error["loc"][1] == field and error["type"] == "unprintable_character", error
    assert f"{field} may not hold" in problem["detail"]
    assert f"U+{ord(character):04X}" in problem["detail"]
