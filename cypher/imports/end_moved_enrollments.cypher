// Purpose: end (until = today, history kept) the active imported enrollment relationships
//          (MEMBER_OF, TEACHES) that a delta moved: the enrollment's sourcedId (roster_id)
//          now names another class, another user or another role, so its link to the
//          old ones ends ('moved in the roster'). The link the row names is left as it is.
//          Each roster_id is one seek of the relationship indexes on roster_id
//          (cypher/schema/constraints.cypher).
//          With $journal, the batch keeps a copy of each node and relationship it
//          changes, as it was (lrm_graph.imports.journal).
// Parameters: $rows (list of {roster_id, type ('MEMBER_OF' or 'TEACHES'), from_id (the
//             user's sourcedId), to_id (the class's)}), $today (date), $now (datetime),
//             $journal (the batch's journal:
//             {import_id, seq, runner}, or null for none).
// Returns: ended (count). Write.
OPTIONAL CALL () {
  WITH $journal AS journal WHERE journal IS NOT NULL
  CREATE (j:ImportJournal) SET j = journal, j.now = $now
  RETURN j
}
// Each copy below tests $journal, not j: the planner takes j for never null (it is made
// in the OPTIONAL CALL above) and would create the copy with no journal to hang it on.
UNWIND $rows AS row
CALL (row) {
  MATCH (a)-[r:MEMBER_OF]->(b)
  WHERE r.roster_id = row.roster_id
  RETURN r, a, b, 'MEMBER_OF' AS type
  UNION
  MATCH (a)-[r:TEACHES]->(b)
  WHERE r.roster_id = row.roster_id
  RETURN r, a, b, 'TEACHES' AS type
}
WITH j, row, r, a, b, type
WHERE r.source = 'imported' AND r.ended_reason IS NULL
  AND (r.until IS NULL OR r.until > $today)
  AND NOT (type = row.type AND a.source_id = row.from_id AND b.source_id = row.to_id)
CALL (j, r) {
  WITH j, r WHERE $journal IS NOT NULL AND r IS NOT NULL
  CREATE (j)-[:RELATIONSHIP_BEFORE {start: startNode(r).uid}]->(before:ImportBefore)
  SET before = properties(r)
}
SET r.until = $today, r.ended_reason = 'moved in the roster', r.updated_at = $now
RETURN count(r) AS ended
