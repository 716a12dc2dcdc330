// Purpose: move one join request on (approved, declined, withdrawn), only from the
//          statuses given, so that two people acting at once cannot both decide it.
// Parameters: $uid, $statuses (the statuses it may move from), $props (map: status,
//             reason, decided_by, decided_at, relationship_uid, ...), $now (datetime).
// Returns: uid (no row when the request is not in one of the $statuses). Write.
MATCH (r:JoinRequest {uid: $uid})
// Lock the request first, then read its status: a decision taken meanwhile is seen.
SET r.updated_at = $now
WITH r
WHERE r.status IN $statuses
SET r += $props
RETURN r.uid AS uid
