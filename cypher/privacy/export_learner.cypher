// Purpose: everything kept about one learner, for an inspection request: the node, every
//          relationship either way (ended ones too: their history) with the other end,
//          the goals they pursue, their interests and their sign-in accounts (no secrets).
//          Another learner at the other end is named by uid only: their data is theirs.
// Parameters: $uid. Returns: l, relationships (list of maps: r, type, outgoing,
//             other_uid, other_kind, other_name), goals, interests, accounts (no row
//             when there is no such learner). Read.
MATCH (l:Entity {uid: $uid})
WHERE l.node_kind = 'learner'
CALL (l) {
  OPTIONAL MATCH (l)-[r]-(other:Entity)
  RETURN collect(CASE WHEN r IS NULL THEN null ELSE {
    r: r, type: type(r), outgoing: startNode(r) = l, other_uid: other.uid,
    other_kind: other.node_kind,
    other_name: CASE WHEN other.node_kind = 'learner' THEN null ELSE other.name END
  } END) AS relationships
}
CALL (l) {
  OPTIONAL MATCH (l)-[:PURSUES]->(g:Goal)
  RETURN collect(DISTINCT g) AS goals
}
CALL (l) {
  OPTIONAL MATCH (l)-[:INTERESTED_IN]->(i:Interest)
  RETURN collect(DISTINCT i) AS interests
}
CALL (l) {
  OPTIONAL MATCH (a:Account {person_uid: l.uid})
  RETURN collect(a {.uid, .email, .role, .created_at, .disabled}) AS accounts
}
RETURN l, relationships, goals, interests, accounts
