-- The trade history (GET /api/ledger/history and its CSV export) pages by keyset: newest first on
-- (decided_at, id), each page starting where the last one ended. Every filter's index therefore ends in the whole sort
-- key, so a filtered page is a bounded index range at any depth; trade_decided_at_idx (V1) serves the unfiltered one.
-- The route, pair and submitted_by indexes of V2/V5 lacked the id: they are replaced by ones that have it (their
-- leading columns are the same, so the queries that used them still can).
drop index trade_route_decided_at_idx;
create index trade_route_decided_at_idx on trade (route, decided_at desc, id desc);

drop index trade_pair_decided_at_idx;
create index trade_pair_decided_at_idx on trade (pair, decided_at desc, id desc);

drop index trade_submitted_by_decided_at_idx;
create index trade_submitted_by_decided_at_idx on trade (submitted_by, decided_at desc, id desc);

-- New filters: the status (FAILED and PARTIALLY_FILLED are rare, and a desk looks for them) and the client order id.
create index trade_status_decided_at_idx on trade (status, decided_at desc, id desc);
create index trade_client_order_id_decided_at_idx on trade (client_order_id, decided_at desc, id desc)
    where client_order_id is not null;
