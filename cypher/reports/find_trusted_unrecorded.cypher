// Purpose: the learner's voice without the adults': a learner in scope actively TRUSTS
//          an adult (or expert) who has no active relationship of any type towards that
//          learner on record. Archived adults and learners are left out.
// Fragments: reported (cypher/fragments/reported.cypher), the learners a report looks at.
// Parameters: $today (date), $visible (uids of the learners the caller may see, or null
//             for all), $grade, $organization (Organization uid), $community (Community
//             uid); a filter is null when not asked for;
//             $after (the key of the last row of the page before: [learner uid, adult
//             uid], or null) and $limit: one page.
// Returns: the fields of UnrecordedRow (lrm_graph/reports/rows.py), in learner then adult
//          uid order. Read.
// The learners in uid order from the index of their uids, from the page's key on: a page
// reads its own learners and no others, however deep it is (no sort of the report).
MATCH (l:Learner)
USING INDEX l:Learner(uid)
WHERE l.uid >= coalesce($after[0], '')
  AND l.archived_at IS NULL
  AND {{reported(l, $today)}}
MATCH (l)-[t:TRUSTS]->(a:Adult|Expert)
WHERE a.archived_at IS NULL AND (t.until IS NULL OR t.until > $today)
  AND NOT EXISTS {
    (l)<-[x]-(a)
    WHERE x.until IS NULL OR x.until > $today
  }
  AND ($after IS NULL OR l.uid > $after[0] OR a.uid > $after[1])
RETURN l.uid AS learner_uid, l.name AS learner_name, l.grade_level AS grade_level,
       a.uid AS adult_uid, a.name AS adult_name, a.node_kind AS adult_kind,
       t.since AS trusted_since
ORDER BY learner_uid, adult_uid
LIMIT $limit
