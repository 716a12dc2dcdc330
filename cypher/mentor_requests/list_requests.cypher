// Purpose: mentor requests with the learner's name and the goal's title: a learner's own
//          (newest first), or those of the learners a caller sees (in uid order, which is
//          the order they were made in), maybe only of learners actively ENROLLED_AT one
//          organization (or a school PART_OF it).
// Parameters: $learner_uid (or null), $visible (learner uids, or null for all),
//             $organization (or null), $status (or null), $after (last uid of the
//             previous page, or ''), $limit, $today (date).
// Returns: request (map), learner_name, goal_title. Read.
MATCH (r:MentorRequest)
WHERE r.uid > $after
  AND ($learner_uid IS NULL OR r.learner_uid = $learner_uid)
  AND ($visible IS NULL OR r.learner_uid IN $visible)
  AND ($status IS NULL OR r.status = $status)
OPTIONAL MATCH (l:Entity {uid: r.learner_uid})
WITH r, l
WHERE $organization IS NULL OR EXISTS {
  (l)-[e:ENROLLED_AT]->(s:Organization)
  WHERE (e.until IS NULL OR e.until > $today)
    AND (s.uid = $organization OR EXISTS {
      (s)-[p:PART_OF]->(:Organization {uid: $organization})
      WHERE p.until IS NULL OR p.until > $today })
}
OPTIONAL MATCH (g:Entity {uid: r.goal_uid})
RETURN r AS request, l.name AS learner_name, g.title AS goal_title
ORDER BY CASE WHEN $learner_uid IS NULL THEN '' ELSE r.created_at END DESC, r.uid
LIMIT $limit
