-- The outbox table as a service declares it in its own schema (see OutboxMessage), with a sequence of its own name.
create sequence relay_test_outbox_seq increment by 1000;

create table outbox (
    id           bigint primary key,
    topic        text        not null,
    message_key  text        not null,
    payload      bytea       not null,
    created_at   timestamptz not null,
    published_at timestamptz
);

create index outbox_unpublished on outbox (id) where published_at is null;
