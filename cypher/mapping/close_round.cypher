// Purpose: close an open relationship mapping round; its marks stay as they are. The round
//          is locked first (updated_at), then its status read, so a mark made at the same
//          moment either lands before the close or is refused.
// Parameters: $uid, $closed_by (a person or account uid), $now (datetime).
// Returns: uid (no row when the round is not open). Write.
MATCH (r:MappingRound {uid: $uid})
SET r.updated_at = $now
WITH r
WHERE r.status = 'open'
SET r.status = 'closed', r.closed_at = $now, r.closed_by = $closed_by
RETURN r.uid AS uid
