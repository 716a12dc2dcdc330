// Purpose: every relationship between Entity nodes with all its properties (the offline
//          importer's rows, and the digest that compares two graphs).
// Parameters: none.
// Returns: name ([type]), from_uid, to_uid, props (every property). Read.
MATCH (a:Entity)-[r]->(b:Entity)
RETURN [type(r)] AS name, a.uid AS from_uid, b.uid AS to_uid, properties(r) AS props
