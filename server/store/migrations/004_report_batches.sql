-- The monthly diagnosis batch (INDICATORS.md, last section): every branch's report of a month,
-- stored as sent. The reports are written first (in several transactions, so a district's
-- batch never holds the database for long), the batch row last: a batch row means all of its
-- reports are there, and its existence is what makes generation idempotent.
CREATE TABLE report_batches (
  month TEXT PRIMARY KEY,
  generated_at INTEGER NOT NULL,
  branches INTEGER NOT NULL,
  elapsed_ms INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE diagnosis_reports (
  month TEXT NOT NULL,
  org_code TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (month, org_code)
) WITHOUT ROWID;
