// Purpose: count a failed sign-in (locking the account for a while after too many), or
//          clear the count after a good one.
// Parameters: $email, $failed (bool), $max_failures, $locked_until (datetime used when
//             the limit is reached), $now. Returns: failed_signins, locked_until. Write.
MATCH (a:Account {email: $email})
SET a.failed_signins = CASE WHEN $failed THEN coalesce(a.failed_signins, 0) + 1 ELSE 0 END
SET a.locked_until = CASE
    WHEN $failed AND a.failed_signins >= $max_failures THEN $locked_until
    WHEN $failed THEN a.locked_until
    ELSE null END,
    a.updated_at = $now
RETURN a.failed_signins AS failed_signins, a.locked_until AS locked_until
