// Purpose: the Neo4j version that makes a backup (recorded in its manifest).
// Parameters: none.
// Returns: version (text); one row. Read.
CALL dbms.components() YIELD name, versions
WHERE name = 'Neo4j Kernel'
RETURN versions[0] AS version
