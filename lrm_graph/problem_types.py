"""The catalogue of problem types (RFC 9457): one name, one fixed title, one status each.

An answer's `type` is the reference `/problems/<name>`: relative, so that it is the same
string on every deployment (clients compare it), and it resolves against the request's
own address to the page that explains it, which the app serves. Every `LrmError` class
names its type (`problem = ...`), so a title cannot drift from its type.
"""

from __future__ import annotations

from dataclasses import dataclass
from http import HTTPStatus

PATH = "/problems/"


@dataclass(frozen=True)
class ProblemType:
    name: str
    title: str
    status: int
    explanation: str

    @property
    def uri(self) -> str:
        return f"{PATH}{self.name}"


CATALOGUE: dict[str, ProblemType] = {}


def _type(name: str, title: str, status: int, explanation: str) -> ProblemType:
    assert name not in CATALOGUE, name
    CATALOGUE[name] = ProblemType(name, title, status, explanation)
    return CATALOGUE[name]


BAD_REQUEST = _type(
    "bad-request", "Bad request", 400, "The request could not be read (a malformed body)."
)
BAD_LOGOUT_TOKEN = _type(
    "bad-logout-token",
    "Bad logout token",
    400,
    "A back-channel logout token from a sign-in provider was refused: its signature, "
    "issuer, audience, age or event did not check out. Nobody was signed out.",
)
SIGN_IN_NEEDED = _type(
    "sign-in-needed",
    "Sign-in needed",
    401,
    "The request carries no valid credentials. Send `Authorization: Bearer <token>` with "
    "a token from `POST /v1/auth/token` or an API key; a token ends when it expires, when "
    "its account is archived, or when the person signs out.",
)
SIGN_IN_FAILED = _type(
    "sign-in-failed",
    "Sign-in failed",
    401,
    "The email and password, or the provider's answer, did not sign anyone in. The answer "
    "does not say which part was wrong.",
)
FORBIDDEN = _type(
    "forbidden",
    "Forbidden",
    403,
    "The caller is signed in but their role or scope does not allow this operation. The "
    "refusal is in the audit log.",
)
CSRF_REFUSED = _type(
    "csrf-refused",
    "Form token refused",
    403,
    "A web form came without the form token of its session (or with another one). Reload "
    "the page and send the form again.",
)
PASSWORD_SIGN_IN_OFF = _type(
    "password-sign-in-off",
    "Password sign-in is off",
    403,
    "This deployment signs people in only through its providers (`LRM_PASSWORD_SIGNIN` is "
    "off). API keys still work.",
)
NOT_IN_ROSTER = _type(
    "not-in-roster",
    "Not in the district's roster",
    403,
    "The provider signed the person in, but their email is not that of anyone in the "
    "district's roster with a role that may sign in.",
)
NOT_FOUND = _type(
    "not-found",
    "Not found",
    404,
    "Nothing with that uid, or nothing the caller may see: both answer the same, so that "
    "an answer never tells whether a hidden learner exists.",
)
METHOD_NOT_ALLOWED = _type(
    "method-not-allowed",
    "Method not allowed",
    405,
    "The path exists but not with this method; the `Allow` header lists the ones it takes.",
)
NOT_ACCEPTABLE = _type(
    "not-acceptable", "Not acceptable", 406, "The answer cannot be given in an accepted type."
)
CONFLICT = _type(
    "conflict",
    "Conflict",
    409,
    "The record is not in a state that allows this (closed, decided, ended or changed "
    "meanwhile). Read it again; the detail says what stood in the way.",
)
DUPLICATE_ACTIVE_RELATIONSHIP = _type(
    "duplicate-active-relationship",
    "Duplicate active relationship",
    409,
    "An active relationship of this type already joins these two nodes; `existing_uid` "
    "names it. End it first, or update it.",
)
DUPLICATE_KEY = _type(
    "duplicate-key",
    "Duplicate key",
    409,
    "A record with the same key (uid, or source_id within its kind) exists already.",
)
NODE_ARCHIVED = _type(
    "node-archived",
    "Node archived",
    409,
    "An archived node keeps its history but takes no new relationships, goals or members.",
)
INVITATION_UNUSABLE = _type(
    "invitation-unusable",
    "This invitation cannot be used",
    410,
    "The invitation link was used already, has expired, or was withdrawn. Ask the school "
    "for a new one.",
)
REQUEST_TOO_LARGE = _type(
    "request-too-large",
    "Request too large",
    413,
    "The request body is over `LRM_MAX_REQUEST_BYTES` (`LRM_MAX_UPLOAD_BYTES` for bulk "
    "loads and imports). Nothing was read or written.",
)
TOO_MANY_ROWS = _type(
    "too-many-rows",
    "Too many rows",
    413,
    "A bulk request holds more rows than `LRM_BULK_MAX_ROWS`. Split it; nothing was written.",
)
ANALYTICS_TOO_LARGE = _type(
    "analytics-too-large",
    "Too large for one analytic",
    422,
    "An analytic over the whole district would project more nodes than "
    "`LRM_ANALYTICS_MAX_NODES`: it would outrun its time and memory. Ask it per "
    "organization (`organization=<uid>`), or raise the setting. Nothing was run.",
)
UNSUPPORTED_MEDIA_TYPE = _type(
    "unsupported-media-type",
    "Unsupported media type",
    415,
    "The body's content type is not one this operation reads.",
)
INVALID_REQUEST = _type(
    "invalid-request",
    "Invalid request",
    422,
    "The request does not match the API's schema (OpenAPI at `/openapi.json`). `errors` "
    "lists each field: `loc` (where), `msg` and `type`.",
)
INVALID_INPUT = _type(
    "invalid-input",
    "Invalid input",
    422,
    "The request matches the schema but breaks a rule of the data (a date order, a value "
    "outside its range, an unknown name). The detail names the rule.",
)
RELATIONSHIP_PAIR_NOT_ALLOWED = _type(
    "relationship-pair-not-allowed",
    "Relationship pair not allowed",
    422,
    "This relationship type cannot join these two kinds of node; `allowed_pairs` lists the "
    "pairs it may join (the vocabulary, `lrm_graph/vocabulary.py`).",
)
RELATIONSHIP_SAME_NODE = _type(
    "relationship-same-node",
    "Relationship needs two nodes",
    422,
    "A relationship joins two different nodes; both ends named the same one.",
)
SCREENING_REQUIRED = _type(
    "screening-required",
    "Screening required",
    422,
    "An expert (someone from outside the school) may be linked to a learner only while "
    "screened and cleared, with a screening date that has not expired.",
)
IMPORT_INVALID = _type(
    "import-invalid",
    "Invalid import",
    422,
    "An import had problems and nothing of it was written. `problems` lists each one with "
    "its file, line and column; `problem_count` says how many there are in all.",
)
BACKUP_INVALID = _type(
    "backup-invalid",
    "Invalid backup",
    422,
    "A file given to `lrm db restore` is not an LRM Graph backup this version reads, or it "
    "is damaged or truncated; nothing was restored and the database is as it was.",
)
TOO_MANY_REQUESTS = _type(
    "too-many-requests",
    "Too many requests",
    429,
    "Too many failed sign-ins from this address or for this account; `Retry-After` says "
    "when to try again.",
)
INTERNAL_ERROR = _type(
    "internal-error",
    "Internal error",
    500,
    "Something went wrong on the server's side. It has been logged with the request's "
    "`X-Request-ID`; quote it when you report the problem.",
)
INVALID_SETTING = _type(
    "invalid-setting",
    "Invalid setting",
    500,
    "The deployment's configuration names something the service cannot use. An "
    "administrator must correct the setting the detail names.",
)
EMBEDDED_NEO4J_PROBLEM = _type(
    "embedded-neo4j-problem",
    "Embedded Neo4j problem",
    500,
    "The local embedded Neo4j could not be built, started, stopped, backed up or restored.",
)
PROVIDER_UNAVAILABLE = _type(
    "provider-unavailable",
    "Sign-in provider unavailable",
    502,
    "The district's sign-in provider did not answer, or did not answer as OpenID Connect "
    "requires. Try again later, or sign in another way.",
)
GRAPH_UNAVAILABLE = _type(
    "graph-unavailable",
    "Graph database unavailable",
    503,
    "The Neo4j database cannot be reached (or is being restored). Nothing was written; "
    "try again. `/readyz` says when the service is ready.",
)

