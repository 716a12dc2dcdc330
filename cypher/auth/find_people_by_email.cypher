// Purpose: the learners and adults the roster gives this email, for an account made from
//          the roster: each with their kind, their roles, whether archived, and the
//          organizations they actively work or are enrolled at. Matched without regard
//          to case; Neo4j 5 has no index on an expression, and this runs once a sign-in.
// Parameters: $email (lower-cased), $today (date).
// Returns: uid, node_kind, roles, archived, org_uids. Read.
MATCH (p:Learner|Adult)
WHERE toLower(p.email) = $email
OPTIONAL MATCH (p)-[w:WORKS_AT|ENROLLED_AT]->(o:Organization)
WHERE w.until IS NULL OR w.until > $today
WITH p, [uid IN collect(DISTINCT o.uid) WHERE uid IS NOT NULL] AS org_uids
RETURN p.uid AS uid, p.node_kind AS node_kind, coalesce(p.roles, []) AS roles,
       p.archived_at IS NOT NULL AS archived, org_uids
ORDER BY uid
