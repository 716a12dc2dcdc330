// Purpose: the short form of some nodes, to check that the ends of a question exist and
//          are of the right kind (archived ones too: the caller decides what that means).
// Parameters: $uids (list of node uids).
// Returns: node (map: uid, node_kind, name, archived), one row per node found. Read.
UNWIND $uids AS uid
MATCH (n:Entity {uid: uid})
RETURN n {.uid, .node_kind, .name, archived: n.archived_at IS NOT NULL} AS node
