// Purpose: the account behind a live token: not expired, not revoked, account enabled,
//          and its person (if it has one) still in the graph and not archived: a person a
//          roster import removes, or an erasure deletes, loses access on the next request.
// Parameters: $token_hash, $now. Returns: a (the account), expires_at (the token's). Read.
MATCH (t:AccessToken {token_hash: $token_hash})
WHERE t.revoked_at IS NULL AND t.expires_at > $now
MATCH (a:Account {uid: t.account_uid})
WHERE NOT a.disabled
  AND (a.person_uid IS NULL
    OR EXISTS { MATCH (p:Entity {uid: a.person_uid}) WHERE p.archived_at IS NULL })
RETURN a, t.expires_at AS expires_at
