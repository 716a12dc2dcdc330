# The LRM Graph API, for machines with a Docker engine (see docker-compose.yml).
# Two stages: the first installs LRM Graph and every dependency at the version uv.lock
# pins into /opt/lrm (LRM Graph itself as a built wheel, not editable: cypher/ and the web
# app's files go in with it); the second holds that environment and nothing else.
FROM python:3.11-slim AS build

ENV PYTHONDONTWRITEBYTECODE=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    UV_PROJECT_ENVIRONMENT=/opt/lrm \
    UV_PYTHON_DOWNLOADS=never \
    UV_NO_CACHE=1

WORKDIR /src
COPY pyproject.toml uv.lock README.md ./
COPY lrm_graph ./lrm_graph
COPY api ./api
COPY analytics ./analytics
COPY cli ./cli
COPY web ./web
COPY cypher ./cypher
# uv at the version uv.lock lists, in a venv of its own; --locked stops if the lock is
# behind pyproject.toml; no extra, so no test package.
RUN python -m venv /opt/uv \
    && /opt/uv/bin/pip install "uv==$(sed -n '/^name = "uv"$/{n;s/^version = "\(.*\)"$/\1/p;}' uv.lock)" \
    && /opt/uv/bin/uv sync --locked --no-editable --python /usr/local/bin/python3

FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/lrm/bin:$PATH \
    LRM_DATA_DIR=/var/lib/lrm

# Pango (and a font) for WeasyPrint's PDFs, as .ci/run installs them.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /opt/lrm /opt/lrm
RUN useradd --system --uid 10001 --home-dir /var/lib/lrm --create-home lrm
USER lrm
WORKDIR /var/lib/lrm

EXPOSE 8000
# NEO4J_URI must point at a server: the image holds no JDK for the embedded Neo4j.
CMD ["lrm", "serve", "--host", "0.0.0.0", "--port", "8000"]
