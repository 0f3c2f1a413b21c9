-- router-service's own state: idempotency keys of POST /api/trades and the progress of each trade it decided.
-- Both tables are written only through native insert-first / upsert statements keyed by their natural key, so
-- the natural key is the primary key: the unique constraint is what makes two router instances agree.

create table idempotency_key (
    idempotency_key text        primary key,
    -- SHA-256 (hex) of the canonical request: method, path, query and the JSON body with sorted fields.
    request_hash    char(64)    not null,
    -- Null while the first request is still in flight.
    status_code     int,
    response_body   text,
    content_type    text,
    location        text,
    created_at      timestamptz not null,
    completed_at    timestamptz
);

create index idempotency_key_created_at on idempotency_key (created_at);

-- One row per trade decided by any router instance, updated when the ledger settles it.
create table tracked_trade (
    trade_id          text           primary key,
    -- DECIDED until TradeSettled arrives, then SETTLED.
    status            text           not null,
    -- The decision as answered to the client (JSON); null only if the settlement arrived first.
    summary           jsonb,
    decided_at        timestamptz,
    settlement_status text,
    filled_in_amount  numeric(39, 0),
    out_amount        numeric(39, 0),
    saving_out_amount numeric(39, 0),
    execution_price   numeric(38, 12),
    settled_at        timestamptz
);

-- Per-leg executions as reported by the venues (LegExecuted), for the trade's status page.
create table tracked_leg (
    trade_id    text           not null,
    leg_id      text           not null,
    venue       text           not null,
    pool_id     text,
    status      text           not null,
    reason      text,
    in_amount   numeric(39, 0) not null,
    out_amount  numeric(39, 0) not null,
    executed_at timestamptz    not null,
    primary key (trade_id, leg_id)
);
