-- When the ledger booked each decision, by its own clock. The settle timeout counts from here rather than from the
-- decision's occurredAt, so the legs of a decision read late (behind a database outage, a backlog, a restart) get
-- their whole window (see SettleRule). Back-filled for pending trades only, the ones the sweep reads; settled trades
-- keep null, as nothing recorded it then.
alter table trade add column booked_at timestamptz;
update trade set booked_at = decided_at where status = 'PENDING';

-- The settle-timeout sweep finds pending trades by booking time now.
drop index trade_pending_decided_at_idx;
create index trade_pending_booked_at_idx on trade (booked_at) where status = 'PENDING';
