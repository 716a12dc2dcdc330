// Purpose: find the nodes a batch of relationship rows names, by uid or by
//          (node_kind, source_id), with what the vocabulary and screening checks need.
//          Each lookup is a unique index seek (hinted: so it stays on an empty graph).
// Parameters: $refs (list of [key, uid, node_kind, source_id]: either uid, or node_kind
//             and source_id, the others null; a list, not a map, because the driver packs
//             every key of every row).
// Returns: key, uid, node_kind, archived, screening_status, screening_expires_on (one row
//          per reference found; a missing one has no row). Read.
UNWIND $refs AS ref
OPTIONAL MATCH (by_uid:Entity {uid: ref[1]})
USING INDEX SEEK by_uid:Entity(uid)
OPTIONAL MATCH (by_source:Entity {node_kind: ref[2], source_id: ref[3]})
USING INDEX SEEK by_source:Entity(node_kind, source_id)
WITH ref, coalesce(by_uid, by_source) AS n
WHERE n IS NOT NULL
RETURN ref[0] AS key, n.uid AS uid, n.node_kind AS node_kind,
       n.archived_at IS NOT NULL AS archived,
       n.screening_status AS screening_status, n.screening_expires_on AS screening_expires_on