# The type of an answer that only has a status (the framework's own refusals).
_BY_STATUS = {
    t.status: t
    for t in (
        BAD_REQUEST, SIGN_IN_NEEDED, FORBIDDEN, NOT_FOUND, METHOD_NOT_ALLOWED, NOT_ACCEPTABLE,
        CONFLICT, REQUEST_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, INVALID_INPUT, TOO_MANY_REQUESTS,
        INTERNAL_ERROR, PROVIDER_UNAVAILABLE, GRAPH_UNAVAILABLE,
    )
}  # fmt: skip


def for_status(status: int) -> ProblemType:
    """Return the general type of a status, or one named after it if the catalogue has none.

    >>> for_status(404).title, for_status(418).uri
    ('Not found', '/problems/http-418')
    """
    if status in _BY_STATUS:
        return _BY_STATUS[status]
    phrase = HTTPStatus(status).phrase
    return ProblemType(f"http-{status}", phrase, status, f"The HTTP status {status} {phrase}.")


def named(name: str) -> ProblemType | None:
    """Return the type of a name in the catalogue (or an `http-<status>` one), or None."""
    if name in CATALOGUE:
        return CATALOGUE[name]
    status = name.removeprefix("http-")
    if name.startswith("http-") and status.isdigit() and int(status) in _KNOWN_STATUSES:
        return for_status(int(status))
    return None


_KNOWN_STATUSES = frozenset(s.value for s in HTTPStatus if s.value >= 400)
