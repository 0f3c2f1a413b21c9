-- Who submitted what: an Idempotency-Key belongs to the API key that sent it, and a trade to the API key that
-- submitted it.

-- The same Idempotency-Key from two API keys is two different requests: the key id is part of the primary key.
-- Keys stored before belong to no API key (''), which no key id can be (ids are 1-64 characters), so no client
-- replays them; they are purged with the others after the retention.
alter table idempotency_key add column api_key_id text not null default '';
alter table idempotency_key alter column api_key_id drop default;
alter table idempotency_key drop constraint idempotency_key_pkey;
alter table idempotency_key add primary key (api_key_id, idempotency_key);

-- The id of the API key that submitted the trade: a key with only the trade scope reads its own trades. Null for
-- trades decided before, and while only the settlement of a trade has arrived.
alter table tracked_trade add column api_key_id text;
