-- Idempotency keys and tracked trades live for a retention and are then purged: at 100 trades/s the tables turn
-- over about 6,000 rows a minute, each inserted, updated once (the answer, the settlement) and deleted. PostgreSQL's
-- default autovacuum waits for 20 % of a table to be dead and throttles itself (2 ms of sleep per 200 pages of work),
-- so on a busy machine the freed space was reused later than new rows arrived and the tables grew with their rows
-- flat (the one-hour soak: idempotency_key 54 -> 70 MiB). These tables are vacuumed after about 1,000 dead rows,
-- without throttling (they are small and hot), and leave room in each page for the one update of every row to stay
-- on its page (a HOT update needs no new index entry).
alter table idempotency_key set (
    fillfactor = 80,
    autovacuum_vacuum_scale_factor = 0.0,
    autovacuum_vacuum_threshold = 1000,
    autovacuum_vacuum_cost_delay = 0,
    toast.autovacuum_vacuum_scale_factor = 0.0,
    toast.autovacuum_vacuum_threshold = 1000,
    toast.autovacuum_vacuum_cost_delay = 0
);
alter table tracked_trade set (
    fillfactor = 80,
    autovacuum_vacuum_scale_factor = 0.0,
    autovacuum_vacuum_threshold = 1000,
    autovacuum_vacuum_cost_delay = 0,
    toast.autovacuum_vacuum_scale_factor = 0.0,
    toast.autovacuum_vacuum_threshold = 1000,
    toast.autovacuum_vacuum_cost_delay = 0
);
alter table tracked_leg set (
    autovacuum_vacuum_scale_factor = 0.0,
    autovacuum_vacuum_threshold = 1000,
    autovacuum_vacuum_cost_delay = 0
);
