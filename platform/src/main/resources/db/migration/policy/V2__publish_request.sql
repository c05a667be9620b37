-- A request to publish a policy's draft (发布申请), waiting for a second administrator's approval. It names the
-- draft by its content hash: a draft saved after the request no longer matches, and the request is dropped.
create table policy.publish_request
(
    policy_id    text primary key,
    content_hash char(64)    not null,
    requested_by text        not null,
    requested_at timestamptz not null
);
