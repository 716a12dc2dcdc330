// Purpose: the organizations each of some learners is actively enrolled at (a report's
//          counts per school and grade).
// Parameters: $learner_uids (list of Learner uids), $today (date).
// Returns: learner_uid, school_uid, school_name; one row per active enrolment. Read.
UNWIND $learner_uids AS uid
MATCH (l:Learner {uid: uid})-[e:ENROLLED_AT]->(o:Organization)
WHERE (e.until IS NULL OR e.until > $today) AND o.archived_at IS NULL
RETURN uid AS learner_uid, o.uid AS school_uid, o.name AS school_name
