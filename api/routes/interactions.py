"""Routes for interactions the care team logs."""

from fastapi import APIRouter

router = APIRouter(tags=["interactions"])
