// Purpose: learners in scope with their active caring relationships and the ratings of
//          those relationships (RelationshipRating nodes, either side), newest first: the
//          report works out per element the latest score of each relationship. Caring:
//          type in $caring_types, active (until null or after $today), other end a
//          non-archived Adult or Expert; an expert's only as an active connection. Ratings
//          of ended relationships are not returned: they count for nothing.
// Fragments: screened (cypher/fragments/screened.cypher), an expert's screening.
//            reported (cypher/fragments/reported.cypher), the learners a report looks at.
// Parameters: $today (date), $caring_types (list of type names), $visible (uids of the
//             learners the caller may see, or null for all), $grade, $organization
//             (Organization uid), $community (Community uid); a filter is null when not
//             asked for; $after (a learner uid in a list, or null) and $limit: the
//             learners after it, $limit at most.
// Returns: the fields of UnratedRow (lrm_graph/reports/rows.py; relationships counts the
//          active caring relationships) and ratings (list of maps: relationship_uid, side,
//          rated_at, and the five element scores), in learner uid order. Read.
MATCH (l:Learner)
WHERE ($after IS NULL OR l.uid > $after[0])
  AND l.archived_at IS NULL
  AND {{reported(l, $today)}}
WITH l, COLLECT {
  MATCH (l)-[r]-(a:Adult|Expert)
  WHERE type(r) IN $caring_types AND coalesce(r.connection_status, 'active') = 'active'
    AND (a:Adult OR {{screened(a, $today)}})
    AND a.archived_at IS NULL AND (r.until IS NULL OR r.until > $today)
  RETURN DISTINCT r.uid
} AS caring
WITH l, caring, COLLECT {
  MATCH (rt:RelationshipRating {learner_uid: l.uid})
  WHERE rt.relationship_uid IN caring
  RETURN rt {.relationship_uid, .side, .rated_at, .express_care, .challenge_growth,
             .provide_support, .share_power, .expand_possibilities} AS rating
  ORDER BY rating.rated_at DESC
} AS ratings
RETURN l.uid AS learner_uid, l.name AS learner_name, l.grade_level AS grade_level,
       size(caring) AS relationships, ratings
ORDER BY learner_uid
LIMIT $limit
