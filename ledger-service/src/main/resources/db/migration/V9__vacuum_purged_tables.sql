-- The outbox and the processed-event ids live for a retention and are then purged: at 100 trades/s each turns over
-- thousands of rows a minute. PostgreSQL's default autovacuum waits for 20 % of a table to be dead and throttles
-- itself, so on a busy machine freed space can be reused later than new rows arrive and a table grows with its rows
-- flat. These two are vacuumed after about 1,000 dead rows, without throttling (they are small and hot); the
-- outbox's rows are updated once (published) and get room in their page for it.
alter table outbox set (
    fillfactor = 80,
    autovacuum_vacuum_scale_factor = 0.0,
    autovacuum_vacuum_threshold = 1000,
    autovacuum_vacuum_cost_delay = 0
);
alter table processed_event set (
    autovacuum_vacuum_scale_factor = 0.0,
    autovacuum_vacuum_threshold = 1000,
    autovacuum_vacuum_cost_delay = 0
);
