"""The `lrm` command line: thin commands over `lrm_graph`'s use cases, output through rich.

`cli.app` holds what every command shares; each module here adds its commands to it.
"""

from __future__ import annotations

from cli import accounts, analytics, db, demo, district, reports
from cli.app import app

for commands in (reports, analytics, demo, district, accounts):
    commands.register(app)

__all__ = ["app", "db"]
