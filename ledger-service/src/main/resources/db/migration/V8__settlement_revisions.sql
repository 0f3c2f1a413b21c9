-- Correcting settlements: a leg booked after its trade settled (a late fill) settles the trade again and publishes
-- the corrected TradeSettled as the next revision. revision counts the settlements published for a trade (0 while
-- pending); trades settled before it existed had exactly one.
alter table trade add column revision int not null default 0;
update trade set revision = 1 where status <> 'PENDING';

-- The legs as the router decided them, for what settlement needs of them: each leg's expected output, so a partial
-- fill's slippage is measured against the legs that filled. Trades booked before this table have no rows; their
-- settlement pro-rates the trade's expected output instead.
create sequence decided_leg_seq increment by 1000;

create table decided_leg (
    id                  bigint primary key,
    trade_id            text           not null,
    leg_id              text           not null,
    expected_out_amount numeric(39, 0) not null,
    constraint decided_leg_trade_leg_uk unique (trade_id, leg_id)
);
