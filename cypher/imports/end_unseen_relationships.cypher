// Purpose: end (until = today, history kept) up to $limit active imported relationships
//          that came from the named roster files but are not in this import: after a bulk
//          set, what the roster no longer lists. Relationships the LRM owns (source other
//          than 'imported': mentoring, trust, goals...) are never touched. Run until it
//          ends none.
// Parameters: $files (list of roster file names given in bulk), $import_id, $today
//             (date), $now (datetime), $limit.
// Returns: ended (count). Write.
MATCH ()-[r:MEMBER_OF|TEACHES|ENROLLED_AT|WORKS_AT|GUARDIAN_OF|PART_OF]->()
WHERE r.source = 'imported' AND r.roster_file IN $files
  AND (r.until IS NULL OR r.until > $today)
  AND coalesce(r.roster_seen, '') <> $import_id
WITH r
LIMIT $limit
SET r.until = $today, r.ended_reason = 'left the roster', r.updated_at = $now
RETURN count(r) AS ended
