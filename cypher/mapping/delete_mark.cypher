// Purpose: take back one mark of an open mapping round (an adult's mark of a learner, or a
//          learner's naming of an adult). The round is locked first, then its status read.
// Parameters: $round_uid, $uid (the mark's derived uid), $now (datetime).
// Returns: status (the round's status), deleted (0 or 1). No row when the round does not
//          exist. Write.
MATCH (r:MappingRound {uid: $round_uid})
SET r.updated_at = $now
WITH r, r.status AS status
OPTIONAL MATCH (m:MappingMark {uid: $uid})
WHERE status = 'open' AND m.round_uid = r.uid
WITH status, collect(m) AS found
FOREACH (m IN found | DELETE m)
RETURN status, size(found) AS deleted
