// Purpose: one hop of a learner's network: the active relationships of the nodes in
//          $frontier and the not-archived nodes at their far ends. Called once per hop
//          (a bounded frontier expansion): a `*1..3` pattern would walk every path
//          through every class section, while this walks each node once.
// Parameters: $frontier (uids to expand from), $expanded (uids expanded at earlier hops:
//             their relationships are in the answer already, so they are skipped),
//             $today (date), $limit (rows at most; LIMIT without ORDER BY lets the
//             database stop early at a hub such as a school with 2,000 enrolled).
// Returns: rel (map), type, from_uid, to_uid, node (map: uid, node_kind, name of the far
//          end); a relationship between two frontier nodes comes once from each end. Read.
UNWIND $frontier AS frontier_uid
MATCH (n:Entity {uid: frontier_uid})-[r]-(m:Entity)
WHERE (r.until IS NULL OR r.until > $today)
  AND m.archived_at IS NULL
  AND NOT m.uid IN $expanded
RETURN r {.uid, .since, .until, .strength, .source, .role, .last_interaction_at} AS rel,
       type(r) AS type, startNode(r).uid AS from_uid, endNode(r).uid AS to_uid,
       m {.uid, .node_kind, .name} AS node
LIMIT $limit
