"""Routes for a learner's brief and timeline."""

from fastapi import APIRouter

router = APIRouter(tags=["learner-views"])
