// Purpose: what imports and bulk loads need to skip erased learners: the keyed hashes of
//          their source ids, and the erasure key kept in the database (null when the
//          setting gives it, or before any erase).
// Parameters: none.
// Returns: hashes (list of strings), key (string or null); one row. Read.
OPTIONAL MATCH (k:ErasureKey {name: 'tombstones'})
CALL () {
  OPTIONAL MATCH (s:ErasedSource)
  RETURN collect(s.hash) AS hashes
}
RETURN hashes, k.key AS key
