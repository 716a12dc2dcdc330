// Purpose: wait until every index is online, so the first queries after a migrate use them.
// Parameters: none. Returns: nothing. Admin procedure.
CALL db.awaitIndexes(300)
