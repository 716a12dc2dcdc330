"""The HTTP API of LRM Graph (FastAPI, under /v1)."""
