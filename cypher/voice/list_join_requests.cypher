// Purpose: join requests, with the learner's and the community's names: a learner's own
//          (newest first), or those of some communities for the people who decide them
//          (in uid order, which is the order they were made in).
// Parameters: $learner_uid (or null), $communities (community uids, or null for all),
//             $community (one community uid, or null), $status (or null), $after (last
//             uid of the previous page, or ''), $limit.
// Returns: request (map), learner_name, community_name. Read.
MATCH (r:JoinRequest)
WHERE r.uid > $after
  AND ($learner_uid IS NULL OR r.learner_uid = $learner_uid)
  AND ($communities IS NULL OR r.community_uid IN $communities)
  AND ($community IS NULL OR r.community_uid = $community)
  AND ($status IS NULL OR r.status = $status)
OPTIONAL MATCH (l:Entity {uid: r.learner_uid})
OPTIONAL MATCH (c:Entity {uid: r.community_uid})
RETURN r AS request, l.name AS learner_name, c.name AS community_name
ORDER BY CASE WHEN $learner_uid IS NULL THEN '' ELSE r.created_at END DESC, r.uid
LIMIT $limit
