// Purpose: one page of expert-learner connections (an expert's MENTORS or COACHES
//          relationships to learners, revoked and ended ones included), in uid order, of
//          the learners the caller may see. A relationship without connection_status
//          (loaded before connections existed) counts as active, as in the access query.
// Parameters: $visible (list of learner uids the caller may see, or null for all),
//             $learner, $expert (uids or null), $status (a connection status or null),
//             $after (last uid of the previous page, or ''), $limit.
// Returns: r, type, expert (map: uid, name, screening_status, screening_expires_on),
//          learner_uid, learner_birth_date. Read.
MATCH (e:Expert)-[r:MENTORS|COACHES]->(l:Learner)
WHERE r.uid > $after
  AND ($visible IS NULL OR l.uid IN $visible)
  AND ($learner IS NULL OR l.uid = $learner)
  AND ($expert IS NULL OR e.uid = $expert)
  AND ($status IS NULL OR coalesce(r.connection_status, 'active') = $status)
RETURN r, type(r) AS type,
       e {.uid, .name, .screening_status, .screening_expires_on} AS expert,
       l.uid AS learner_uid, l.birth_date AS learner_birth_date
ORDER BY r.uid
LIMIT $limit
