-- Every service keeps its tables in its own schema of one database, and Hibernate's schema validation looks
-- sequences up by name across schemas: otc_pool.outbox_seq (increment 50) was taken for this one (1000).
-- Sequence names are therefore unique across the whole database.
alter sequence outbox_seq rename to ledger_outbox_seq;
