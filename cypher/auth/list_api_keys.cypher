// Purpose: every API key, newest first, for `lrm keys list` (no digests leave).
// Parameters: none. Returns: uid, name, scopes, org_uid, created_at, revoked_at. Read.
MATCH (k:ApiKey)
RETURN k.uid AS uid, k.name AS name, k.scopes AS scopes, k.org_uid AS org_uid,
       k.created_at AS created_at, k.revoked_at AS revoked_at
ORDER BY k.created_at DESC
