-- How far the pool instances have read the routing-decision topic, per partition: every decision on the partition
-- whose record is older than read_through has been processed. The reservation sweep releases an expired firm quote
-- only once every partition has been read past its expiry (less a slack), so a quote whose decision still waits in
-- a backlog keeps its hold. A partition without a row has not been read at all.
create table decision_progress (
    topic        text        not null,
    partition_no int         not null check (partition_no >= 0),
    read_through timestamptz not null,
    updated_at   timestamptz not null,
    primary key (topic, partition_no)
);
