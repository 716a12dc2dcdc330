// Purpose: what a write needs to know about the nodes a relationship would join.
// Parameters: $uids (list of node uids). Returns: uid, node_kind, archived,
//             screening_status, screening_expires_on, open (a community's; null for
//             other kinds) (one row per node found). Read.
UNWIND $uids AS uid
MATCH (n:Entity {uid: uid})
RETURN n.uid AS uid, n.node_kind AS node_kind, n.archived_at IS NOT NULL AS archived,
       n.screening_status AS screening_status, n.screening_expires_on AS screening_expires_on,
       n.open AS open
