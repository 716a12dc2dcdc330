// Purpose: each adult's caseload, against the adult's caseload_capacity. The caseload
//          is the number of distinct non-archived learners the adult has an active
//          relationship with of a type in $caseload_types (the caring types that go
//          adult -> learner). Status: 'no capacity set' (capacity null), 'overloaded'
//          (caseload > capacity), 'full' (=), 'room' (<). For the whole district
//          ($visible null): with no filter every non-archived adult is listed; with a
//          filter, the adults with at least one learner in scope, and with $organization
//          also those who actively WORK_AT it. For a caller who sees only some learners
//          ($visible a list): only learners they see are counted (so room and status are
//          as seen from there), and only adults with at least one of them in scope.
// Parameters: $today (date), $caseload_types (list of type names), $visible (uids of the
//             learners the caller may see, or null for all), $grade, $organization
//             (Organization uid), $community (Community uid); a filter is null when not
//             asked for; $after (the key of the last row of the page before:
//             [learners, adult uid], or null) and $limit: one page.
// Returns: the fields of CaseloadRow (lrm_graph/reports/rows.py): learners is the whole
//          caseload, of the learners the caller sees; learners_in_scope, those the filters
//          select; room, capacity - learners (or null); largest caseload first. Read.
MATCH (a:Adult)
WHERE a.archived_at IS NULL
WITH a,
  COUNT {
    MATCH (a)-[r]->(l:Learner)
    WHERE type(r) IN $caseload_types AND l.archived_at IS NULL
      AND ($visible IS NULL OR l.uid IN $visible)
      AND (r.until IS NULL OR r.until > $today)
    RETURN DISTINCT l
  } AS learners
// The page's place first, on the whole caseload alone: an adult before the key is passed
// over before its caseload in scope is counted, so a deep page costs what the first does.
WHERE $after IS NULL OR learners < $after[0] OR (learners = $after[0] AND a.uid > $after[1])
WITH a, learners,
  COUNT {
    MATCH (a)-[r]->(l:Learner)
    WHERE type(r) IN $caseload_types AND l.archived_at IS NULL
      AND ($visible IS NULL OR l.uid IN $visible)
      AND (r.until IS NULL OR r.until > $today)
      AND ($grade IS NULL OR l.grade_level = $grade)
      AND ($organization IS NULL OR EXISTS {
        (l)-[e:ENROLLED_AT]->(o:Organization {uid: $organization})
        WHERE e.until IS NULL OR e.until > $today
      })
      AND ($community IS NULL OR EXISTS {
        (l)-[m:MEMBER_OF]->(c:Community {uid: $community})
        WHERE m.until IS NULL OR m.until > $today
      })
    RETURN DISTINCT l
  } AS learners_in_scope
WHERE learners_in_scope > 0
   OR ($visible IS NULL AND $grade IS NULL AND $organization IS NULL AND $community IS NULL)
   OR ($visible IS NULL AND $organization IS NOT NULL AND EXISTS {
     (a)-[w:WORKS_AT]->(o:Organization {uid: $organization})
     WHERE w.until IS NULL OR w.until > $today
   })
WITH a, learners, learners_in_scope, a.caseload_capacity AS capacity
RETURN a.uid AS adult_uid, a.name AS adult_name, a.roles AS roles, capacity,
       learners, learners_in_scope, capacity - learners AS room,
       CASE
         WHEN capacity IS NULL THEN 'no capacity set'
         WHEN learners > capacity THEN 'overloaded'
         WHEN learners = capacity THEN 'full'
         ELSE 'room'
       END AS status
ORDER BY learners DESC, adult_uid
LIMIT $limit
