-- Exactly one trade per client intent. The trade id is allocated when an Idempotency-Key is first claimed and kept
-- with it, so that every attempt under the key works on the same trade; an attempt that resumes a key first finds
-- out whether an earlier one got its decision published (see TradeService) instead of deciding blindly again.

-- Null only for keys claimed before this migration (an attempt that resumes one allocates it then).
alter table idempotency_key add column trade_id text;
-- When the attempt now running under the key started; null while none runs (the last one ended without a final
-- answer: its decision provably never left, or its publication was not confirmed in time). A claim older than
-- abandoned-after belongs to a router instance that crashed.
alter table idempotency_key add column claimed_at timestamptz;
update idempotency_key set claimed_at = created_at where status_code is null;

-- When the broker acknowledged the decision, or the router found it on otc.routes.decided.v1. Decisions stored
-- before this migration were answered only once acknowledged (or lost with a crash, which the ledger's settlement
-- then tells): taken as published.
alter table tracked_trade add column published_at timestamptz;
update tracked_trade set published_at = decided_at where summary is not null;
