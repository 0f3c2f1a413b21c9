-- The ledger: the system of record for trades, their legs and the metrics derived when a trade settles.
-- Amounts are atomic token units (numeric(39,0) holds any u128); prices and USD values are fixed-scale numerics.
-- Sequences increment by 50 to match the JPA allocationSize (Hibernate's pooled optimizer).

create sequence trade_seq increment by 50;
create sequence trade_leg_seq increment by 50;
create sequence system_metrics_seq increment by 50;
create sequence outbox_seq increment by 50;

create table trade (
    id                        bigint primary key,
    trade_id                  text           not null unique,
    client_order_id           text,
    route                     text           not null,
    status                    text           not null,
    pair                      text           not null,
    input_symbol              text           not null,
    input_mint                text           not null,
    input_decimals            int            not null,
    output_symbol             text           not null,
    output_mint               text           not null,
    output_decimals           int            not null,
    amount_in                 numeric(39, 0) not null,
    filled_in_amount          numeric(39, 0),
    out_amount                numeric(39, 0),
    expected_out_amount       numeric(39, 0) not null,
    dex_baseline_out_amount   numeric(39, 0),
    saving_out_amount         numeric(39, 0),
    saving_usd                numeric(30, 6),
    volume_usd                numeric(30, 6),
    execution_price           numeric(38, 12),
    slippage_vs_quote_bps     numeric(20, 4),
    shortfall_vs_arrival_bps  numeric(20, 4),
    jupiter_price_impact_pct  numeric(38, 12),
    input_price_usd           numeric(38, 12),
    output_price_usd          numeric(38, 12),
    legs_expected             int            not null,
    decided_at                timestamptz    not null,
    settled_at                timestamptz,
    version                   bigint         not null,
    constraint trade_status_check check (status in ('PENDING', 'FILLED', 'PARTIALLY_FILLED', 'FAILED'))
);

create index trade_decided_at_idx on trade (decided_at desc, id desc);

-- No foreign key to trade: a leg execution may be consumed before its trade's decision (different topics).
create table trade_leg (
    id              bigint primary key,
    trade_id        text           not null,
    leg_id          text           not null,
    venue           text           not null,
    pool_id         text,
    quote_id        text,
    status          text           not null,
    reason          text,
    in_amount       numeric(39, 0) not null,
    out_amount      numeric(39, 0) not null,
    execution_price numeric(38, 12),
    executed_at     timestamptz    not null,
    constraint trade_leg_trade_leg_uk unique (trade_id, leg_id)
);

create table system_metrics (
    id          bigint primary key,
    name        text            not null,
    value       numeric(38, 12) not null,
    recorded_at timestamptz     not null,
    trade_id    text
);

create index system_metrics_name_recorded_at_idx on system_metrics (name, recorded_at);

-- Event ids already applied: a redelivered event is recognised here and changes nothing.
create table processed_event (
    event_id     text primary key,
    processed_at timestamptz not null
);

-- Transactional outbox: written in the booking transaction, relayed to Kafka by OutboxRelay.
create table outbox (
    id           bigint primary key,
    topic        text        not null,
    message_key  text        not null,
    payload      bytea       not null,
    created_at   timestamptz not null,
    published_at timestamptz
);

create index outbox_unpublished_idx on outbox (id) where published_at is null;
