// Purpose: how big the benchmark's graph is.
// Parameters: none.
// Returns: nodes, relationships (counts, from the count store). Read.
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
