// Purpose: the organizations and communities a report may be filtered by, for a caller:
//          those with an active enrolment or membership of a learner they see (all
//          not-archived ones for the whole district).
// Parameters: $visible (uids of the learners the caller may see, or null for all),
//             $today (date), $limit (rows at most, per kind).
// Returns: uid, name, node_kind ('organization' or 'community'), kind (its own kind),
//          by kind then name. Read.
CALL {
  MATCH (g:Organization)
  WHERE g.archived_at IS NULL
    AND ($visible IS NULL OR EXISTS {
      (g)<-[e:ENROLLED_AT]-(l:Learner) WHERE l.uid IN $visible AND (e.until IS NULL OR e.until > $today)
    })
  RETURN g ORDER BY g.name, g.uid LIMIT $limit
  UNION
  MATCH (g:Community)
  WHERE g.archived_at IS NULL
    AND ($visible IS NULL OR EXISTS {
      (g)<-[m:MEMBER_OF]-(l:Learner) WHERE l.uid IN $visible AND (m.until IS NULL OR m.until > $today)
    })
  RETURN g ORDER BY g.name, g.uid LIMIT $limit
}
RETURN g.uid AS uid, g.name AS name, g.node_kind AS node_kind, g.kind AS kind
ORDER BY node_kind DESC, name, uid
