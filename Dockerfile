# The LRM Graph API, for machines with a Docker engine (see docker-compose.yml).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY pyproject.toml README.md ./
COPY lrm_graph ./lrm_graph
COPY api ./api
COPY analytics ./analytics
COPY cli ./cli
COPY web ./web
COPY cypher ./cypher
# Editable on purpose: the named queries in cypher/ are found beside the package
# (lrm_graph/db/cypher.py looks in the repository root), and a plain `pip install .`
# would copy the packages into site-packages without them.
RUN pip install -e . \
    && useradd --system --uid 10001 --home-dir /app lrm \
    && chown -R lrm /app
USER lrm

EXPOSE 8000
# NEO4J_URI must point at a server: the image holds no JDK for the embedded Neo4j.
CMD ["lrm", "serve", "--host", "0.0.0.0", "--port", "8000"]
