// Purpose: one page of a section of the relationship-elements report: the learners in
//          scope in $section, with their active caring relationships and the ratings of
//          those relationships (RelationshipRating nodes, either side), newest first: the
//          report works out per element the latest score of each relationship. The
//          section's rule is summarize_relationship_elements.cypher's (`unrated`: no
//          rating of an active caring relationship; `lacking`: an element no active
//          caring relationship's latest score reaches $threshold), and equal to
//          lrm_graph/reports/elements.py's (tests/reports/test_summaries.py). Caring:
//          type in $caring_types, active (until null or after $today), other end a
//          non-archived Adult or Expert; an expert's only as an active connection. Ratings
//          of ended relationships are not returned: they count for nothing.
// Fragments: screened (cypher/fragments/screened.cypher), an expert's screening.
//            reported (cypher/fragments/reported.cypher), the learners a report looks at.
// Parameters: $today (date), $caring_types (list of type names), $section ('lacking' or
//             'unrated'), $elements (the element names, RelationshipRating properties),
//             $threshold (integer 1..5), $visible (uids of the learners the caller may
//             see, or null for all), $grade, $organization (Organization uid), $community
//             (Community uid); a filter is null when not asked for; $after (a learner uid
//             in a list, or null) and $limit: the learners after it, $limit at most.
// Returns: the fields of UnratedRow (lrm_graph/reports/rows.py; relationships counts the
//          active caring relationships) and ratings (list of maps: relationship_uid, side,
//          rated_at, and the five element scores), in learner uid order. Read.
// The learners in uid order from the index of their uids, from the page's key on: a page
// reads its own learners and no others, however deep it is (no sort of the report).
MATCH (l:Learner)
USING INDEX l:Learner(uid)
WHERE l.uid > coalesce($after[0], '')
  AND l.archived_at IS NULL
  AND {{reported(l, $today)}}
  // Only a learner with a rating can lack an element: the index of ratings by learner
  // passes over the others before their relationships are read.
  AND ($section <> 'lacking' OR EXISTS { MATCH (:RelationshipRating {learner_uid: l.uid}) })
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
WHERE CASE
  WHEN size(ratings) = 0 THEN 'unrated'
  WHEN any(element IN $elements WHERE NOT any(rel IN caring WHERE coalesce(head(
         [rt IN ratings WHERE rt.relationship_uid = rel AND rt[element] IS NOT NULL
          | rt[element]]), 0) >= $threshold))
    THEN 'lacking'
END = $section
RETURN l.uid AS learner_uid, l.name AS learner_name, l.grade_level AS grade_level,
       size(caring) AS relationships, ratings
ORDER BY learner_uid
LIMIT $limit
