-- Migration 1: sources, articles, their links, excluded ranges and the full-text index.
-- Conventions: ids are UUIDv7 text (app.NewID); times are RFC 3339 UTC text with a fixed
-- number of fractional digits, so they sort as text; rune offsets count Unicode code points.

-- "EWB1": tells an Evidence Workbench case from any other SQLite file.
PRAGMA application_id = 0x45574231;

CREATE TABLE sources (
    id               TEXT PRIMARY KEY,
    name             TEXT NOT NULL CHECK (name <> ''),
    name_key         TEXT NOT NULL UNIQUE,       -- name case-folded, spaces collapsed: finds "afp" for "AFP"
    kind             TEXT NOT NULL DEFAULT '',   -- app.SourceKind; '' = not classified yet
    homepage         TEXT NOT NULL DEFAULT '',
    notes            TEXT NOT NULL DEFAULT '',
    reliability      TEXT NOT NULL DEFAULT '' CHECK (reliability IN ('', 'A', 'B', 'C', 'D', 'E', 'F')),
    reliability_note TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);

CREATE TABLE source_aliases (
    source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    alias     TEXT NOT NULL CHECK (alias <> ''),
    alias_key TEXT NOT NULL UNIQUE,              -- an alias names one source only
    PRIMARY KEY (source_id, alias_key)
);

CREATE TABLE articles (
    seq         INTEGER PRIMARY KEY,             -- stable rowid of the full-text index (survives VACUUM)
    id          TEXT NOT NULL UNIQUE,
    title       TEXT NOT NULL DEFAULT '',
    byline      TEXT NOT NULL DEFAULT '',
    url         TEXT NOT NULL DEFAULT '',
    published   TEXT NOT NULL DEFAULT '',        -- app.PubDate.String(): '2017-11-06', '2017-11-06 13:30' or '' (unknown)
    known       TEXT NOT NULL DEFAULT '{}',      -- JSON: how title, byline, url and published are known (app.Evidence)
    text        TEXT NOT NULL,                   -- exactly as imported, never rewritten
    text_hash   TEXT NOT NULL UNIQUE,            -- app.TextHash: the duplicate key
    runes       INTEGER NOT NULL CHECK (runes >= 0),
    format      TEXT NOT NULL DEFAULT '',
    filename    TEXT NOT NULL DEFAULT '',
    warnings    TEXT NOT NULL DEFAULT '[]',      -- JSON array of strings
    imported_at TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE article_sources (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    source_id  TEXT NOT NULL REFERENCES sources (id),
    role       TEXT NOT NULL CHECK (role IN ('publisher', 'origin', 'translator')),
    position   INTEGER NOT NULL,                 -- order the importer or analyst gave
    evidence   TEXT NOT NULL DEFAULT '{}',       -- JSON app.Evidence: how the link is known
    confirmed  INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0, 1)),
    PRIMARY KEY (article_id, source_id, role)
);

CREATE INDEX article_sources_source ON article_sources (source_id);

CREATE TABLE excluded_ranges (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start_rune INTEGER NOT NULL CHECK (start_rune >= 0),
    end_rune   INTEGER NOT NULL CHECK (end_rune >= start_rune),
    kind       TEXT NOT NULL,
    by_analyst INTEGER NOT NULL DEFAULT 0 CHECK (by_analyst IN (0, 1))
);

CREATE INDEX excluded_ranges_article ON excluded_ranges (article_id, start_rune);

-- Full-text index over a FOLDED copy of each article's title and text, computed in Go (see fold.go):
-- unicode61 alone keeps "ʾ" inside words and splits at "’", so "qaim" would not find "Qāʾim" or "Qa’im".
-- body and title hold the folded words with apostrophes dropped ("qaim"); alt holds the pieces of
-- words that had apostrophes ("iraq" "s" for "Iraq's"). rowid = articles.seq. Contentless: the
-- original text lives in articles, snippets are cut from it in Go. Kept in sync by the store's code
-- in the same transaction as every insert and update (a trigger cannot run the Go folding).
CREATE VIRTUAL TABLE article_fts USING fts5 (
    title, body, alt,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);
