// Purpose: every relationship of a learner, ended ones included (its history), with the
//          node at the other end: what the timeline tells and the brief's at-risk list
//          reads.
// Parameters: $learner_uid, $limit.
// Returns: uid, type, outgoing (the learner is the start), since, until,
//          last_interaction_at, connection_status ('active' when none), other (map: uid,
//          node_kind, name, title, archived_at), in uid order. Read.
MATCH (l:Entity {uid: $learner_uid})-[r]-(m:Entity)
WHERE l.node_kind = 'learner'
RETURN r.uid AS uid, type(r) AS type, startNode(r) = l AS outgoing, r.since AS since,
       r.until AS until, r.last_interaction_at AS last_interaction_at,
       coalesce(r.connection_status, 'active') AS connection_status,
       m {.uid, .node_kind, .name, .title, .archived_at} AS other
ORDER BY uid
LIMIT $limit
