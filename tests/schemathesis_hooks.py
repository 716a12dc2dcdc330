"""What schemathesis cannot know from /openapi.json alone: a `cursor` (format `cursor`) is
opaque, one this API gave out, so the only one valid without a page before is the empty one
(the first page). The suite's schemathesis test loads this module; so does the CLI, with
`SCHEMATHESIS_HOOKS=tests.schemathesis_hooks` (the README says how)."""

from __future__ import annotations

import schemathesis
from hypothesis import strategies as st

from api.openapi import CURSOR_FORMAT

schemathesis.openapi.format(CURSOR_FORMAT, st.just(""))
