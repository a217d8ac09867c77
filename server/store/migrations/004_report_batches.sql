-- The monthly diagnosis batch (INDICATORS.md, last section): every branch's report of a month,
-- stored as sent. A batch row is written in the same transaction as its reports, so a batch
-- either exists whole or not at all, and its existence is what makes generation idempotent.
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
