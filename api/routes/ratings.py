"""Routes for relationship quality on the Developmental Relationships Framework."""

from fastapi import APIRouter

router = APIRouter(tags=["ratings"])
