// Purpose: the kinds of the nodes a report's filters and options name, so that an
//          unknown organization, community or adult is a 404 rather than an empty report.
// Parameters: $uids (list of node uids). Returns: uid, node_kind (one row per node found).
// Read.
UNWIND $uids AS uid
MATCH (n:Entity {uid: uid})
RETURN n.uid AS uid, n.node_kind AS node_kind
