// Purpose: one or two hops of a learner's network ($hops): the active relationships of the
//          nodes in $frontier and the not-archived nodes at their far ends, then (second
//          hop) the same from each node met that is not a hub and not a learner the
//          caller may not see, in the same query: a network of depth 2 is one question.
//          Every learner met is asked the access rule (fragment visible) in the query too,
//          and so are the pursuers of each goal met (who may read a goal follows from
//          them): the caller's checks ask nothing more. For each group met (a node of
//          $hub_kinds not counted before), its members counted up to $hub_limit (fragment
//          members: exact up to the hub bound, one more for a hub) and the caller's own
//          active ties to it (not asked for a caller who is no node, a district admin: a
//          null end still walked the group's ties); a hub's full count only for those not
//          in $known (counted lately: lrm_graph.records.network keeps them for seconds)
//          and with more ties than the bound (degree store: no more ties, no more
//          members). A hub is never expanded, so a school's 2,000 enrolled are never
//          listed, and counted in full at most once while the count is kept. The second
//          hop is read only when the first kept within its bounds ($limit rows, $max_nodes
//          nodes the caller may see) and the learner is seen: past them the answer stops
//          at the first hop. The first hop also reads the learner ($start_uid).
// Fragments: members (cypher/fragments/members.cypher), visible
//            (cypher/fragments/visible.cypher).
// Parameters: $start_uid (the learner, on the first call; null after), $frontier (uids to
//             expand from), $expanded (uids expanded at earlier hops: their relationships
//             are in the answer already, so they are skipped), $hops (1 or 2), $today
//             (date), $limit (rows at most per hop; LIMIT without ORDER BY lets the
//             database stop early at a big node), $max_nodes (nodes the answer may hold),
//             $hub_kinds (node kinds that are groups), $counted (groups counted at earlier
//             hops), $caller_uid (the caller's own node, or null), $hub_members (the most
//             members a group walked through may have), $hub_limit ($hub_members + 1),
//             $known (hubs whose full count the caller holds), $count_up_to (the most
//             members counted of one hub); the access rule's: $everyone (the caller sees
//             every learner: the rule is not asked), $org_uid, $person_uid, $types,
//             $via_classes, $screened_only, $self_uid (lrm_graph.access.visibility
//             .scope_parameters).
// Returns: one row: start (map: uid, node_kind, name of $start_uid, or null), hops (a list
//          of $hops maps, one per hop: rows (list of maps: rel (uid, since, until,
//          strength, source, role, last_interaction_at), type, from_uid, to_uid, node
//          (uid, node_kind, name, kind of the far end)); a relationship between two
//          frontier nodes comes once from each end), groups (list of maps: uid, members (up
//          to $hub_limit), caller_ties (list of maps: uid, type, role))); the second is
//          empty when the first went past its bounds), hub_counts (list of maps: uid,
//          members (the full count)), asked (uids of the learners asked about: the learner,
//          those met, the goals' pursuers), seen (list of maps: uid, purpose, of those
//          the caller sees; empty for $everyone), goals (list of maps: uid, pursuers (learner
//          uids), of each goal met; empty for $everyone). Read.
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
        caller_ties: CASE WHEN me IS NULL THEN [] ELSE
                      [(g)-[t]-(me) WHERE t.until IS NULL OR t.until > $today |
                       t {.uid, type: type(t), .role}] END}] AS groups
WITH start, me, rows, met, fresh, groups,
     [g IN groups WHERE g.members > $hub_members | g.uid] AS hubs,
     [x IN [start] + met WHERE x:Learner | x.uid] AS asked
WITH start, me, rows, met, fresh, groups, hubs, asked,
     CASE WHEN $everyone OR asked = [] THEN [] ELSE
       {{visible(asked, $org_uid, $person_uid, $types, $via_classes, $screened_only, $self_uid, $today)}}
     END AS seen
WITH start, me, rows, met, fresh, groups, hubs, asked, seen,
     [x IN seen | x.uid] AS seen_uids
WITH start, me, rows, met, fresh, groups, hubs, asked, seen,
     [x IN met WHERE $everyone OR NOT x:Learner OR x.uid IN seen_uids] AS kept,
     $everyone OR start IS NULL OR start.uid IN seen_uids AS start_seen
WITH start, me, rows, met, fresh, groups, hubs, asked, seen, kept,
     $hops = 2 AND start_seen AND size(rows) < $limit AND size(kept) <= $max_nodes AS onward
// The second hop collects its rows in the subquery (one row out, whatever comes in): an
// aggregation out here would group by the first hop's lists, hashed for every row.
CALL (kept, hubs, onward) {
  UNWIND CASE WHEN onward THEN [n IN kept WHERE NOT n.uid IN hubs] ELSE [] END AS n
  MATCH (n)-[r]-(m:Entity)
  WHERE (r.until IS NULL OR r.until > $today)
    AND m.archived_at IS NULL
    AND NOT m.uid IN $expanded + $frontier
  WITH r, m
  LIMIT $limit
  RETURN collect(
           {rel: r {.uid, .since, .until, .strength, .source, .role, .last_interaction_at},
            type: type(r), from_uid: startNode(r).uid, to_uid: endNode(r).uid,
            node: m {.uid, .node_kind, .name, .kind}}) AS next_rows,
         collect(DISTINCT m) AS next_met
}
WITH start, me, rows, fresh, groups, next_rows, next_met, asked, seen,
     [g IN next_met WHERE g.node_kind IN $hub_kinds AND NOT g.uid IN $counted
                          AND NOT g IN met | g] AS next_fresh,
     CASE WHEN $everyone THEN [] ELSE
       [g IN met + next_met WHERE g:Goal |
         {uid: g.uid, pursuers: [(pursuer:Learner)-[:PURSUES]->(g) | pursuer.uid]}]
     END AS goals
WITH start, me, rows, fresh, groups, next_rows, asked, seen, next_fresh, goals,
     COLLECT {
       UNWIND [x IN next_met WHERE x:Learner | x.uid]
              + reduce(found = [], g IN goals | found + g.pursuers) AS learner_uid
       WITH DISTINCT learner_uid WHERE NOT learner_uid IN asked
       RETURN learner_uid
     } AS next_asked
RETURN start {.uid, .node_kind, .name} AS start,
       [{rows: rows, groups: groups},
        {rows: next_rows,
         groups: [g IN next_fresh |
           {uid: g.uid, members: {{members(g, $today, $hub_limit)}},
            caller_ties: CASE WHEN me IS NULL THEN [] ELSE
                          [(g)-[t]-(me) WHERE t.until IS NULL OR t.until > $today |
                           t {.uid, type: type(t), .role}] END}]}][..$hops] AS hops,
       [g IN fresh + next_fresh WHERE NOT g.uid IN $known AND COUNT { (g)--() } > $hub_members |
         {uid: g.uid, members: {{members(g, $today, $count_up_to)}}}] AS hub_counts,
       asked + next_asked AS asked,
       seen + CASE WHEN $everyone OR next_asked = [] THEN [] ELSE
         {{visible(next_asked, $org_uid, $person_uid, $types, $via_classes, $screened_only, $self_uid, $today)}}
       END AS seen,
       goals
