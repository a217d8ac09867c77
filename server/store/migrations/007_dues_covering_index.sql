-- Each live dues payment re-sums its member's month from that month's payments
-- (statements.ts duesFor). The index found the payments, but each one was then read from the
-- table by its id, on a page of its own: ~10 µs a payment under the ingest bench, once members
-- had paid a dozen times that month. With paid_at and amount in the index, the sum reads the
-- index alone, and in paid_at order.
DROP INDEX dues_member_month;
CREATE INDEX dues_member_month ON dues (member_id, month, paid_at, amount);
