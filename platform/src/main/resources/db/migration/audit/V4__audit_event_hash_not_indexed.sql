-- The audit rows' hashes are not indexed: no query looks a row up by its hash (verify() reads each chain in id order),
-- and a copied or altered row already breaks its chain (prev_hash), so the unique b-tree on 64 random characters added
-- nothing to the tamper evidence while costing ≈ 3.9 µs of the database's CPU per row, two rows per submission
-- (measured: 68,000 rows in statements of 20, 8.1 → 4.2 µs per row without it).
alter table audit.audit_event drop constraint audit_event_hash_key;
