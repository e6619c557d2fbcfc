-- Migration 3: the history of each source's reliability grade.
-- Conventions as in migration 1. sources.reliability stays the current grade; every change made
-- through GradeSource is also appended here, with the analyst's note, name and time. A merge moves
-- the merged-away source's rows to the source kept (source_id changes; at, by_name and seq stay).

CREATE TABLE source_grades (
    seq         INTEGER PRIMARY KEY,             -- insertion order: breaks ties between equal times
    source_id   TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    reliability TEXT NOT NULL CHECK (reliability IN ('', 'A', 'B', 'C', 'D', 'E', 'F')),  -- '' = grade removed
    note        TEXT NOT NULL DEFAULT '',        -- why, in the analyst's words
    by_name     TEXT NOT NULL DEFAULT '',        -- who
    at          TEXT NOT NULL                    -- when (RFC 3339 UTC, sorts as text)
);

CREATE INDEX source_grades_source ON source_grades (source_id, at, seq);

-- A source graded before this migration (CreateSource took a grade) starts its history with that
-- grade, dated when the source was last changed, by nobody known.
INSERT INTO source_grades (source_id, reliability, note, by_name, at)
    SELECT id, reliability, reliability_note, '', updated_at FROM sources WHERE reliability <> '' ORDER BY updated_at, id;
