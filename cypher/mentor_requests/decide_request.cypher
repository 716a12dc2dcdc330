// Purpose: move one mentor request on (assigned, declined, withdrawn), only from the
//          statuses given, so that two people acting at once cannot both decide it.
// Parameters: $uid, $statuses (the statuses it may move from), $props (map: status,
//             reason, adult_uid, relationship_uid, decided_by, decided_at), $now.
// Returns: uid (no row when the request is not in one of the $statuses). Write.
MATCH (r:MentorRequest {uid: $uid})
// Lock the request first, then read its status: a decision taken meanwhile is seen.
SET r.updated_at = $now
WITH r
WHERE r.status IN $statuses
SET r += $props
RETURN r.uid AS uid
