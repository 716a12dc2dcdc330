// Purpose: the learners actively enrolled at an organization on a day (a round's roster),
//          each with the adults and experts who MENTORS them on that day (the assigned
//          mentors; an expert's only as an active connection). Archived learners are left
//          out; a missing `since` counts as always.
// Parameters: $organization_uid, $on (date), $visible (learner uids, or null for all),
//             $only (learner uids to look at, or null for all), $grade (or null).
// Returns: learner_uid, learner_name, grade_level, directory_opt_out (bool), mentors
//          (list of maps: adult_uid, adult_name), in grade then name order. Read.
MATCH (l:Learner)-[e:ENROLLED_AT]->(:Organization {uid: $organization_uid})
WHERE l.archived_at IS NULL
  AND (e.since IS NULL OR e.since <= $on) AND (e.until IS NULL OR e.until > $on)
  AND ($visible IS NULL OR l.uid IN $visible)
  AND ($only IS NULL OR l.uid IN $only)
  AND ($grade IS NULL OR l.grade_level = $grade)
WITH DISTINCT l
RETURN l.uid AS learner_uid, l.name AS learner_name, l.grade_level AS grade_level,
       coalesce(l.directory_opt_out, false) AS directory_opt_out,
       COLLECT {
         MATCH (a:Adult|Expert)-[m:MENTORS]->(l)
         WHERE (m.since IS NULL OR m.since <= $on) AND (m.until IS NULL OR m.until > $on)
           AND coalesce(m.connection_status, 'active') = 'active'
         RETURN DISTINCT {adult_uid: a.uid, adult_name: a.name} AS mentor
         ORDER BY mentor.adult_uid
       } AS mentors
ORDER BY grade_level, learner_name, learner_uid
