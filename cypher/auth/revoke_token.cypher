// Purpose: revoke one access token.
// Parameters: $token_hash, $now. Returns: revoked (count). Write.
MATCH (t:AccessToken {token_hash: $token_hash})
WHERE t.revoked_at IS NULL
SET t.revoked_at = $now
RETURN count(t) AS revoked
