// Purpose: an adult's (or expert's) caseload capacity and current caseload: the distinct
//          learners they MENTORS/ADVISES/COACHES/COUNSELS actively. Checked before a
//          suggested match is accepted.
// Parameters: $uid (the adult's uid), $today (date).
// Returns: node_kind, capacity (null when none is set), caseload (no row when no such
//          node). Read.
MATCH (a:Entity {uid: $uid})
OPTIONAL MATCH (a)-[r:MENTORS|ADVISES|COACHES|COUNSELS]->(l:Learner)
WHERE r.until IS NULL OR r.until > $today
RETURN a.node_kind AS node_kind, a.caseload_capacity AS capacity,
       count(DISTINCT l) AS caseload
