-- Migration 6: names the analyst dismissed from the entity suggestions, so they are not proposed again.
-- One row per matching key (app/names.Key): dismissing "Al-Qaim" also hides "Al Qa'im". name is the spelling
-- that was shown, for the list of dismissed names.

CREATE TABLE dismissed_names (
    name_key     TEXT PRIMARY KEY CHECK (name_key <> ''),
    name         TEXT NOT NULL,
    dismissed_at TEXT NOT NULL
) WITHOUT ROWID;
