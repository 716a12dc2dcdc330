// Purpose: the two ends of a path question, and the shortest path between them over
//          active relationships, either direction, of at most $max_hops steps, through no
//          archived node and, unless $through_hubs, through no hub (fragment path_step;
//          the end may be one). The step's predicates sit inside the quantified path
//          pattern, so the search applies them as it goes. A pattern's length cannot be
//          a parameter, so there is one branch per bound and $max_hops picks it: the
//          search never looks further than asked (bounded at 6, it explored every node
//          within 6 steps when the ends were 4 apart or not joined at all: seconds).
// Fragments: path_step (cypher/fragments/path_step.cypher), which uses members
//            (cypher/fragments/members.cypher).
// Parameters: $from_uid, $to_uid, $today (date), $max_hops (1..6), $through_hubs (bool),
//             $hub_kinds (node kinds that are groups), $hub_members (the most members a
//             group walked through may have), $hub_limit ($hub_members + 1).
// Returns: one row: ends (list of maps: uid, node_kind, name of those of the two uids
//          that exist), nodes (list of maps: uid, node_kind, name, in path order),
//          relationships (list of maps: uid, type, from_uid, to_uid, since, strength, in
//          path order); nodes and relationships are null when the ends are one node, or
//          there is no such path within $max_hops. Read.
OPTIONAL MATCH (a:Entity {uid: $from_uid})
OPTIONAL MATCH (b:Entity {uid: $to_uid})
OPTIONAL CALL (a, b) {
  WITH a, b WHERE a <> b AND $max_hops = 1
  MATCH p = SHORTEST 1 (a)(()-[r]-(n:Entity) WHERE {{path_step(r, n, $today, $to_uid, $through_hubs, $hub_kinds, $hub_members, $hub_limit)}}){1,1}(b)
  RETURN p
  UNION
  WITH a, b WHERE a <> b AND $max_hops = 2
  MATCH p = SHORTEST 1 (a)(()-[r]-(n:Entity) WHERE {{path_step(r, n, $today, $to_uid, $through_hubs, $hub_kinds, $hub_members, $hub_limit)}}){1,2}(b)
  RETURN p
  UNION
  WITH a, b WHERE a <> b AND $max_hops = 3
  MATCH p = SHORTEST 1 (a)(()-[r]-(n:Entity) WHERE {{path_step(r, n, $today, $to_uid, $through_hubs, $hub_kinds, $hub_members, $hub_limit)}}){1,3}(b)
  RETURN p
  UNION
  WITH a, b WHERE a <> b AND $max_hops = 4
  MATCH p = SHORTEST 1 (a)(()-[r]-(n:Entity) WHERE {{path_step(r, n, $today, $to_uid, $through_hubs, $hub_kinds, $hub_members, $hub_limit)}}){1,4}(b)
  RETURN p
  UNION
  WITH a, b WHERE a <> b AND $max_hops = 5
  MATCH p = SHORTEST 1 (a)(()-[r]-(n:Entity) WHERE {{path_step(r, n, $today, $to_uid, $through_hubs, $hub_kinds, $hub_members, $hub_limit)}}){1,5}(b)
  RETURN p
  UNION
  WITH a, b WHERE a <> b AND $max_hops = 6
  MATCH p = SHORTEST 1 (a)(()-[r]-(n:Entity) WHERE {{path_step(r, n, $today, $to_uid, $through_hubs, $hub_kinds, $hub_members, $hub_limit)}}){1,6}(b)
  RETURN p
}
RETURN [end IN [a, b] WHERE end IS NOT NULL | end {.uid, .node_kind, .name}] AS ends,
       [n IN nodes(p) | n {.uid, .node_kind, .name}] AS nodes,
       [r IN relationships(p) | r {.uid, type: type(r), from_uid: startNode(r).uid,
                                   to_uid: endNode(r).uid, .since, .strength}] AS relationships
