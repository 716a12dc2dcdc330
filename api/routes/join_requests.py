"""Routes for requests to join closed communities."""

from fastapi import APIRouter

router = APIRouter(tags=["join-requests"])
