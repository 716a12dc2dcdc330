"""The one clock: timezone-aware UTC now, and today's date."""

from __future__ import annotations

from datetime import UTC, date, datetime


def now() -> datetime:
    """Return the current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


def today() -> date:
    """Return today's date in UTC."""
    return now().date()
