// Purpose: count every node and every relationship of the database (a backup's totals).
// Parameters: none.
// Returns: nodes, relationships; one row. Read.
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
