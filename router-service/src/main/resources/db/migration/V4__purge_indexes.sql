-- Tracked trades and their legs are purged after a retention (TrackedTradePurger), a bounded batch at a time: each
-- batch finds its oldest rows by these indexes instead of scanning the tables.

-- A trade is as old as its decision, or as its settlement when only that arrived.
create index tracked_trade_recorded_at on tracked_trade ((coalesce(decided_at, settled_at)));
-- Legs whose trade is gone (purged, or never tracked) go by the time the venue executed them.
create index tracked_leg_executed_at on tracked_leg (executed_at);
