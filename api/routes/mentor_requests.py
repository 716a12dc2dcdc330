"""Routes for mentor requests, waiting for a counselor."""

from fastapi import APIRouter

router = APIRouter(tags=["mentor-requests"])
