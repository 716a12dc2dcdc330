"""PDFs of pages (the brief, a report) with WeasyPrint, from the very templates the HTML
pages include: what prints is what the page shows."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from starlette.responses import Response
from weasyprint import CSS, HTML

from web.pages import STATIC_DIR, TEMPLATES

PRINT_CSS = STATIC_DIR / "css" / "print.css"


def pdf_response(
    request: Request, template: str, context: dict[str, Any], filename: str
) -> Response:
    """Render `template` to a PDF download called `filename`."""
    html = TEMPLATES.get_template(template).render({"request": request, **context})
    document = HTML(string=html, base_url=str(STATIC_DIR))
    pdf = document.write_pdf(stylesheets=[CSS(filename=str(PRINT_CSS))])
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{filename}"',
                 "Cache-Control": "no-store"},
    )  # fmt: skip
