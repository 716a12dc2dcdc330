"""Routes for the learner's own voice, signed in as a learner (/v1/me/...)."""

from fastapi import APIRouter

router = APIRouter(tags=["me"])
