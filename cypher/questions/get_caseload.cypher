// Purpose: an adult's caseload: the not-archived learners the adult has an active
//          caseload relationship with, sorted by name. The types in the pattern are
//          vocabulary.CASELOAD_TYPES, written out so the planner expands only those
//          (a test checks the two agree).
// Parameters: $uid (the adult), $node_kind ('adult'), $today (date).
// Returns: adult (map: uid, node_kind, name, roles, caseload_capacity), learners (list
//          of maps: uid, name, grade_level, relationships (list of maps: uid, type,
//          since, strength, last_interaction_at))); no row for an unknown adult. Read.
MATCH (a:Entity {uid: $uid})
WHERE a.node_kind = $node_kind
OPTIONAL MATCH (a)-[r:MENTORS|ADVISES|COACHES|COUNSELS]->(l:Learner)
WHERE (r.until IS NULL OR r.until > $today) AND l.archived_at IS NULL
WITH a, l, collect(r {.uid, type: type(r), .since, .strength, .last_interaction_at}) AS rels
ORDER BY l.name, l.uid
RETURN a {.uid, .node_kind, .name, .roles, .caseload_capacity} AS adult,
       collect(l {.uid, .name, .grade_level, relationships: rels}) AS learners
