-- OTC pools, their fills and the transactional outbox. Amounts are atomic token units (lamports for SOL,
-- micro-units for USDC/USDT): numeric(39,0) holds any u64 and more, never a float.

create table pool (
    id                     text           primary key,
    base_symbol            text           not null,
    base_mint              text           not null,
    base_decimals          int            not null check (base_decimals between 0 and 18),
    quote_symbol           text           not null,
    quote_mint             text           not null,
    quote_decimals         int            not null check (quote_decimals between 0 and 18),
    base_inventory         numeric(39, 0) not null check (base_inventory >= 0),
    quote_inventory        numeric(39, 0) not null check (quote_inventory >= 0),
    initial_base_inventory numeric(39, 0) not null check (initial_base_inventory > 0),
    spread_bps             int            not null check (spread_bps between 0 and 10000),
    price_offset_bps       int            not null default 0,
    min_trade_base         numeric(39, 0) not null check (min_trade_base >= 0),
    max_trade_base         numeric(39, 0) not null,
    quote_ttl_ms           int            not null default 10000 check (quote_ttl_ms > 0),
    active                 boolean        not null default true,
    version                bigint         not null default 0,
    constraint pool_trade_limits check (max_trade_base >= min_trade_base),
    constraint pool_distinct_tokens check (base_mint <> quote_mint)
);

-- The two pools of the original project. SOL has 9 decimals, USDC and USDT 6.
insert into pool (id, base_symbol, base_mint, base_decimals, quote_symbol, quote_mint, quote_decimals,
                  base_inventory, quote_inventory, initial_base_inventory, spread_bps, price_offset_bps,
                  min_trade_base, max_trade_base, quote_ttl_ms, active)
values ('sol-usdc-main', 'SOL', 'So11111111111111111111111111111111111111112', 9,
        'USDC', 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v', 6,
        50000000000000, 7500000000000, 50000000000000, 25, 0,
        100000000000, 5000000000000, 10000, true),
       ('sol-usdt-main', 'SOL', 'So11111111111111111111111111111111111111112', 9,
        'USDT', 'Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB', 6,
        25000000000000, 3750000000000, 25000000000000, 35, -10,
        250000000000, 2500000000000, 10000, true);

create sequence pool_fill_seq start with 1 increment by 50;

create table pool_fill (
    id         bigint         primary key,
    trade_id   text           not null,
    leg_id     text           not null,
    -- No foreign key: a leg naming an unknown pool is still recorded, as REJECTED.
    pool_id    text,
    side       text,
    in_amount  numeric(39, 0) not null,
    out_amount numeric(39, 0) not null,
    price      numeric(38, 12),
    status     text           not null,
    reason     text,
    created_at timestamptz    not null,
    -- The idempotency key of execution: a redelivered RouteDecided cannot fill the same leg twice.
    constraint pool_fill_trade_leg unique (trade_id, leg_id)
);

create sequence outbox_seq start with 1 increment by 50;

create table outbox (
    id           bigint      primary key,
    topic        text        not null,
    message_key  text        not null,
    payload      bytea       not null,
    created_at   timestamptz not null,
    published_at timestamptz
);

create index outbox_unpublished on outbox (id) where published_at is null;
