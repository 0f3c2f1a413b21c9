-- Batches book hundreds of rows per table per transaction: one sequence call per 1,000 ids instead of per 50.
-- Must match allocationSize in the entities (Hibernate's pooled optimizer).
alter sequence trade_seq increment by 1000;
alter sequence trade_leg_seq increment by 1000;
alter sequence system_metrics_seq increment by 1000;
alter sequence outbox_seq increment by 1000;
