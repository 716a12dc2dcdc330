// Fragment: screened(expert, on)
// Purpose: the rule that an expert is screened, written once: their screening is cleared
//          and its expiry is on record and not before `on`. A clearance with no expiry
//          (stored before expiries were required) holds for no day: nobody said how long
//          it holds. Always true or false, never null, so a query may also negate it.
// Arguments: expert (a node or map variable of the query), on (a date: a $parameter).
// Used where a query writes {{screened(<variable>, <$date>)}}: lrm_graph/db/cypher.py
// splices it in when it loads the query. Its Python twin, for nodes already read, is
// lrm_graph/store/relationships.is_screened, held equal to it by
// tests/records/test_screened.py.
coalesce({expert}.screening_status = 'cleared' AND {expert}.screening_expires_on >= {on}, false)
