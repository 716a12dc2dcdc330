// Purpose: one hop of a learner's support network, for the brief's goal gaps: the active
//          relationships of the types the goal-gaps analytic walks (analytics/projection
//          SUPPORT_TYPES, and USES to resources) from the nodes in $frontier to live nodes
//          not expanded yet. An expert's edge to a learner counts only as an active
//          connection, as in the projection. A group met (a node of $hub_kinds) comes
//          with its members (fragment members): the caller expands no hub, as a network.
// Fragments: members (cypher/fragments/members.cypher).
// Parameters: $frontier (uids), $expanded (uids expanded at earlier hops), $today (date),
//             $limit (rows at most; the database may stop early at a hub), $hub_kinds
//             (node kinds that are groups), $count_up_to (members counted at most: one
//             more than the hub bound tells a hub).
// Returns: from_uid, to_uid, type, node (map: uid, node_kind, name, screening_status,
//          screening_expires_on of the far end), members (of a group met; else null).
//          Read.
UNWIND $frontier AS frontier_uid
MATCH (n:Entity {uid: frontier_uid})-[r:MENTORS|ADVISES|COACHES|COUNSELS|TEACHES|GUARDIAN_OF|
                                       TRUSTS|PEER_OF|PEER_MENTORS|MEMBER_OF|USES]-(m:Entity)
WHERE (r.until IS NULL OR r.until > $today)
  AND m.archived_at IS NULL
  AND NOT m.uid IN $expanded
  AND (startNode(r).node_kind <> 'expert' OR endNode(r).node_kind <> 'learner'
       OR coalesce(r.connection_status, 'active') = 'active')
RETURN startNode(r).uid AS from_uid, endNode(r).uid AS to_uid, type(r) AS type,
       m {.uid, .node_kind, .name, .screening_status, .screening_expires_on} AS node,
       CASE WHEN m.node_kind IN $hub_kinds THEN {{members(m, $today, $count_up_to)}} END AS members
LIMIT $limit
