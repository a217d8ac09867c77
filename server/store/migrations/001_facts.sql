-- Facts: append-only rows with unique ids (an id seen twice is a duplicate, not a second fact).
-- Instants are epoch milliseconds; months are 'YYYY-MM' and dates 'YYYY-MM-DD' in Asia/Shanghai.

CREATE TABLE orgs (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  parent_code TEXT,
  category TEXT,
  established_on TEXT,
  term_started_on TEXT,
  term_years INTEGER,
  has_committee INTEGER NOT NULL DEFAULT 0,
  region TEXT,
  lng REAL,
  lat REAL
) WITHOUT ROWID;
CREATE INDEX orgs_parent ON orgs(parent_code);

CREATE TABLE party_groups (
  code TEXT PRIMARY KEY,
  branch_code TEXT NOT NULL,
  name TEXT
) WITHOUT ROWID;

CREATE TABLE members (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  org_code TEXT NOT NULL,
  status TEXT NOT NULL,
  gender TEXT,
  birth_date TEXT,
  joined_on TEXT,
  org_since TEXT,
  group_code TEXT,
  probation_started_on TEXT,
  converted_on TEXT,
  dues_monthly REAL,
  monthly_income REAL,
  income_kind TEXT,
  on_committee INTEGER NOT NULL DEFAULT 0,
  education TEXT,
  is_mobile INTEGER NOT NULL DEFAULT 0,
  phone TEXT,
  left_on TEXT,
  left_reason TEXT
) WITHOUT ROWID;

-- A member's branch history: one row per stay in a branch; until is NULL for the current one.
CREATE TABLE memberships (
  member_id TEXT NOT NULL,
  org_code TEXT NOT NULL,
  since INTEGER NOT NULL,
  until INTEGER,
  PRIMARY KEY (member_id, since)
) WITHOUT ROWID;

CREATE TABLE meetings (
  id TEXT PRIMARY KEY,
  org_code TEXT NOT NULL,
  kind TEXT NOT NULL,
  held_at INTEGER NOT NULL,
  month TEXT NOT NULL,
  group_code TEXT,
  topic TEXT
) WITHOUT ROWID;
CREATE INDEX meetings_month ON meetings(month, held_at);

CREATE TABLE attendance (
  meeting_id TEXT NOT NULL,
  member_id TEXT NOT NULL,
  status TEXT NOT NULL,
  checked_in_at INTEGER,
  PRIMARY KEY (meeting_id, member_id)
) WITHOUT ROWID;

CREATE TABLE dues (
  id TEXT PRIMARY KEY,
  member_id TEXT NOT NULL,
  month TEXT NOT NULL,
  amount REAL NOT NULL,
  paid_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX dues_member_month ON dues(member_id, month);

CREATE TABLE activities (
  id TEXT PRIMARY KEY,
  member_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  hours REAL,
  at INTEGER NOT NULL,
  month TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE tasks (
  id TEXT PRIMARY KEY,
  org_code TEXT NOT NULL,
  title TEXT NOT NULL,
  due_on TEXT NOT NULL,
  completed_on TEXT
) WITHOUT ROWID;

CREATE TABLE applicants (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  org_code TEXT NOT NULL,
  stage TEXT NOT NULL,
  stage_since TEXT
) WITHOUT ROWID;

-- Every live event as received: the idempotency key and the replayable log.
CREATE TABLE events (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  at INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  body TEXT NOT NULL
) WITHOUT ROWID;
