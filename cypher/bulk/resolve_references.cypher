// Purpose: find the nodes a batch of relationship rows names, by uid or by
//          (node_kind, source_id), with what the vocabulary and screening checks need.
// Parameters: $refs (list of {key, uid, node_kind, source_id}: either uid, or node_kind
//             and source_id, the others null).
// Returns: key, uid, node_kind, archived, screening_status, screening_expires_on (one row
//          per reference found; a missing one has no row). Read.
UNWIND $refs AS ref
OPTIONAL MATCH (by_uid:Entity {uid: ref.uid})
OPTIONAL MATCH (by_source:Entity {node_kind: ref.node_kind, source_id: ref.source_id})
WITH ref, coalesce(by_uid, by_source) AS n
WHERE n IS NOT NULL
RETURN ref.key AS key, n.uid AS uid, n.node_kind AS node_kind,
       n.archived_at IS NOT NULL AS archived,
       n.screening_status AS screening_status, n.screening_expires_on AS screening_expires_on
