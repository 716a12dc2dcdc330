"""Routes for relationship mapping rounds."""

from fastapi import APIRouter

router = APIRouter(tags=["mapping-rounds"])
