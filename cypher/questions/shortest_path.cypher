// Purpose: the shortest path between two nodes over active relationships, either
//          direction, through no archived node and, unless $through_hubs, through no hub
//          (a node of $hub_kinds with more than $hub_members members: fragment members;
//          the two ends may be one). The predicates sit inside the quantified path
//          pattern, so the search applies them as it goes (shortestPath with a hub
//          predicate fell back to enumerating every path: seconds per question). The bound is the
//          largest max_hops the API allows (a pattern length cannot be a parameter); the
//          caller's $max_hops is applied to the length found.
// Fragments: members (cypher/fragments/members.cypher).
// Parameters: $from_uid, $to_uid (two different uids), $today (date), $max_hops (1..6),
//             $through_hubs (bool), $hub_kinds (node kinds that are groups), $hub_members
//             (the most members a group walked through may have).
// Returns: nodes (list of maps: uid, node_kind, name, in path order), relationships
//          (list of maps: uid, type, from_uid, to_uid, since, strength, in path order);
//          no row when there is no such path within $max_hops. Read.
MATCH (a:Entity {uid: $from_uid})
MATCH (b:Entity {uid: $to_uid})
MATCH p = SHORTEST 1 (a)(()-[r]-(n:Entity)
            WHERE (r.until IS NULL OR r.until > $today) AND n.archived_at IS NULL
              AND ($through_hubs OR n.uid = $to_uid OR NOT n.node_kind IN $hub_kinds
                   OR {{members(n, $today)}} <= $hub_members)){1,6}(b)
WITH p
WHERE length(p) <= $max_hops
RETURN [n IN nodes(p) | n {.uid, .node_kind, .name}] AS nodes,
       [r IN relationships(p) | r {.uid, type: type(r), from_uid: startNode(r).uid,
                                   to_uid: endNode(r).uid, .since, .strength}] AS relationships
