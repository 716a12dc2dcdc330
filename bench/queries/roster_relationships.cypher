// Purpose: every relationship a roster import made: its type, its ends' source_ids, its
//          roster id and dates, to compare a dirty district's import with the clean one's.
// Parameters: none.
// Returns: type, a, b, roster_id, since, until. Read (a full scan, on purpose).
MATCH (a:Entity)-[r]->(b:Entity) WHERE r.source = 'imported'
RETURN type(r) AS type, a.source_id AS a, b.source_id AS b, r.roster_id AS roster_id,
       toString(r.since) AS since, toString(r.until) AS until
