// Purpose: every Entity node with all its properties (the offline importer's rows, and
//          the digest that compares two graphs).
// Parameters: none.
// Returns: name (the sorted labels), props (every property). Read.
MATCH (n:Entity)
RETURN COLLECT { UNWIND labels(n) AS l RETURN l ORDER BY l } AS name, properties(n) AS props
