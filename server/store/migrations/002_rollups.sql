-- Rollups per (organisation, month) and (member, month), kept in step with the facts inside the
-- same transaction, so that evaluation never rescans history.

-- Meetings held per branch, month, kind and party group ('' when not a group meeting), with
-- expected and present attendees for the kinds that make the attendance rate.
CREATE TABLE org_month (
  org_code TEXT NOT NULL,
  month TEXT NOT NULL,
  kind TEXT NOT NULL,
  group_code TEXT NOT NULL DEFAULT '',
  meetings INTEGER NOT NULL DEFAULT 0,
  att_expected INTEGER NOT NULL DEFAULT 0,
  att_present INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (org_code, month, kind, group_code)
) WITHOUT ROWID;
CREATE INDEX org_month_month ON org_month(month);

-- Check-ins per branch and day (the wall's "today's check-ins").
CREATE TABLE org_day (
  org_code TEXT NOT NULL,
  day TEXT NOT NULL,
  checkins INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (org_code, day)
) WITHOUT ROWID;
CREATE INDEX org_day_day ON org_day(day);

CREATE TABLE member_month (
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
  PRIMARY KEY (member_id, month)
) WITHOUT ROWID;
CREATE INDEX member_month_month ON member_month(month);

-- Every change of an organisation's light, with its reasons: "red since … because …".
CREATE TABLE light_history (
  org_code TEXT NOT NULL,
  at INTEGER NOT NULL,
  level TEXT NOT NULL,
  previous TEXT,
  reasons TEXT NOT NULL,
  PRIMARY KEY (org_code, at)
) WITHOUT ROWID;

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
