"""The web app's routers, one per area (as `api/routes` has one per resource)."""

from fastapi import APIRouter

from web.routes import home, learner_voice, learners, reports, search, signin


def routers() -> list[APIRouter]:
    """Return every router of pages."""
    return [
        signin.router,
        home.router,
        learner_voice.router,
        learners.router,
        reports.router,
        search.router,
    ]
