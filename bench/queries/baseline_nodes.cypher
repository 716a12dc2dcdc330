// Purpose: the baseline loader: create a batch of nodes with the same labels, no checks.
// Parameters: $rows (list of property maps), $labels (list of label names), $now.
// Returns: nothing. Write.
UNWIND $rows AS props
CREATE (n:$($labels))
SET n = props, n.created_at = $now, n.updated_at = $now
