// Purpose: find the nodes a OneRoster set refers to but does not hold (a delta names
//          users, classes and orgs of earlier imports), by (node kind, source_id); each
//          reference may be one of several kinds (a user is a learner or an adult).
// Parameters: $refs (list of {key, node_kinds (list of NodeKind values), source_id}).
// Returns: key, node_kind, archived (bool), term_start, term_end (a class's dates, kept
//          from the import that made it), roles (an adult's); one row per node found. Read.
UNWIND $refs AS ref
UNWIND ref.node_kinds AS kind
MATCH (n:Entity {node_kind: kind, source_id: ref.source_id})
RETURN ref.key AS key, n.node_kind AS node_kind, n.archived_at IS NOT NULL AS archived,
       n.term_start AS term_start, n.term_end AS term_end, coalesce(n.roles, []) AS roles
