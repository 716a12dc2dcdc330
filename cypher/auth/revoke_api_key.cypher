// Purpose: revoke one API key; it stops working on the very next request.
// Parameters: $uid, $now. Returns: uid, revoked_at. Write.
MATCH (k:ApiKey {uid: $uid})
SET k.revoked_at = coalesce(k.revoked_at, $now)
RETURN k.uid AS uid, k.revoked_at AS revoked_at
