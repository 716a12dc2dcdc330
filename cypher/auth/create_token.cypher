// Purpose: store a new access token (only its digest) for an account.
// Parameters: $token_hash, $account_uid, $expires_at, $now. Returns: expires_at. Write.
CREATE (t:AccessToken {token_hash: $token_hash})
SET t.account_uid = $account_uid, t.expires_at = $expires_at, t.created_at = $now
RETURN t.expires_at AS expires_at
