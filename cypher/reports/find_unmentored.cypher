// Purpose: "no learner without a caring adult": the learners in scope with no active
//          caring relationship (reason 'none': none ever, or only ended ones), and the
//          learners AT RISK, every one of whose active caring relationships is at risk.
//          A relationship is caring when its type is in $caring_types and its other end
//          is a non-archived Adult or Expert; active when until is null or after $today.
//          A relationship's risk: 'ending' when until <= $soon (today + days); else
//          'quiet' when interactions were logged on it and the last is before
//          $quiet_before (today - days); else 'never_logged' when no interaction was ever
//          logged on it and it began before $quiet_before (or its start is unknown); a
//          newer one, or one with an interaction since $quiet_before, is healthy. A
//          learner at risk is 'ending' when all of its caring relationships end soon,
//          else 'quiet' when one of them is quiet, else 'never_logged'. Only learners
//          whose reason is in $reasons are returned: one page of them, in learner uid
//          order, after $after (null: from the first), $limit at most.
// An expert's relationship counts only as an active connection with a cleared, current
// screening (safeguarding:
// a proposed or revoked one is not yet, or no longer, a relationship), as in analytics.
// Fragments: screened (cypher/fragments/screened.cypher), an expert's screening.
//            reported (cypher/fragments/reported.cypher), the learners a report looks at.
// Parameters: $today, $soon, $quiet_before (dates), $caring_types (list of type names),
//             $reasons (list of reasons), $visible (uids of the learners the caller may
//             see, or null for all), $grade, $organization (Organization uid), $community
//             (Community uid); a filter is null when not asked for; $after (a learner uid in a list
//             or null), $limit (integer).
// Returns: the fields of UnmentoredRow (lrm_graph/reports/rows.py), each of its
//          relationships a map of AtRiskRelationship's fields; in learner uid order. Read.
// The learners in uid order from the index of their uids, from the page's key on: a page
// reads its own learners and no others, however deep it is (no sort of the report).
MATCH (l:Learner)
USING INDEX l:Learner(uid)
WHERE l.uid > coalesce($after[0], '')
  AND l.archived_at IS NULL
  AND {{reported(l, $today)}}
  // One healthy caring relationship (active, not ending soon, not quiet) is enough.
  AND NOT EXISTS {
    (l)-[r]-(a:Adult|Expert)
    WHERE type(r) IN $caring_types AND coalesce(r.connection_status, 'active') = 'active' AND a.archived_at IS NULL
      AND (a:Adult OR {{screened(a, $today)}})
      AND (r.until IS NULL OR r.until > $soon)
      AND (date(r.last_interaction_at) >= $quiet_before
           OR (r.last_interaction_at IS NULL AND r.since >= $quiet_before))
  }
  // Only the list asked for: 'none' alone needs no active caring tie, the others one.
  AND (any(x IN $reasons WHERE x <> 'none') OR NOT EXISTS {
    (l)-[r]-(a:Adult|Expert)
    WHERE type(r) IN $caring_types AND coalesce(r.connection_status, 'active') = 'active' AND a.archived_at IS NULL
      AND (a:Adult OR {{screened(a, $today)}})
      AND (r.until IS NULL OR r.until > $today)
  })
WITH l
ORDER BY l.uid
WITH l, COLLECT {
  MATCH (l)-[r]-(a:Adult|Expert)
  WHERE type(r) IN $caring_types AND coalesce(r.connection_status, 'active') = 'active' AND a.archived_at IS NULL
    AND (a:Adult OR {{screened(a, $today)}})
    AND (r.until IS NULL OR r.until > $today)
  RETURN {
    uid: r.uid, type: type(r), adult_uid: a.uid, adult_name: a.name,
    adult_kind: a.node_kind, since: r.since, until: r.until,
    last_interaction_at: r.last_interaction_at,
    risk: CASE
      WHEN r.until IS NOT NULL AND r.until <= $soon THEN 'ending'
      WHEN r.last_interaction_at IS NOT NULL THEN 'quiet'
      ELSE 'never_logged'
    END
  } AS relationship
  ORDER BY relationship.uid
} AS relationships
WITH l, relationships,
     CASE
       WHEN size(relationships) = 0 THEN 'none'
       WHEN all(x IN relationships WHERE x.risk = 'ending') THEN 'ending'
       WHEN any(x IN relationships WHERE x.risk = 'quiet') THEN 'quiet'
       ELSE 'never_logged'
     END AS reason
WHERE reason IN $reasons
RETURN l.uid AS learner_uid, l.name AS learner_name, l.grade_level AS grade_level,
       reason, relationships
ORDER BY learner_uid
LIMIT $limit
