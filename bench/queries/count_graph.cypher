// Purpose: how big the benchmark's graph is: the Entity nodes (not the audit entries the
//          CLI's imports record, which the baseline does not write) and every relationship.
// Parameters: none.
// Returns: nodes, relationships (counts, from the count store). Read.
CALL () { MATCH (n:Entity) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
