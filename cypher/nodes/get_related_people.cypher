// Purpose: the adults and experts with an active relationship (either direction, any
//          type) to any of some people: whom a learner, guardian or expert may read. An
//          expert's connection counts only while active (no connection_status: active).
// Parameters: $people (list of uids: the caller, and a guardian's children), $today.
// Returns: uid (one row per adult or expert). Read.
UNWIND $people AS person_uid
MATCH (p:Entity {uid: person_uid})-[r]-(m:Entity)
WHERE m.node_kind IN ['adult', 'expert']
  AND (r.until IS NULL OR r.until > $today)
  AND coalesce(r.connection_status, 'active') = 'active'
RETURN DISTINCT m.uid AS uid
