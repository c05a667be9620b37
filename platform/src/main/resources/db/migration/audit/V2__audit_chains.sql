-- The audit log as independent hash chains (issue 6): a row belongs to the chain of its actor
-- (chain = actor's hash mod the number of chains, see AuditLog), each chain hashed on its own from the genesis hash,
-- so writers of different chains no longer wait for each other. Rows written before this belong to chain 0, whose
-- history they are unchanged.
alter table audit.audit_event add column chain smallint not null default 0;
create index audit_event_chain on audit.audit_event (chain, id);
