// Purpose: a learner's interventions, optionally of one status and (for a caller who
//          reads only their own) of one owner, open ones first, then newest start first.
// Parameters: $learner_uid, $status ('open', 'closed' or null), $owner_uid (or null for
//             every owner), $limit.
// Returns: v (the Intervention), owner_name. Read.
MATCH (v:Intervention {learner_uid: $learner_uid})
WHERE ($status IS NULL OR v.status = $status)
  AND ($owner_uid IS NULL OR v.owner_uid = $owner_uid)
OPTIONAL MATCH (o:Entity {uid: v.owner_uid})
RETURN v, o.name AS owner_name
ORDER BY v.status DESC, v.start DESC, v.uid
LIMIT $limit
