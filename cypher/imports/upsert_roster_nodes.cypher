// Purpose: create or update a batch of roster nodes of one kind (OneRoster import) by
//          (node_kind, source_id). Only the fields the roster owns are set: a field the
//          roster leaves blank is kept, so what people added in the LRM (a preferred name,
//          a caseload capacity, roles beyond the roster's) stays. An adult's roles are the
//          roster's roles plus the ones given elsewhere. A node back in the roster is no
//          longer archived. Each node is stamped with the import and the file it came
//          from, so that a later bulk set can archive the ones it no longer lists.
//          With $journal, the batch keeps what undoes it (lrm_graph.imports.journal): a
//          copy of each existing node before it is written, the uids of the created ones.
// Parameters: $rows (list of {uid (used only when creating), source_id, props (map, no
//             nulls), roster_roles (list of AdultRole values, or null: leave roles be)}),
//             $node_kind, $label (a NodeKind label from the vocabulary), $person (bool:
//             the name is made from given/preferred and family name), $file (roster file
//             name), $import_id, $now (datetime), $journal (map {import_id, seq, runner}
//             of the batch's journal, or null for none).
// Returns: created, updated (counts over the batch; the rest were already as given). Write.
OPTIONAL CALL () {
  WITH $journal AS journal WHERE journal IS NOT NULL
  CREATE (j:ImportJournal) SET j = journal, j.now = $now
  RETURN j
}
// Each copy below tests $journal, not j: the planner takes j for never null (it is made
// in the OPTIONAL CALL above) and would create the copy with no journal to hang it on.
UNWIND $rows AS row
MERGE (n:Entity {node_kind: $node_kind, source_id: row.source_id})
ON CREATE SET n.uid = row.uid, n.created_at = $now
WITH j, row, n, n.uid = row.uid AS created
CALL (j, n, created) {
  WITH j, n WHERE $journal IS NOT NULL AND NOT created
  CREATE (j)-[:NODE_BEFORE]->(before:ImportBefore)
  SET before = properties(n)
}
WITH j, row, n, created,
     n.archived_at IS NOT NULL
     OR any(k IN keys(row.props) WHERE NOT coalesce(n[k] = row.props[k], false))
     OR (row.roster_roles IS NOT NULL
         AND NOT coalesce(n.roster_roles = row.roster_roles, false)) AS changed
SET n += row.props, n:$($label), n.archived_at = null,
    n.roster_file = $file, n.roster_seen = $import_id
SET n.roles = CASE WHEN row.roster_roles IS NULL THEN n.roles
                   ELSE row.roster_roles + [r IN coalesce(n.roles, [])
                        WHERE NOT r IN coalesce(n.roster_roles, []) AND NOT r IN row.roster_roles]
              END,
    n.roster_roles = coalesce(row.roster_roles, n.roster_roles)
// The same display name as lrm_graph.records.display_name: preferred or given, and family.
SET n.name = CASE WHEN $person
                  THEN trim(coalesce(n.preferred_name, n.given_name, '') + ' ' +
                            coalesce(n.family_name, ''))
                  ELSE n.name END,
    n.updated_at = CASE WHEN created OR changed THEN $now ELSE n.updated_at END
WITH head(collect(j)) AS j, collect(CASE WHEN created THEN n.uid END) AS made,
     sum(CASE WHEN changed AND NOT created THEN 1 ELSE 0 END) AS updated
SET j.created_nodes = made
RETURN size(made) AS created, updated
