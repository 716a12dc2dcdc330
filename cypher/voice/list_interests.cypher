// Purpose: the interests a learner is actively INTERESTED_IN, by name.
// Parameters: $learner_uid, $today (date).
// Returns: uid, name, relationship_uid, since, source. Read.
MATCH (l:Entity {uid: $learner_uid})-[r:INTERESTED_IN]->(n:Interest)
WHERE r.until IS NULL OR r.until > $today
RETURN n.uid AS uid, n.name AS name, r.uid AS relationship_uid, r.since AS since,
       r.source AS source
ORDER BY toLower(n.name), n.uid
