"""Password hashing (argon2) and the opaque bearer secrets of tokens and API keys."""

from __future__ import annotations

import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
# Checked against when an account does not exist, so that a wrong email and a wrong
# password take the same time and cannot be told apart.
_DUMMY_HASH = _hasher.hash("lrm-graph-no-such-account")

TOKEN_PREFIX = "lrm_t_"  # noqa: S105 - a public prefix, not a secret
KEY_PREFIX = "lrm_k_"


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Say whether `password` matches; always spends the time of one argon2 check."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


def new_secret(prefix: str) -> str:
    return prefix + secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    """Return the stored form of a bearer secret (high-entropy, so SHA-256 suffices)."""
    return hashlib.sha256(secret.encode()).hexdigest()
