// Purpose: one hop of a learner's network: the active relationships of the nodes in
//          $frontier and the not-archived nodes at their far ends, and, for each group met
//          (a node of $hub_kinds not counted before), its members (fragment members) and
//          the caller's own active ties to it. Called once per hop (a bounded frontier
//          expansion); the caller never puts a hub in $frontier, so a school's 2,000
//          enrolled are counted, never listed.
// Fragments: members (cypher/fragments/members.cypher).
// Parameters: $frontier (uids to expand from), $expanded (uids expanded at earlier hops:
//             their relationships are in the answer already, so they are skipped),
//             $today (date), $limit (rows at most; LIMIT without ORDER BY lets the
//             database stop early at a big node), $hub_kinds (node kinds that are groups),
//             $counted (groups counted at earlier hops), $caller_uid (the caller's own
//             node, or null), $count_up_to (the most members counted of one group).
// Returns: one row (none when nothing was met): rows (list of maps: rel (uid, since, until, strength, source, role,
//          last_interaction_at), type, from_uid, to_uid, node (uid, node_kind, name, kind
//          of the far end)); a relationship between two frontier nodes comes once from
//          each end), groups (list of maps: uid, members, caller_ties (list of maps: uid,
//          type, role)). Read.
OPTIONAL MATCH (me:Entity {uid: $caller_uid})
CALL (me) {
  UNWIND $frontier AS frontier_uid
  MATCH (n:Entity {uid: frontier_uid})-[r]-(m:Entity)
  WHERE (r.until IS NULL OR r.until > $today)
    AND m.archived_at IS NULL
    AND NOT m.uid IN $expanded
  RETURN r, m
  LIMIT $limit
}
WITH me,
     collect({rel: r {.uid, .since, .until, .strength, .source, .role, .last_interaction_at},
              type: type(r), from_uid: startNode(r).uid, to_uid: endNode(r).uid,
              node: m {.uid, .node_kind, .name, .kind}}) AS rows,
     collect(DISTINCT m) AS met
RETURN rows,
       [g IN met WHERE g.node_kind IN $hub_kinds AND NOT g.uid IN $counted |
         {uid: g.uid, members: {{members(g, $today, $count_up_to)}},
          caller_ties: [(g)-[t]-(me) WHERE t.until IS NULL OR t.until > $today |
                        t {.uid, type: type(t), .role}]}] AS groups
