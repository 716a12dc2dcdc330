// Purpose: close an open intervention with its outcome ("closing the loop"); only from
//          open, so that two people closing it at once cannot both succeed.
// Parameters: $uid, $outcome, $closed_by, $now (datetime).
// Returns: v (no row when the intervention is not open). Write.
MATCH (v:Intervention {uid: $uid})
// Lock the node first, then read its status: a close made meanwhile is seen.
SET v.updated_at = $now
WITH v
WHERE v.status = 'open'
SET v.status = 'closed', v.outcome = $outcome, v.closed_at = $now, v.closed_by = $closed_by
RETURN v
