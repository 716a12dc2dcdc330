// Purpose: record a check-in on an open intervention now (a later one already on record
//          is kept).
// Parameters: $uid, $now (datetime).
// Returns: v (no row when the intervention is gone or closed). Write.
MATCH (v:Intervention {uid: $uid})
WHERE v.status = 'open'
SET v.last_check_in_at = CASE WHEN coalesce(v.last_check_in_at >= $now, false)
                              THEN v.last_check_in_at ELSE $now END,
    v.check_ins = coalesce(v.check_ins, 0) + 1,
    v.updated_at = $now
RETURN v
