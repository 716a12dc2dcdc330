// Purpose: the account behind a live token: not expired, not revoked, account enabled.
// Parameters: $token_hash, $now. Returns: a (the account). Read.
MATCH (t:AccessToken {token_hash: $token_hash})
WHERE t.revoked_at IS NULL AND t.expires_at > $now
MATCH (a:Account {uid: t.account_uid})
WHERE NOT a.disabled
RETURN a
