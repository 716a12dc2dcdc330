// Purpose: the care team of some learners: the adults and experts with an ACTIVE caring
//          relationship to each (MENTORS, ADVISES, COACHES, COUNSELS from them, or the
//          learner's TRUSTS of them), begun by today and not ended; an expert only while
//          screening is cleared and current and the connection is active
//          (lrm_graph/safeguarding). Archived people are left out.
// Fragments: screened (cypher/fragments/screened.cypher), an expert's screening.
// Parameters: $learner_uids (list of learner uids), $today (date).
// Returns: learner_uid, person_uid, person_name, person_kind, relationship_uid, type,
//          since, until, last_interaction_at (one row per relationship). Read.
UNWIND $learner_uids AS learner_uid
MATCH (l:Entity {uid: learner_uid})-[r:MENTORS|ADVISES|COACHES|COUNSELS|TRUSTS]-(p:Entity)
WHERE l.node_kind = 'learner' AND p.node_kind IN ['adult', 'expert']
  AND p.archived_at IS NULL
  AND (r.since IS NULL OR r.since <= $today)
  AND (r.until IS NULL OR r.until > $today)
  AND (p.node_kind = 'adult' OR (
    {{screened(p, $today)}}
    AND coalesce(r.connection_status, 'active') = 'active'))
RETURN l.uid AS learner_uid, p.uid AS person_uid, p.name AS person_name,
       p.node_kind AS person_kind, r.uid AS relationship_uid, type(r) AS type,
       r.since AS since, r.until AS until, r.last_interaction_at AS last_interaction_at
ORDER BY learner_uid, person_name, relationship_uid
