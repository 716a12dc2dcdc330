// Purpose: the baseline loader: create a batch of relationships of one type between
//          nodes found by uid (a unique index seek each), no checks.
// Parameters: $rows (list of {from_uid, to_uid, props}), $type, $now.
// Returns: nothing. Write.
UNWIND $rows AS row
MATCH (a:Entity {uid: row.from_uid})
MATCH (b:Entity {uid: row.to_uid})
CREATE (a)-[r:$($type)]->(b)
SET r = row.props, r.created_at = $now, r.updated_at = $now
