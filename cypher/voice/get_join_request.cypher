// Purpose: one join request, with the learner's and the community's names.
// Parameters: $uid. Returns: request (map), learner_name, community_name (no row when
//             there is none). Read.
MATCH (r:JoinRequest {uid: $uid})
OPTIONAL MATCH (l:Entity {uid: r.learner_uid})
OPTIONAL MATCH (c:Entity {uid: r.community_uid})
RETURN r AS request, l.name AS learner_name, c.name AS community_name
