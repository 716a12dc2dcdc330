// Purpose: a learner's request to join a closed community, unless one of theirs for it
//          is pending already. The learner is written first, so two requests at once
//          queue on its lock and the second finds the first.
// Parameters: $learner_uid, $community_uid, $uid (the new request's), $now (datetime).
// Returns: uid (null when one is pending), existing (that one's uid). No row when the
//          learner or the community is missing. Write.
MATCH (l:Entity {uid: $learner_uid})
WHERE l:Learner
MATCH (c:Entity {uid: $community_uid})
WHERE c:Community
SET l.updated_at = $now
WITH l, c
OPTIONAL MATCH (x:JoinRequest {learner_uid: $learner_uid})
WHERE x.community_uid = $community_uid AND x.status = 'pending'
WITH l, c, head(collect(x.uid)) AS existing
OPTIONAL CALL (l, c, existing) {
  WITH l, c WHERE existing IS NULL
  CREATE (r:JoinRequest {uid: $uid})
  SET r.learner_uid = l.uid, r.community_uid = c.uid, r.status = 'pending',
      r.created_at = $now
  RETURN r
}
RETURN r.uid AS uid, existing
