// Purpose: one hop of a learner's network: the active relationships of the nodes in
//          $frontier and the not-archived nodes at their far ends, and, for each group met
//          (a node of $hub_kinds not counted before), its members counted up to
//          $hub_limit (fragment members: exact up to the hub bound, one more for a hub)
//          and the caller's own active ties to it; a hub's full count only for those not
//          in $known (counted lately: lrm_graph.records.network keeps them for seconds)
//          and with more ties than the bound (degree store: no more ties, no more
//          members). Called once per hop (a bounded frontier expansion); the first hop
//          also reads the learner ($start_uid). The caller never puts a hub in
//          $frontier, so a school's 2,000 enrolled are never listed, and counted in
//          full at most once while the count is kept.
// Fragments: members (cypher/fragments/members.cypher).
// Parameters: $start_uid (the learner, on the first hop; null after), $frontier (uids to
//             expand from), $expanded (uids expanded at earlier hops: their relationships
//             are in the answer already, so they are skipped), $today (date), $limit
//             (rows at most; LIMIT without ORDER BY lets the database stop early at a big
//             node), $hub_kinds (node kinds that are groups), $counted (groups counted at
//             earlier hops), $caller_uid (the caller's own node, or null), $hub_members
//             (the most members a group walked through may have), $hub_limit
//             ($hub_members + 1), $known (hubs whose full count the caller holds),
//             $count_up_to (the most members counted of one hub).
// Returns: one row: start (map: uid, node_kind, name of $start_uid, or null), rows (list
//          of maps: rel (uid, since, until, strength, source, role,
//          last_interaction_at), type, from_uid, to_uid, node (uid, node_kind, name, kind
//          of the far end)); a relationship between two frontier nodes comes once from
//          each end), groups (list of maps: uid, members (up to $hub_limit),
//          caller_ties (list of maps: uid, type, role)), hub_counts (list of maps: uid,
//          members (the full count)). Read.
OPTIONAL MATCH (start:Entity {uid: $start_uid})
OPTIONAL MATCH (me:Entity {uid: $caller_uid})
OPTIONAL CALL (me) {
  UNWIND $frontier AS frontier_uid
  MATCH (n:Entity {uid: frontier_uid})-[r]-(m:Entity)
  WHERE (r.until IS NULL OR r.until > $today)
    AND m.archived_at IS NULL
    AND NOT m.uid IN $expanded
  RETURN r, m
  LIMIT $limit
}
WITH start, me,
     collect(CASE WHEN r IS NOT NULL THEN
       {rel: r {.uid, .since, .until, .strength, .source, .role, .last_interaction_at},
        type: type(r), from_uid: startNode(r).uid, to_uid: endNode(r).uid,
        node: m {.uid, .node_kind, .name, .kind}} END) AS rows,
     collect(DISTINCT m) AS met
WITH start, me, rows,
     [g IN met WHERE g.node_kind IN $hub_kinds AND NOT g.uid IN $counted] AS groups
RETURN start {.uid, .node_kind, .name} AS start,
       rows,
       [g IN groups |
         {uid: g.uid, members: {{members(g, $today, $hub_limit)}},
          caller_ties: [(g)-[t]-(me) WHERE t.until IS NULL OR t.until > $today |
                        t {.uid, type: type(t), .role}]}] AS groups,
       [g IN groups WHERE NOT g.uid IN $known AND COUNT { (g)--() } > $hub_members |
         {uid: g.uid, members: {{members(g, $today, $count_up_to)}}}] AS hub_counts
