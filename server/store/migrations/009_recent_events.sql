-- The wall's ticker is refilled at start-up from the newest received events. Migration 005 found
-- them through an index of every event by arrival, one more B-tree entry per live event (~1.3 µs
-- of the ingest bench's ~23). The newest events are now kept in a table of their own, written
-- once per batch (its last events) and trimmed to RECENT_EVENTS (store/apply-events.ts).
CREATE TABLE recent_events (
  seq INTEGER PRIMARY KEY,
  body TEXT NOT NULL
);
INSERT INTO recent_events (body)
  SELECT body FROM (SELECT body, received_at, at, id FROM events ORDER BY received_at DESC, at DESC, id DESC LIMIT 50)
  ORDER BY received_at, at, id;
DROP INDEX events_received;
