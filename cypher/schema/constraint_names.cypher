// Purpose: the names of the constraints in place (to tell whether the schema is applied).
// Parameters: none. Returns: name, one row per constraint. Read (schema).
SHOW CONSTRAINTS YIELD name
RETURN name
