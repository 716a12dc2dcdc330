// Purpose: one page of nodes of a kind, in uid order, with optional filters, limited to
//          what the caller may read (lrm_graph.guards gives the limits).
// Parameters: $node_kind, $after (uid of the last row of the previous page, or ''),
//             $limit, $include_archived, $grade, $role, $kind, $name, $organization
//             (each filter null when not asked for), $today (date), $visible (learner
//             uids the caller sees, or null for all: limits learners, and goals to those
//             a visible learner pursues or nobody ever did), $people (adult and expert
//             uids the caller may read, or null for all), $findable (learners who opted
//             out of the directory that a `name` search may still find, or null for all).
// Returns: n. Read.
MATCH (n:Entity)
WHERE n.node_kind = $node_kind AND n.uid > $after
  AND ($include_archived OR n.archived_at IS NULL)
  AND ($grade IS NULL OR n.grade_level = $grade)
  AND ($role IS NULL OR $role IN n.roles)
  AND ($kind IS NULL OR n.kind = $kind)
  AND ($name IS NULL OR toLower(n.name) CONTAINS toLower($name))
  AND ($organization IS NULL OR EXISTS {
    (n)-[r:ENROLLED_AT|WORKS_AT|WORKS_FOR|PART_OF]->(o:Organization {uid: $organization})
    WHERE r.until IS NULL OR r.until > $today
  })
  AND ($visible IS NULL OR n.node_kind <> 'learner' OR n.uid IN $visible)
  AND ($visible IS NULL OR n.node_kind <> 'goal'
       OR NOT EXISTS { (:Learner)-[:PURSUES]->(n) }
       OR EXISTS { (l:Learner)-[:PURSUES]->(n) WHERE l.uid IN $visible })
  AND ($people IS NULL OR NOT n.node_kind IN ['adult', 'expert'] OR n.uid IN $people)
  AND ($findable IS NULL OR $name IS NULL OR NOT coalesce(n.directory_opt_out, false)
       OR n.uid IN $findable)
RETURN n
ORDER BY n.uid
LIMIT $limit
