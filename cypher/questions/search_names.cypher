// Purpose: people and communities whose names match a Lucene query on the fulltext index
//          entity_names, best first, archived ones left out, limited to what the caller
//          may read (lrm_graph.guards.search_scope gives the limits).
// Parameters: $query (Lucene query text built by lrm_graph.questions from escaped terms,
//             never the user's raw text), $limit, $include_directory_opt_outs (bool:
//             false leaves out learners who opted out of the directory, but those in
//             $findable), $findable (learner uids or null), $visible (uids of the learners
//             the caller sees, or null for all), $people (uids of the adults and experts
//             the caller may read, or null for all), $hidden_kinds (node kinds the
//             caller may not read at all).
//             $today (date).
// Returns: node (map: uid, node_kind, name, and what tells people apart: roles of an
//          adult, grade_level of a learner, kind of a community or organization, and
//          schools: the names of the organizations a person actively WORKS_AT or is
//          ENROLLED_AT, or a community is PART_OF), score. Read.
CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
WHERE node.archived_at IS NULL
  AND ($include_directory_opt_outs OR coalesce(node.directory_opt_out, false) = false
       OR node.uid IN coalesce($findable, []))
  AND ($visible IS NULL OR node.node_kind <> 'learner' OR node.uid IN $visible)
  AND ($people IS NULL OR NOT node.node_kind IN ['adult', 'expert'] OR node.uid IN $people)
  AND NOT node.node_kind IN $hidden_kinds
WITH node, score
ORDER BY score DESC, node.uid
LIMIT $limit
CALL (node) {
  OPTIONAL MATCH (node)-[r:WORKS_AT|ENROLLED_AT|PART_OF]->(o:Organization)
  WHERE o.archived_at IS NULL AND (r.until IS NULL OR r.until > $today)
  WITH o ORDER BY o.name
  RETURN collect(DISTINCT o.name) AS schools
}
RETURN node {.uid, .node_kind, .name, .roles, .grade_level, .kind, schools: schools} AS node,
       score
ORDER BY score DESC, node.uid
