// Purpose: every node a roster import made (one with a source_id): its kind, source_id and
//          name, to compare a dirty district's import with the clean district's.
// Parameters: none.
// Returns: kind, id, name. Read (a full scan, on purpose).
MATCH (n:Entity) WHERE n.source_id IS NOT NULL
RETURN n.node_kind AS kind, n.source_id AS id, n.name AS name
