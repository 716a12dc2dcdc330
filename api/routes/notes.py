"""Routes for notes about a learner, each with a visibility."""

from fastapi import APIRouter

router = APIRouter(tags=["notes"])
