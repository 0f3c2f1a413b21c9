-- The ledger corrects a settlement when a leg is booked after the trade settled, and publishes the correction as the
-- next revision of TradeSettled. The tracked trade keeps the latest revision it stored; settlements stored before
-- revisions existed were revision 1.
alter table tracked_trade add column settlement_revision int;
update tracked_trade set settlement_revision = 1 where settled_at is not null;
