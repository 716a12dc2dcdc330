// Purpose: empty the benchmark's database, in transactions of 10,000 nodes.
// Parameters: none.
// Returns: nothing. Write (run in an implicit transaction).
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
