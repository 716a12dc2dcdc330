// Purpose: one or two hops of a learner's network ($hops): the active relationships of the
//          nodes in $frontier and the not-archived nodes at their far ends, then (second
//          hop) the same from each node met that is not a hub, in the same query: a
//          network of depth 2 is one question. For each group met (a node of $hub_kinds
//          not counted before), its members counted up to $hub_limit (fragment members:
//          exact up to the hub bound, one more for a hub) and the caller's own active
//          ties to it; a hub's full count only for those not in $known (counted lately:
//          lrm_graph.records.network keeps them for seconds) and with more ties than the
//          bound (degree store: no more ties, no more members). A hub is never expanded,
//          so a school's 2,000 enrolled are never listed, and counted in full at most once
//          while the count is kept. The second hop is read only when the first kept within
//          its bounds ($limit rows, $max_nodes nodes): past them the answer stops at the
//          first hop. The first hop also reads the learner ($start_uid).
//          The second hop expands every node met that is not a hub: the caller passes
//          $hops = 2 only when it keeps every relationship of the first hop (a learner it
//          may not see would be expanded too), else reads hop by hop.
// Fragments: members (cypher/fragments/members.cypher).
// Parameters: $start_uid (the learner, on the first call; null after), $frontier (uids to
//             expand from), $expanded (uids expanded at earlier hops: their relationships
//             are in the answer already, so they are skipped), $hops (1 or 2), $today
//             (date), $limit (rows at most per hop; LIMIT without ORDER BY lets the
//             database stop early at a big node), $max_nodes (nodes the answer may hold),
//             $hub_kinds (node kinds that are groups), $counted (groups counted at earlier
//             hops), $caller_uid (the caller's own node, or null), $hub_members (the most
//             members a group walked through may have), $hub_limit ($hub_members + 1),
//             $known (hubs whose full count the caller holds), $count_up_to (the most
//             members counted of one hub).
// Returns: one row: start (map: uid, node_kind, name of $start_uid, or null), hops (a list
//          of $hops maps, one per hop: rows (list of maps: rel (uid, since, until,
//          strength, source, role, last_interaction_at), type, from_uid, to_uid, node
//          (uid, node_kind, name, kind of the far end)); a relationship between two
//          frontier nodes comes once from each end), groups (list of maps: uid, members (up
//          to $hub_limit), caller_ties (list of maps: uid, type, role))); the second is
//          empty when the first went past its bounds), hub_counts (list of maps: uid,
//          members (the full count)). Read.
OPTIONAL MATCH (start:Entity {uid: $start_uid})
OPTIONAL MATCH (me:Entity {uid: $caller_uid})
OPTIONAL CALL () {
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
WITH start, me, rows, met,
     [g IN met WHERE g.node_kind IN $hub_kinds AND NOT g.uid IN $counted | g] AS fresh
WITH start, me, rows, met, fresh,
     [g IN fresh |
       {uid: g.uid, members: {{members(g, $today, $hub_limit)}},
        caller_ties: [(g)-[t]-(me) WHERE t.until IS NULL OR t.until > $today |
                      t {.uid, type: type(t), .role}]}] AS groups
WITH start, me, rows, met, fresh, groups,
     [g IN groups WHERE g.members > $hub_members | g.uid] AS hubs,
     $hops = 2 AND size(rows) < $limit AND size(met) <= $max_nodes AS onward
OPTIONAL CALL (met, hubs, onward) {
  UNWIND CASE WHEN onward THEN [n IN met WHERE NOT n.uid IN hubs] ELSE [] END AS n
  MATCH (n)-[r]-(m:Entity)
  WHERE (r.until IS NULL OR r.until > $today)
    AND m.archived_at IS NULL
    AND NOT m.uid IN $expanded + $frontier
  RETURN r, m
  LIMIT $limit
}
WITH start, me, rows, met, fresh, groups,
     collect(CASE WHEN r IS NOT NULL THEN
       {rel: r {.uid, .since, .until, .strength, .source, .role, .last_interaction_at},
        type: type(r), from_uid: startNode(r).uid, to_uid: endNode(r).uid,
        node: m {.uid, .node_kind, .name, .kind}} END) AS next_rows,
     collect(DISTINCT m) AS next_met
WITH start, me, rows, fresh, groups, next_rows,
     [g IN next_met WHERE g.node_kind IN $hub_kinds AND NOT g.uid IN $counted
                          AND NOT g IN met | g] AS next_fresh
RETURN start {.uid, .node_kind, .name} AS start,
       [{rows: rows, groups: groups},
        {rows: next_rows,
         groups: [g IN next_fresh |
           {uid: g.uid, members: {{members(g, $today, $hub_limit)}},
            caller_ties: [(g)-[t]-(me) WHERE t.until IS NULL OR t.until > $today |
                          t {.uid, type: type(t), .role}]}]}][..$hops] AS hops,
       [g IN fresh + next_fresh WHERE NOT g.uid IN $known AND COUNT { (g)--() } > $hub_members |
         {uid: g.uid, members: {{members(g, $today, $count_up_to)}}}] AS hub_counts
