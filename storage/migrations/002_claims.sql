-- Migration 2: claims, the analyst's readings of article spans, and their full-text index.
-- Conventions as in migration 1. Offsets are runes, end exclusive (W3C TextPositionSelector).
-- Links from claims to entities (claim_entities) come with the entities table, in a later migration.

CREATE TABLE claims (
    seq              INTEGER PRIMARY KEY,        -- stable rowid of claims_fts (survives VACUUM)
    id               TEXT NOT NULL UNIQUE,
    article_id       TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start_rune       INTEGER NOT NULL CHECK (start_rune >= 0),
    end_rune         INTEGER NOT NULL CHECK (end_rune > start_rune),
    exact            TEXT NOT NULL CHECK (exact <> ''),  -- the quoted words (TextQuoteSelector)
    prefix           TEXT NOT NULL DEFAULT '',
    suffix           TEXT NOT NULL DEFAULT '',
    orphan           INTEGER NOT NULL DEFAULT 0 CHECK (orphan IN (0, 1)),  -- 1: the span is the old text's
    statement        TEXT NOT NULL DEFAULT '',
    credibility      INTEGER NOT NULL DEFAULT 0 CHECK (credibility BETWEEN 0 AND 6),  -- 0 = ungraded
    attributed_to    TEXT REFERENCES sources (id) ON DELETE SET NULL,
    tags             TEXT NOT NULL DEFAULT '[]', -- JSON array of strings
    notes            TEXT NOT NULL DEFAULT '',
    quantity_value   REAL,                       -- NULL: the claim states no quantity
    quantity_unit    TEXT NOT NULL DEFAULT '',
    when_start       TEXT,                       -- '2017-11-03'; NULL: the claim has no date
    when_end         TEXT,                       -- inclusive
    when_precision   TEXT NOT NULL DEFAULT '',   -- app.Precision: 'day', 'month', 'year'
    when_approximate INTEGER NOT NULL DEFAULT 0 CHECK (when_approximate IN (0, 1)),
    when_uncertain   INTEGER NOT NULL DEFAULT 0 CHECK (when_uncertain IN (0, 1)),
    when_expression  TEXT NOT NULL DEFAULT '',   -- the words the date was read from
    when_reference   TEXT NOT NULL DEFAULT '',   -- the date they were resolved against; '' = none
    when_note        TEXT NOT NULL DEFAULT '',
    created_by       TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_by       TEXT NOT NULL DEFAULT '',
    updated_at       TEXT NOT NULL,
    CHECK ((quantity_value IS NULL) = (quantity_unit = '')),
    CHECK ((when_start IS NULL) = (when_end IS NULL)),
    CHECK (when_start IS NULL OR (when_precision IN ('day', 'month', 'year') AND when_end >= when_start))
);

CREATE INDEX claims_article ON claims (article_id, start_rune, end_rune, id);
CREATE INDEX claims_orphans ON claims (article_id, start_rune, end_rune, id) WHERE orphan = 1;
CREATE INDEX claims_when ON claims (when_start, when_end) WHERE when_start IS NOT NULL;
CREATE INDEX claims_attributed ON claims (attributed_to) WHERE attributed_to IS NOT NULL;

-- Full-text index over a FOLDED copy of each claim's statement, quote and notes, exactly as
-- article_fts (see fold.go): alt holds the pieces of words that had apostrophes. rowid = claims.seq.
-- Rows are added by the store's code in the same transaction as the claim (the folding is Go);
-- the trigger removes a claim's entry however the claim goes, including with its article.
CREATE VIRTUAL TABLE claims_fts USING fts5 (
    statement, exact, notes, alt,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER claims_unindex AFTER DELETE ON claims BEGIN
    DELETE FROM claims_fts WHERE rowid = old.seq;
END;
