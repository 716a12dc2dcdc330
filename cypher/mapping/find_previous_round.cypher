// Purpose: the closed mapping round of an organization opened last before a given round
//          (the one a round is compared with by default).
// Parameters: $organization_uid, $uid (the round compared), $before (its opened_at).
// Returns: uid (at most one row). Read.
MATCH (r:MappingRound {organization_uid: $organization_uid, status: 'closed'})
WHERE r.uid <> $uid AND r.opened_at < $before
RETURN r.uid AS uid
ORDER BY r.opened_at DESC
LIMIT 1
