// Purpose: the offline importer's CSV columns: every property key of the Entity nodes
//          (per label set) and of the relationships between them (per type), with the
//          type of its values.
// Parameters: none.
// Returns: section ('nodes' | 'relationships'), name (the sorted labels, or [type]), key,
//          value_type (valueType of the values, e.g. 'STRING NOT NULL'). Read.
CALL () {
  MATCH (n:Entity)
  WITH COLLECT { UNWIND labels(n) AS l RETURN l ORDER BY l } AS name, n
  UNWIND keys(n) AS key
  RETURN 'nodes' AS section, name, key, valueType(n[key]) AS value_type
  UNION
  MATCH (:Entity)-[r]->(:Entity)
  UNWIND keys(r) AS key
  RETURN 'relationships' AS section, [type(r)] AS name, key, valueType(r[key]) AS value_type
}
RETURN DISTINCT section, name, key, value_type
