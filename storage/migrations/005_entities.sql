-- Migration 5: entities (people, places, organisations) under every spelling, and the claims that mention them.
-- Conventions as in migration 1. Names may repeat (two people can share a name); an alias spelling names one
-- entity only, so alias_key is unique across the case. An entity's own name is never stored as its alias.
-- Entities are not in a full-text index: the palette's fuzzy index (app/search) folds their names in memory.

CREATE TABLE entities (
    seq        INTEGER PRIMARY KEY,              -- stable rowid (survives VACUUM), for a full-text index later
    id         TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL CHECK (kind IN ('person', 'place', 'organisation', 'other')),
    name       TEXT NOT NULL CHECK (name <> ''),
    name_key   TEXT NOT NULL,                    -- name case-folded, spaces collapsed: listing order and lookup
    notes      TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE INDEX entities_name ON entities (name_key, id);

-- One row per spelling, in the order the analyst gave (position 0, 1, 2 ... per entity), with where it was
-- seen: an article, a claim, or the analyst's own knowledge. A deleted article or claim leaves the alias
-- with that part of its provenance cleared.
CREATE TABLE entity_aliases (
    entity_id  TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    alias      TEXT NOT NULL CHECK (alias <> ''),
    alias_key  TEXT NOT NULL UNIQUE,             -- an alias names one entity only
    article_id TEXT REFERENCES articles (id) ON DELETE SET NULL,
    claim_id   TEXT REFERENCES claims (id) ON DELETE SET NULL,
    by_analyst INTEGER NOT NULL DEFAULT 0 CHECK (by_analyst IN (0, 1)),
    PRIMARY KEY (entity_id, position)
) WITHOUT ROWID;

-- Deleting an article or a claim finds the aliases it must clear through these.
CREATE INDEX entity_aliases_article ON entity_aliases (article_id) WHERE article_id IS NOT NULL;
CREATE INDEX entity_aliases_claim ON entity_aliases (claim_id) WHERE claim_id IS NOT NULL;

-- Claim.EntityIDs, in the order the analyst gave. A merge may leave holes in a claim's positions; only
-- their order counts.
CREATE TABLE claim_entities (
    claim_id  TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    PRIMARY KEY (claim_id, entity_id)
);

-- Covers reading the links of claims in order; the second finds an entity's claims (and its links when it goes).
CREATE INDEX claim_entities_order ON claim_entities (claim_id, position, entity_id);
CREATE INDEX claim_entities_entity ON claim_entities (entity_id);
