-- Every service keeps its tables in its own schema of one database, and Hibernate's schema validation looks
-- sequences up by name across schemas: ledger.outbox_seq (increment 1000) could be taken for this one (50).
-- Sequence names are therefore unique across the whole database.
alter sequence outbox_seq rename to otc_pool_outbox_seq;
