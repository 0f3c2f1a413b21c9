-- The outbox's rows are appended, marked published once and purged after a retention. PostgreSQL's default
-- autovacuum waits for 20 % of a table to be dead and throttles itself; this small, hot table is vacuumed after
-- about 1,000 dead rows without throttling, and its pages keep room for the one update of each row.
alter table outbox set (
    fillfactor = 80,
    autovacuum_vacuum_scale_factor = 0.0,
    autovacuum_vacuum_threshold = 1000,
    autovacuum_vacuum_cost_delay = 0
);
