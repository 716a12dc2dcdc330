// Purpose: the schools of the benchmark's district, the most learners first: the scopes
//          the analytics are timed in, one school at a time.
// Parameters: $count (how many schools at most).
// Returns: uid, name, learners (active enrollments). Read.
MATCH (o:Organization {kind: 'school'})<-[r:ENROLLED_AT]-(:Learner)
WHERE r.until IS NULL
RETURN o.uid AS uid, o.name AS name, count(r) AS learners
ORDER BY learners DESC, uid
LIMIT $count
