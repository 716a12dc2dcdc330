// Purpose: change what an intervention is, its cadence or its owner.
// Parameters: $uid, $props (map: what, cadence_days, owner_uid; those given),
//             $now (datetime).
// Returns: v (the Intervention; no row when it is gone). Write.
MATCH (v:Intervention {uid: $uid})
SET v += $props, v.updated_at = $now
RETURN v
