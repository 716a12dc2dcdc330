// Purpose: the Entity-wide constraints and indexes (the per-label ones, a unique uid and
//          the indexes of lrm_graph/db/node_labels.py, are installed through neomodel).
//          Applied by `lrm db migrate` and at API start; every statement is idempotent.
// Parameters: none. Returns: nothing. Write (schema).
// The one file that holds several statements, separated by semicolons.
CREATE CONSTRAINT entity_uid IF NOT EXISTS
FOR (n:Entity) REQUIRE n.uid IS UNIQUE;
// source_id is unique per kind: one composite constraint serves every label, and
// MERGE on (node_kind, source_id) seeks it with a lock, so parallel upserts never duplicate.
CREATE CONSTRAINT entity_kind_source_id IF NOT EXISTS
FOR (n:Entity) REQUIRE (n.node_kind, n.source_id) IS UNIQUE;
CREATE INDEX entity_kind_uid IF NOT EXISTS
FOR (n:Entity) ON (n.node_kind, n.uid);
// standard-folding folds accents, so "zoe" finds "Zoë" and "ngugi" finds "Ngũgĩ".
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Learner|Adult|Expert|Community)
ON EACH [n.name, n.given_name, n.family_name, n.preferred_name]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
// Sign-in records: not part of the relationship graph, so no Entity label.
CREATE CONSTRAINT account_uid IF NOT EXISTS
FOR (a:Account) REQUIRE a.uid IS UNIQUE;
CREATE CONSTRAINT account_email IF NOT EXISTS
FOR (a:Account) REQUIRE a.email IS UNIQUE;
CREATE CONSTRAINT access_token_hash IF NOT EXISTS
FOR (t:AccessToken) REQUIRE t.token_hash IS UNIQUE;
CREATE INDEX access_token_account IF NOT EXISTS
FOR (t:AccessToken) ON (t.account_uid);
CREATE CONSTRAINT api_key_uid IF NOT EXISTS
FOR (k:ApiKey) REQUIRE k.uid IS UNIQUE;
CREATE CONSTRAINT api_key_hash IF NOT EXISTS
FOR (k:ApiKey) REQUIRE k.key_hash IS UNIQUE;
// The audit log: looked up by learner ("who has looked at my child's record?") and time.
CREATE CONSTRAINT audit_entry_uid IF NOT EXISTS
FOR (e:AuditEntry) REQUIRE e.uid IS UNIQUE;
CREATE INDEX audit_entry_learner IF NOT EXISTS
FOR (e:AuditEntry) ON (e.learner_uid, e.at);
CREATE INDEX audit_entry_at IF NOT EXISTS
FOR (e:AuditEntry) ON (e.at);
// ... and by actor: erasing a learner pseudonymises the entries of their own accounts.
CREATE INDEX audit_entry_actor IF NOT EXISTS
FOR (e:AuditEntry) ON (e.actor_id);
// Interests a learner added to the catalogue themself go with them when they are erased.
CREATE INDEX interest_added_by IF NOT EXISTS
FOR (i:Interest) ON (i.added_by_learner_uid);
// An enrollment's links are found by its sourcedId (roster_id) when a delta moves it to
// another class, user or role (imports/end_moved_enrollments).
CREATE INDEX member_of_roster_id IF NOT EXISTS
FOR ()-[r:MEMBER_OF]-() ON (r.roster_id);
CREATE INDEX teaches_roster_id IF NOT EXISTS
FOR ()-[r:TEACHES]-() ON (r.roster_id);
// Import jobs are read back by id from any API instance.
CREATE CONSTRAINT import_job_id IF NOT EXISTS
FOR (j:ImportJob) REQUIRE j.id IS UNIQUE;
// An import's journal (lrm_graph.imports.journal): its batches, played back newest first.
CREATE INDEX import_journal_batch IF NOT EXISTS
FOR (j:ImportJournal) ON (j.import_id, j.seq);
// Erased learners are remembered only as keyed hashes of their source ids (imports skip
// them); the erasure key kept in the database, when no setting gives one, is one node.
CREATE CONSTRAINT erased_source_hash IF NOT EXISTS
FOR (s:ErasedSource) REQUIRE s.hash IS UNIQUE;
CREATE CONSTRAINT erasure_key_name IF NOT EXISTS
FOR (k:ErasureKey) REQUIRE k.name IS UNIQUE;
// The care team's records and the learner's requests: not part of the relationship
// graph (no Entity label), each tied to its learner by `learner_uid`, so that a learner's
// export, erasure, brief and timeline find them with one index seek.
CREATE CONSTRAINT interaction_uid IF NOT EXISTS
FOR (i:Interaction) REQUIRE i.uid IS UNIQUE;
CREATE INDEX interaction_learner IF NOT EXISTS
FOR (i:Interaction) ON (i.learner_uid, i.at);
CREATE INDEX interaction_group IF NOT EXISTS
FOR (i:Interaction) ON (i.interaction_uid);
CREATE CONSTRAINT note_uid IF NOT EXISTS
FOR (n:Note) REQUIRE n.uid IS UNIQUE;
CREATE INDEX note_learner IF NOT EXISTS
FOR (n:Note) ON (n.learner_uid);
CREATE CONSTRAINT intervention_uid IF NOT EXISTS
FOR (i:Intervention) REQUIRE i.uid IS UNIQUE;
CREATE INDEX intervention_learner IF NOT EXISTS
FOR (i:Intervention) ON (i.learner_uid);
CREATE INDEX intervention_owner IF NOT EXISTS
FOR (i:Intervention) ON (i.owner_uid);
CREATE CONSTRAINT mentor_request_uid IF NOT EXISTS
FOR (r:MentorRequest) REQUIRE r.uid IS UNIQUE;
CREATE INDEX mentor_request_learner IF NOT EXISTS
FOR (r:MentorRequest) ON (r.learner_uid);
CREATE INDEX mentor_request_status IF NOT EXISTS
FOR (r:MentorRequest) ON (r.status);
CREATE CONSTRAINT join_request_uid IF NOT EXISTS
FOR (r:JoinRequest) REQUIRE r.uid IS UNIQUE;
CREATE INDEX join_request_learner IF NOT EXISTS
FOR (r:JoinRequest) ON (r.learner_uid);
CREATE INDEX join_request_community IF NOT EXISTS
FOR (r:JoinRequest) ON (r.community_uid);
CREATE CONSTRAINT relationship_rating_uid IF NOT EXISTS
FOR (r:RelationshipRating) REQUIRE r.uid IS UNIQUE;
CREATE INDEX relationship_rating_learner IF NOT EXISTS
FOR (r:RelationshipRating) ON (r.learner_uid);
CREATE INDEX relationship_rating_relationship IF NOT EXISTS
FOR (r:RelationshipRating) ON (r.relationship_uid);
CREATE CONSTRAINT mapping_round_uid IF NOT EXISTS
FOR (r:MappingRound) REQUIRE r.uid IS UNIQUE;
CREATE CONSTRAINT mapping_mark_uid IF NOT EXISTS
FOR (m:MappingMark) REQUIRE m.uid IS UNIQUE;
CREATE INDEX mapping_mark_round IF NOT EXISTS
FOR (m:MappingMark) ON (m.round_uid);
CREATE INDEX mapping_mark_learner IF NOT EXISTS
FOR (m:MappingMark) ON (m.learner_uid);
// District sign-in: a started provider sign-in is found by its state's digest; tokens a
// provider session gave are ended by its back-channel logout (sid); a guardian's
// invitation is found by its link's digest.
CREATE CONSTRAINT sign_in_flow_state IF NOT EXISTS
FOR (f:SignInFlow) REQUIRE f.state_hash IS UNIQUE;
CREATE INDEX access_token_provider_sid IF NOT EXISTS
FOR (t:AccessToken) ON (t.provider_sid);
CREATE INDEX access_token_provider_subject IF NOT EXISTS
FOR (t:AccessToken) ON (t.provider_subject);
CREATE CONSTRAINT invitation_uid IF NOT EXISTS
FOR (i:Invitation) REQUIRE i.uid IS UNIQUE;
CREATE CONSTRAINT invitation_token_hash IF NOT EXISTS
FOR (i:Invitation) REQUIRE i.token_hash IS UNIQUE;
CREATE INDEX invitation_learner IF NOT EXISTS
FOR (i:Invitation) ON (i.learner_uid)
