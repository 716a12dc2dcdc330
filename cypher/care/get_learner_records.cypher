// Purpose: what the care team has on record about one learner, the parts asked for in
//          one query (the timeline and the brief read several in one round trip; each
//          list endpoint reads its own part); a part not asked for is an empty list.
//          - relationships: every relationship of the learner, ended ones included (its
//            history), with the node at the other end, in uid order;
//          - interactions: one page of the learner's interactions, newest first (at,
//            then uid, descending), each with every learner its interaction touched and
//            the author's name;
//          - interventions: the learner's interventions, optionally of one status and
//            (for a caller who reads only their own) of one owner, open ones first, then
//            newest start first;
//          - notes: one page of the notes the caller may read, newest first (created_at,
//            then uid, descending): their own, and those whose visibility is one the
//            caller's place around the learner opens (lrm_graph/care/notes.py).
// Parameters: $learner_uid, $parts (list of the part names above); relationships:
//             $relationships_limit; interactions and notes (the same window): $since,
//             $until (datetimes bounding `at` / created_at, or null), $before_at,
//             $before_uid (the last row of the previous page, or null), $limit;
//             interventions: $status ('open', 'closed' or null), $owner_uid (or null for
//             every owner), $interventions_limit; notes: $author_uid (the caller),
//             $visibilities (list).
// Returns: one row: relationships (maps: uid, type, outgoing (the learner is the start),
//          since, until, last_interaction_at, connection_status ('active' when none),
//          other (map: uid, node_kind, name, title, archived_at)), interactions (maps: i
//          (the Interaction node), author_name, learner_uids), interventions (maps: v
//          (the Intervention), owner_name), notes (maps: n (the Note), author_name). Read.
RETURN
  COLLECT {
    MATCH (l:Entity {uid: $learner_uid})-[r]-(m:Entity)
    WHERE 'relationships' IN $parts AND l.node_kind = 'learner'
    WITH r, l, m
    ORDER BY r.uid
    LIMIT $relationships_limit
    RETURN {uid: r.uid, type: type(r), outgoing: startNode(r) = l, since: r.since,
            until: r.until, last_interaction_at: r.last_interaction_at,
            connection_status: coalesce(r.connection_status, 'active'),
            other: m {.uid, .node_kind, .name, .title, .archived_at}}
    ORDER BY r.uid
  } AS relationships,
  COLLECT {
    MATCH (i:Interaction {learner_uid: $learner_uid})
    WHERE 'interactions' IN $parts
      AND ($since IS NULL OR i.at >= $since) AND ($until IS NULL OR i.at < $until)
      AND ($before_at IS NULL OR i.at < $before_at OR (i.at = $before_at AND i.uid < $before_uid))
    WITH i
    ORDER BY i.at DESC, i.uid DESC
    LIMIT $limit
    OPTIONAL MATCH (a:Entity {uid: i.author_uid})
    RETURN {i: i, author_name: a.name,
            learner_uids: COLLECT { MATCH (s:Interaction {interaction_uid: i.interaction_uid})
                                    RETURN s.learner_uid ORDER BY s.learner_uid }}
    ORDER BY i.at DESC, i.uid DESC
  } AS interactions,
  COLLECT {
    MATCH (v:Intervention {learner_uid: $learner_uid})
    WHERE 'interventions' IN $parts
      AND ($status IS NULL OR v.status = $status)
      AND ($owner_uid IS NULL OR v.owner_uid = $owner_uid)
    WITH v
    ORDER BY v.status DESC, v.start DESC, v.uid
    LIMIT $interventions_limit
    OPTIONAL MATCH (o:Entity {uid: v.owner_uid})
    RETURN {v: v, owner_name: o.name}
    ORDER BY v.status DESC, v.start DESC, v.uid
  } AS interventions,
  COLLECT {
    MATCH (n:Note {learner_uid: $learner_uid})
    WHERE 'notes' IN $parts
      AND (n.author_uid = $author_uid OR n.visibility IN $visibilities)
      AND ($since IS NULL OR n.created_at >= $since) AND ($until IS NULL OR n.created_at < $until)
      AND ($before_at IS NULL OR n.created_at < $before_at
           OR (n.created_at = $before_at AND n.uid < $before_uid))
    WITH n
    ORDER BY n.created_at DESC, n.uid DESC
    LIMIT $limit
    OPTIONAL MATCH (a:Entity {uid: n.author_uid})
    RETURN {n: n, author_name: a.name}
    ORDER BY n.created_at DESC, n.uid DESC
  } AS notes
