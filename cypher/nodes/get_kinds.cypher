// Purpose: the kind of some nodes, given only their uids (a node of any kind).
// Parameters: $uids (list of node uids). Returns: uid, node_kind (one row per node found).
//             Read.
UNWIND $uids AS node_uid
MATCH (n:Entity {uid: node_uid})
RETURN n.uid AS uid, n.node_kind AS node_kind
