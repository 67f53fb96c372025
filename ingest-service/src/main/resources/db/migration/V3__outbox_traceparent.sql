-- the W3C traceparent of the request that wrote the row: the relay continues that trace when it publishes
-- (null for rows written before, or outside any trace)
ALTER TABLE outbox_event ADD COLUMN traceparent VARCHAR(64);
