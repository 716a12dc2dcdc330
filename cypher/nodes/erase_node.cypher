// Purpose: erase one node for good with its relationships, and the goals only it pursued
//          (a person's own data). The explicit erase, distinct from archiving.
// Parameters: $uid, $node_kind. Returns: erased (count of nodes removed). Write.
MATCH (n:Entity {uid: $uid})
WHERE n.node_kind = $node_kind
OPTIONAL MATCH (n)-[:PURSUES]->(g:Goal)
WHERE NOT EXISTS { (g)<-[:PURSUES]-(other) WHERE other <> n }
WITH n, collect(g) AS own_goals
WITH n, own_goals, 1 + size(own_goals) AS erased
FOREACH (g IN own_goals | DETACH DELETE g)
DETACH DELETE n
RETURN erased
