-- Processed event ids are purged after their retention (RetentionPurger), oldest first, in small batches: each batch
-- finds its rows through this index instead of scanning a table that holds a week of events.
create index processed_event_processed_at_idx on processed_event (processed_at);
