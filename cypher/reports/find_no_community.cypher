// Purpose: learners in scope without a home base: no active MEMBER_OF a non-archived
//          Community whose kind is $home_base_kind ('advisory'); and whether they belong
//          to any community at all (no active MEMBER_OF any non-archived Community).
// Fragments: reported (cypher/fragments/reported.cypher), the learners a report looks at.
// Parameters: $today (date), $home_base_kind (a CommunityKind value), $visible (uids of
//             the learners the caller may see, or null for all), $grade, $organization
//             (Organization uid), $community (Community uid); a filter is null when not
//             asked for; $in_none (true: only the learners in no community at all);
//             $after (the key of the last row of the page before: a learner uid, or
//             null) and $limit: one page.
// Returns: the fields of LearnerRow (lrm_graph/reports/rows.py) and in_a_community
//          (bool), in learner uid order. Read.
// The learners in uid order from the index of their uids, from the page's key on: a page
// reads its own learners and no others, however deep it is (no sort of the report).
MATCH (l:Learner)
USING INDEX l:Learner(uid)
WHERE l.uid > coalesce($after[0], '')
  AND l.archived_at IS NULL
  AND {{reported(l, $today)}}
  AND NOT EXISTS {
    (l)-[m:MEMBER_OF]->(c:Community)
    WHERE c.kind = $home_base_kind AND c.archived_at IS NULL
      AND (m.until IS NULL OR m.until > $today)
  }
WITH l, EXISTS {
  (l)-[m:MEMBER_OF]->(c:Community)
  WHERE c.archived_at IS NULL AND (m.until IS NULL OR m.until > $today)
} AS in_a_community
WHERE NOT ($in_none AND in_a_community)
RETURN l.uid AS learner_uid, l.name AS learner_name, l.grade_level AS grade_level,
       in_a_community
ORDER BY learner_uid
LIMIT $limit
