-- Live events fall in the current month, for members all over the district. Keyed by member
-- first, each event's member_month row and dues index entry sat on a page of their own, so a
-- batch of 1,000 events dirtied ~1,000 pages of each (every one changed, then written to the
-- WAL at the commit). Keyed by month first, the current month's rows lie together on a few
-- hundred pages that stay hot: the ingest bench spent 5 µs less per event (BENCHMARKS.md,
-- session 6). Reads ask for a window of months (a range of this key) or for one member's month.
CREATE TABLE member_month_by_month (
  member_id TEXT NOT NULL,
  month TEXT NOT NULL,
  paid REAL NOT NULL DEFAULT 0,
  paid_full_at INTEGER,
  expected INTEGER NOT NULL DEFAULT 0,
  present INTEGER NOT NULL DEFAULT 0,
  excused INTEGER NOT NULL DEFAULT 0,
  present_points INTEGER NOT NULL DEFAULT 0,
  volunteer_hours REAL NOT NULL DEFAULT 0,
  demo_posts INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (month, member_id)
) WITHOUT ROWID;
INSERT INTO member_month_by_month (member_id, month, paid, paid_full_at, expected, present, excused, present_points, volunteer_hours, demo_posts)
  SELECT member_id, month, paid, paid_full_at, expected, present, excused, present_points, volunteer_hours, demo_posts FROM member_month ORDER BY month, member_id;
-- Drops member_month_month with it: the primary key now starts with the month.
DROP TABLE member_month;
ALTER TABLE member_month_by_month RENAME TO member_month;

DROP INDEX dues_member_month;
CREATE INDEX dues_member_month ON dues (month, member_id, paid_at, amount);
