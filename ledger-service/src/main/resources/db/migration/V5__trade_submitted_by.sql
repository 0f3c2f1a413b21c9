-- Who submitted each trade (RouteDecided v3): 'api-key:<key id>' or 'dashboard-user:<name>'. Null for trades
-- decided before the router recorded it; nothing is back-filled, as nothing recorded it then.
alter table trade add column submitted_by text;

-- The submittedBy filter of GET /api/ledger/trades, newest first like the other filters.
create index trade_submitted_by_decided_at_idx on trade (submitted_by, decided_at desc);
