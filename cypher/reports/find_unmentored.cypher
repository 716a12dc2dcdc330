// Purpose: "no learner without a caring adult": the learners in scope with no active
//          caring relationship (reason 'none'), and the learners AT RISK, every one of
//          whose active caring relationships is quiet or ends soon ('quiet', 'ending').
//          A relationship is caring when its type is in $caring_types and its other end
//          is a non-archived Adult or Expert; active when until is null or after $today.
//          It ENDS SOON when until <= $soon (today + days). It is QUIET when its
//          last_interaction_at is before $quiet_before (today - days), or, with no
//          interaction on record, when since is null or before $quiet_before (a new
//          relationship is not quiet yet). A learner at risk is 'ending' when all of its
//          caring relationships end soon, otherwise 'quiet'. Each listed relationship
//          says its own risk ('ending' wins over 'quiet').
// An expert's relationship counts only as an active connection with a cleared, current
// screening (safeguarding:
// a proposed or revoked one is not yet, or no longer, a relationship), as in analytics.
// Fragments: screened (cypher/fragments/screened.cypher), an expert's screening.
// Parameters: $today, $soon, $quiet_before (dates), $caring_types (list of type names),
//             $visible (uids of the learners the caller may see, or null for all), $grade,
//             $organization (Organization uid), $community (Community uid); a filter is
//             null when not asked for.
// Returns: the fields of UnmentoredRow (lrm_graph/reports/rows.py), each of its
//          relationships a map of AtRiskRelationship's fields; in learner uid order. Read.
MATCH (l:Learner)
WHERE l.archived_at IS NULL
  AND ($visible IS NULL OR l.uid IN $visible)
  AND ($grade IS NULL OR l.grade_level = $grade)
  AND ($organization IS NULL OR EXISTS {
    (l)-[e:ENROLLED_AT]->(o:Organization {uid: $organization})
    WHERE e.until IS NULL OR e.until > $today
  })
  AND ($community IS NULL OR EXISTS {
    (l)-[m:MEMBER_OF]->(c:Community {uid: $community})
    WHERE m.until IS NULL OR m.until > $today
  })
  // One healthy caring relationship (active, not ending soon, not quiet) is enough.
  AND NOT EXISTS {
    (l)-[r]-(a:Adult|Expert)
    WHERE type(r) IN $caring_types AND coalesce(r.connection_status, 'active') = 'active' AND a.archived_at IS NULL
      AND (a:Adult OR {{screened(a, $today)}})
      AND (r.until IS NULL OR r.until > $soon)
      AND (date(r.last_interaction_at) >= $quiet_before
           OR (r.last_interaction_at IS NULL AND r.since >= $quiet_before))
  }
WITH l, COLLECT {
  MATCH (l)-[r]-(a:Adult|Expert)
  WHERE type(r) IN $caring_types AND coalesce(r.connection_status, 'active') = 'active' AND a.archived_at IS NULL
    AND (a:Adult OR {{screened(a, $today)}})
    AND (r.until IS NULL OR r.until > $today)
  RETURN {
    uid: r.uid, type: type(r), adult_uid: a.uid, adult_name: a.name,
    adult_kind: a.node_kind, since: r.since, until: r.until,
    last_interaction_at: r.last_interaction_at,
    risk: CASE WHEN r.until IS NOT NULL AND r.until <= $soon THEN 'ending' ELSE 'quiet' END
  } AS relationship
  ORDER BY relationship.uid
} AS relationships
RETURN l.uid AS learner_uid, l.name AS learner_name, l.grade_level AS grade_level,
       CASE
         WHEN size(relationships) = 0 THEN 'none'
         WHEN all(x IN relationships WHERE x.risk = 'ending') THEN 'ending'
         ELSE 'quiet'
       END AS reason,
       relationships
ORDER BY learner_uid
