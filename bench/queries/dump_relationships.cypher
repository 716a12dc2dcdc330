// Purpose: every relationship as the baseline loader writes it back: its type, the uids of
//          its ends and its properties but the two timestamps, and whether the roster
//          import made it.
// Parameters: none.
// Returns: type, from_uid, to_uid, props, roster (bool). Read (a full scan, on purpose).
MATCH (a:Entity)-[r]->(b:Entity)
RETURN type(r) AS type, a.uid AS from_uid, b.uid AS to_uid,
       r {.*, created_at: null, updated_at: null} AS props,
       coalesce(r.source = 'imported', false) AS roster
