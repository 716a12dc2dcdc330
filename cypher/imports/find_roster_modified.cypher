// Purpose: the dateLastModified stored for the rows a delta carries: the roster node it
//          made (by node kind and source_id) or, for an enrollment, the relationship (by
//          its start node and roster_id, one the roster has not removed), so that a row
//          older than what is stored changes nothing.
// Parameters: $rows (list of {key, node_kinds (list of NodeKind values), source_id,
//             roster_id (null for a node)}).
// Returns: key, modified (datetime; null when none is stored); one row per node found. Read.
UNWIND $rows AS row
UNWIND row.node_kinds AS kind
MATCH (n:Entity {node_kind: kind, source_id: row.source_id})
OPTIONAL CALL (row, n) {
  WITH row, n WHERE row.roster_id IS NOT NULL
  MATCH (n)-[r]->()
  WHERE r.source = 'imported' AND r.roster_id = row.roster_id AND r.ended_reason IS NULL
  RETURN max(r.roster_modified) AS linked
}
RETURN row.key AS key,
       CASE WHEN row.roster_id IS NULL THEN n.roster_modified ELSE linked END AS modified
