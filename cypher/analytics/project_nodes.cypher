// Purpose: the nodes of the analytics projection: every live (not archived) node of the
//          kinds the analyses look at, with only the properties they use. Organizations
//          are left out: they only filter learners (see select_learners).
// Parameters: $kinds (list of NodeKind values). Streamed by lrm_graph analytics.
// Returns: uid, node_kind, name, grade_level, roles, caseload_capacity, screening_status,
//          screening_expires_on, kind, open (null where a kind has no such field). Read.
MATCH (n:Entity)
WHERE n.node_kind IN $kinds AND n.archived_at IS NULL
RETURN n.uid AS uid, n.node_kind AS node_kind, n.name AS name,
       n.grade_level AS grade_level, n.roles AS roles,
       n.caseload_capacity AS caseload_capacity,
       n.screening_status AS screening_status,
       n.screening_expires_on AS screening_expires_on,
       n.kind AS kind, n.open AS open
