-- Every write: who (token name), when, what, and how many rows.
CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  who TEXT NOT NULL,
  action TEXT NOT NULL,
  rows INTEGER NOT NULL,
  detail TEXT
);
CREATE INDEX audit_at ON audit(at);
