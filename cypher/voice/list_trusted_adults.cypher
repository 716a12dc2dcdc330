// Purpose: the adults and experts a learner actively TRUSTS, in their own voice, by name.
// Parameters: $learner_uid, $today (date).
// Returns: uid, name, node_kind, relationship_uid, since, source. Read.
MATCH (l:Entity {uid: $learner_uid})-[r:TRUSTS]->(a:Entity)
WHERE r.until IS NULL OR r.until > $today
RETURN a.uid AS uid, a.name AS name, a.node_kind AS node_kind, r.uid AS relationship_uid,
       r.since AS since, r.source AS source
ORDER BY a.name, a.uid
