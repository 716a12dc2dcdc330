// Purpose: a learner's request for a mentor, unless one of theirs is open already. The
//          learner is written first, so two requests at once queue on its lock and the
//          second finds the first.
// Parameters: $learner_uid, $uid (the new request's), $props (map: hope, goal_uid,
//             interest), $now (datetime).
// Returns: uid (null when one is open), existing (that one's uid). No row when the
//          learner is missing. Write.
MATCH (l:Entity {uid: $learner_uid})
WHERE l:Learner
SET l.updated_at = $now
WITH l
OPTIONAL MATCH (x:MentorRequest {learner_uid: $learner_uid})
WHERE x.status = 'open'
WITH l, head(collect(x.uid)) AS existing
OPTIONAL CALL (l, existing) {
  WITH l WHERE existing IS NULL
  CREATE (r:MentorRequest {uid: $uid})
  SET r += $props, r.learner_uid = l.uid, r.status = 'open', r.created_at = $now
  RETURN r
}
RETURN r.uid AS uid, existing
