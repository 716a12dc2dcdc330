// Purpose: the people the read benchmark draws its samples from: learners, and adults with
//          a caseload (an active MENTORS, ADVISES, COACHES or COUNSELS towards a learner).
// Parameters: none.
// Returns: kind ('learner' or 'caseload_adult'), uids (list). Read (label scans, once).
MATCH (l:Learner)
WHERE l.archived_at IS NULL
RETURN 'learner' AS kind, collect(l.uid) AS uids
UNION ALL
MATCH (a:Adult)
WHERE a.archived_at IS NULL
  AND EXISTS { (a)-[r:MENTORS|ADVISES|COACHES|COUNSELS]->(:Learner) WHERE r.until IS NULL }
RETURN 'caseload_adult' AS kind, collect(a.uid) AS uids
