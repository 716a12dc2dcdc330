// Purpose: the one-query-per-row loader: create one node, no checks.
// Parameters: $props (map), $labels (list of label names), $now.
// Returns: nothing. Write.
CREATE (n:$($labels))
SET n = $props, n.created_at = $now, n.updated_at = $now
