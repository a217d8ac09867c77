-- The wall's ticker is refilled at start-up from the newest received events. Without an index
-- that read sorted the whole events table, which grows with every day of live history.
CREATE INDEX events_received ON events(received_at, at, id);
