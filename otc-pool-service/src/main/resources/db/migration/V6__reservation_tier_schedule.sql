-- What legs smaller than a firm quote pay, by the pool's size tiers, as published with the quote (PoolQuoted v3):
-- "minIn:in:out:spreadBps:price" per tier, ";" between, atomic amounts; null when every leg pays the quoted price.
-- Kept with the hold so a leg fills at exactly the price the router was shown, whatever the pool's tiers are by then.
alter table reservation add column tier_schedule text;
