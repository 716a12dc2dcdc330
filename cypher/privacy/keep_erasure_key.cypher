// Purpose: the erasure key kept in the database when no setting gives one: made once (the
//          first erase) and the same ever after. MERGE on a constrained name keeps one.
// Parameters: $candidate (a new random key, used only when none exists yet).
// Returns: key (string); one row. Write.
MERGE (k:ErasureKey {name: 'tombstones'})
ON CREATE SET k.key = $candidate
RETURN k.key AS key
