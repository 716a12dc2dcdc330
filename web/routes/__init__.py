"""The web app's routers, one per area (as `api/routes` has one per resource)."""

from fastapi import APIRouter

from web.routes import (
    adults,
    dashboard,
    home,
    imports,
    learner_voice,
    learners,
    reports,
    search,
    signin,
    teaching,
)


def routers() -> list[APIRouter]:
    """Return every router of pages."""
    return [
        signin.router,
        home.router,
        learner_voice.router,
        learners.router,
        reports.router,
        search.router,
        dashboard.router,
        adults.router,
        teaching.router,
        imports.router,
    ]
