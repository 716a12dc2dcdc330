// Purpose: every node as the baseline loader writes it back: its labels and properties
//          but the two timestamps (a loader sets those from one $now, as ours does), and
//          whether the roster import made it (stamped roster_seen) or the bulk load.
// Parameters: none.
// Returns: labels, props, roster (bool). Read (a full scan, on purpose).
MATCH (n:Entity)
RETURN labels(n) AS labels, n {.*, created_at: null, updated_at: null} AS props,
       n.roster_seen IS NOT NULL AS roster
