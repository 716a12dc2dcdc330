// Purpose: the communities a learner is actively a MEMBER_OF, by name.
// Parameters: $learner_uid, $today (date).
// Returns: uid, name, kind, open, role, relationship_uid, since. Read.
MATCH (l:Entity {uid: $learner_uid})-[r:MEMBER_OF]->(c:Community)
WHERE r.until IS NULL OR r.until > $today
RETURN c.uid AS uid, c.name AS name, c.kind AS kind, coalesce(c.open, true) AS open,
       coalesce(r.role, 'member') AS role, r.uid AS relationship_uid, r.since AS since
ORDER BY c.name, c.uid
