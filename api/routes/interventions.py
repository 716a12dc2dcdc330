"""Routes for interventions and support plans."""

from fastapi import APIRouter

router = APIRouter(tags=["interventions"])
