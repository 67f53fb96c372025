-- a re-tagging run walks the articles in (ingested_at, id) order and remembers where it is
ALTER TABLE reprocess_job ADD COLUMN cursor_ingested_at TIMESTAMPTZ;
ALTER TABLE reprocess_job ADD COLUMN cursor_id VARCHAR(40);
ALTER TABLE reprocess_job ADD COLUMN last_error TEXT;
