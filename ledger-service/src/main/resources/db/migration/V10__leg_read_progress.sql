-- How far the ledger instances have read the two leg-execution topics, per partition: every leg record on the
-- partition older than read_through has been booked. The settle-timeout sweep settles a trade without a missing leg
-- only once every partition of both topics has been read past the end of the trade's window (less a slack), so a leg
-- that executed in time but waits unread in a backlog is booked before its trade settles, not corrected after it. A
-- partition without a row has not been read at all.
create table read_progress (
    topic        text        not null,
    partition_no int         not null check (partition_no >= 0),
    read_through timestamptz not null,
    updated_at   timestamptz not null,
    primary key (topic, partition_no)
);
