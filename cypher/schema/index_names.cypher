// Purpose: the names of the indexes in place (to tell whether the schema is applied).
// Parameters: none. Returns: name, one row per index. Read (schema).
SHOW INDEXES YIELD name
RETURN name
