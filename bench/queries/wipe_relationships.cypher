// Purpose: delete every relationship of the benchmark's database, in transactions of
//          10,000, before wipe.cypher deletes the nodes: a DETACH DELETE of 10,000 nodes
//          takes a hub's every relationship into one transaction, and at 100,000
//          learners that exceeded the transaction memory pool of a 3g heap.
// Parameters: none.
// Returns: nothing. Write (run in an implicit transaction).
MATCH ()-[r]->()
CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS
