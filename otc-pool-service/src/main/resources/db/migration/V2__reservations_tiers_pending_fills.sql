-- Firm quotes that reserve inventory, size tiers, a simulated execution delay, and fills that are claimed first
-- (PENDING) and completed after the delay, so a crash in between loses nothing.

alter table pool
    add column reserved_base_inventory  numeric(39, 0) not null default 0 check (reserved_base_inventory >= 0),
    add column reserved_quote_inventory numeric(39, 0) not null default 0 check (reserved_quote_inventory >= 0),
    add column exec_delay_min_ms        int            not null default 0 check (exec_delay_min_ms >= 0),
    add column exec_delay_max_ms        int            not null default 0,
    add constraint pool_exec_delay_range check (exec_delay_max_ms >= exec_delay_min_ms),
    -- What is reserved is always held: the available inventory (inventory - reserved) never goes negative.
    add constraint pool_reserved_base_held check (base_inventory >= reserved_base_inventory),
    add constraint pool_reserved_quote_held check (quote_inventory >= reserved_quote_inventory);

-- Spread added by size bracket: a trade whose base-equivalent size is at least min_trade_base pays add_bps on top
-- of the base spread (the highest bracket it reaches).
create table pool_size_tier (
    pool_id        text           not null references pool (id) on delete cascade,
    min_trade_base numeric(39, 0) not null check (min_trade_base >= 0),
    add_bps        int            not null check (add_bps between 0 and 10000),
    primary key (pool_id, min_trade_base)
);

-- The first bracket of every seeded pool adds nothing, so the seed prices stay what they were (1,000 SOL at
-- $150 less 25 bps = 149,625 USDC).
insert into pool_size_tier (pool_id, min_trade_base, add_bps)
values ('sol-usdc-main', 0, 0),
       ('sol-usdc-main', 2500000000000, 5),
       ('sol-usdt-main', 0, 0),
       ('sol-usdt-main', 1500000000000, 5);

-- One firm quote's hold on a pool's output inventory, from quoting until it is consumed by a fill or released.
create table reservation (
    quote_id    text           primary key,
    request_id  text           not null,
    pool_id     text           not null references pool (id),
    side        text           not null,
    in_amount   numeric(39, 0) not null check (in_amount > 0),
    out_amount  numeric(39, 0) not null check (out_amount > 0),
    price       numeric(38, 12) not null,
    spread_bps  int            not null,
    expires_at  timestamptz    not null,
    -- RESERVED -> CLAIMED (a decision is executing it) -> CONSUMED; or RESERVED -> RELEASED (expired)
    status      text           not null,
    created_at  timestamptz    not null,
    version     bigint         not null default 0,
    -- A redelivered request gets the same quote back instead of a second hold.
    constraint reservation_request_pool unique (request_id, pool_id)
);

create index reservation_live on reservation (expires_at) where status = 'RESERVED';

alter table pool_fill
    add column quote_id        text,
    add column min_out_amount  numeric(39, 0),
    add column input_mint      text,
    add column output_mint     text,
    add column due_at          timestamptz,
    add column reserved        boolean not null default false,
    add column completed_at    timestamptz,
    add column version         bigint  not null default 0;

create index pool_fill_pending on pool_fill (due_at) where status = 'PENDING';
