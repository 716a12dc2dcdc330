// Purpose: one page of nodes of a kind, in uid order, with optional filters.
// Parameters: $node_kind, $after (uid of the last row of the previous page, or ''),
//             $limit, $include_archived, $grade, $role, $kind, $name, $organization
//             (each filter null when not asked for), $today (date).
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
RETURN n
ORDER BY n.uid
LIMIT $limit
