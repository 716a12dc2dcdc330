"""The web app: server-rendered pages (Jinja2 + htmx) beside the JSON API, in the same
FastAPI app. An interface like `api/`: it parses forms, calls the same `lrm_graph` use
cases and renders their answers; `lrm_graph` never imports it."""
