// Purpose: people and communities whose names match a Lucene query on the fulltext index
//          entity_names, best first, archived ones left out.
// Parameters: $query (Lucene query text built by lrm_graph.questions from escaped terms,
//             never the user's raw text), $limit, $include_directory_opt_outs (bool:
//             false leaves out learners who opted out of the directory).
// Returns: node (map: uid, node_kind, name), score. Read.
CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
WHERE node.archived_at IS NULL
  AND ($include_directory_opt_outs OR coalesce(node.directory_opt_out, false) = false)
RETURN node {.uid, .node_kind, .name} AS node, score
ORDER BY score DESC, node.uid
LIMIT $limit
