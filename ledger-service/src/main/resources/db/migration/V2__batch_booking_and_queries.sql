-- Settle-timeout sweep: finds pending trades by decision time without scanning settled ones.
create index trade_pending_decided_at_idx on trade (decided_at) where status = 'PENDING';

-- Filters of GET /api/ledger/trades and the analytics aggregates.
create index trade_route_decided_at_idx on trade (route, decided_at desc);
create index trade_pair_decided_at_idx on trade (pair, decided_at desc);
create index trade_settled_at_idx on trade (settled_at) where status <> 'PENDING';

create index system_metrics_trade_id_idx on system_metrics (trade_id);
