// Purpose: store a new API key (only its digest) with its scopes and organization.
// Parameters: $uid, $key_hash, $name, $scopes (list), $org_uid, $now. Returns: k. Write.
CREATE (k:ApiKey {uid: $uid, key_hash: $key_hash})
SET k.name = $name, k.scopes = $scopes, k.org_uid = $org_uid, k.created_at = $now
RETURN k
