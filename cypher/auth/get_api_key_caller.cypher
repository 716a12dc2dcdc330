// Purpose: the live (not revoked) API key with this digest.
// Parameters: $key_hash. Returns: k. Read.
MATCH (k:ApiKey {key_hash: $key_hash})
WHERE k.revoked_at IS NULL
RETURN k
