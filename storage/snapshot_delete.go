package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/evidence-workbench/workbench/app"
)

// applyDeletes removes what d names, in reverse order of the puts: events,
// claims, entities, articles, grade history rows, sources. Each deletion
// first makes sure that nothing staying in the case refers to the item,
// so that no cascade in the schema changes anything the change set does
// not name.
func applyDeletes(ctx context.Context, tx *sql.Tx, d *app.SnapshotDeletes) error {
	for _, id := range d.Events {
		if err := deleteRow(ctx, tx, "events", "event", id); err != nil {
			return err
		}
	}
	goingEntities := make(map[app.ID]bool, len(d.Entities))
	for _, id := range d.Entities {
		goingEntities[id] = true
	}
	for _, id := range d.Claims {
		if err := claimUnused(ctx, tx, id, goingEntities); err != nil {
			return err
		}
		if err := deleteRow(ctx, tx, "claims", "claim", id); err != nil {
			return err
		}
	}
	for _, id := range d.Entities {
		if err := stillUsed(ctx, tx, "entity", id, `SELECT coalesce(nullif(c.statement, ''), c.exact) FROM claim_entities l JOIN claims c ON c.id = l.claim_id
			WHERE l.entity_id = ? LIMIT 1`, "the claim “%s” still links it"); err != nil {
			return err
		}
		if err := deleteRow(ctx, tx, "entities", "entity", id); err != nil {
			return err
		}
	}
	for _, id := range d.Articles {
		if err := deleteArticle(ctx, tx, id); err != nil {
			return err
		}
	}
	for _, g := range d.History {
		seq, err := gradeRow(ctx, tx, g)
		if err != nil {
			return err
		}
		if seq == 0 {
			return app.Errorf(app.ENotFound, "Nothing was changed: the grade change of the source %s to “%s” at %s, which the changes delete, is not in the case.",
				g.SourceID.Short(), g.Reliability, formatTime(g.At))
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM source_grades WHERE seq = ?", seq); err != nil {
			return fmt.Errorf("delete grade change: %w", err)
		}
	}
	for _, id := range d.Sources {
		if err := stillUsed(ctx, tx, "source", id, `SELECT coalesce(nullif(a.title, ''), a.id) FROM article_sources l JOIN articles a ON a.id = l.article_id
			WHERE l.source_id = ? LIMIT 1`, "the article “%s” still links it"); err != nil {
			return err
		}
		if err := stillUsed(ctx, tx, "source", id, "SELECT coalesce(nullif(statement, ''), exact) FROM claims WHERE attributed_to = ? LIMIT 1",
			"the claim “%s” is still attributed to it"); err != nil {
			return err
		}
		if err := deleteRow(ctx, tx, "sources", "source", id); err != nil {
			return err
		}
	}
	return nil
}

// deleteRow deletes the row of table with the id; none is ENotFound.
func deleteRow(ctx context.Context, tx *sql.Tx, table, what string, id app.ID) error {
	// table is one of this package's table names, never input.
	res, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE id = ?", id)
	if err != nil {
		return fmt.Errorf("delete %s: %w", what, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("delete %s: %w", what, err)
	} else if n == 0 {
		return app.Errorf(app.ENotFound, "Nothing was changed: the %s %s, which the changes delete, is not in the case.", what, id.Short())
	}
	return nil
}

// stillUsed refuses the deletion of an item that a row the query (given
// the id) finds still refers to; why says how, around the row's label.
func stillUsed(ctx context.Context, tx *sql.Tx, what string, id app.ID, query, why string) error {
	var label string
	err := tx.QueryRowContext(ctx, query, id).Scan(&label)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return fmt.Errorf("look for uses of the %s: %w", what, err)
	}
	return app.Errorf(app.EConflict, "Nothing was changed: the changes delete the %s %s, but "+why+".", what, id.Short(), clip(label))
}

// claimUnused refuses the deletion of a claim an event still links, or
// that an alias of an entity staying in the case was seen in.
func claimUnused(ctx context.Context, tx *sql.Tx, id app.ID, goingEntities map[app.ID]bool) error {
	if err := stillUsed(ctx, tx, "claim", id, `SELECT e.title FROM event_claims l JOIN events e ON e.id = l.event_id
		WHERE l.claim_id = ? LIMIT 1`, "the event “%s” still links it"); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT a.entity_id, e.name FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
		WHERE a.claim_id = ?`, id)
	if err != nil {
		return fmt.Errorf("look for aliases seen in the claim: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var entity app.ID
		var name string
		if err := rows.Scan(&entity, &name); err != nil {
			return fmt.Errorf("look for aliases seen in the claim: %w", err)
		}
		if !goingEntities[entity] {
			return app.Errorf(app.EConflict, "Nothing was changed: the changes delete the claim %s, but an alias of the entity “%s” was seen in it.", id.Short(), name)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("look for aliases seen in the claim: %w", err)
	}
	return nil
}

// deleteArticle deletes an article no claim and no alias refers to, with
// its excluded ranges, source links and index entry.
func deleteArticle(ctx context.Context, tx *sql.Tx, id app.ID) error {
	if err := stillUsed(ctx, tx, "article", id, "SELECT coalesce(nullif(statement, ''), exact) FROM claims WHERE article_id = ? LIMIT 1",
		"its claim “%s” stays"); err != nil {
		return err
	}
	if err := stillUsed(ctx, tx, "article", id, `SELECT e.name FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
		WHERE a.article_id = ? LIMIT 1`, "an alias of the entity “%s” was seen in it"); err != nil {
		return err
	}
	seq, err := rowID(ctx, tx, "articles", id)
	if err != nil {
		return err
	}
	if seq == 0 {
		return app.Errorf(app.ENotFound, "Nothing was changed: the article %s, which the changes delete, is not in the case.", id.Short())
	}
	// The index is contentless and kept by the store's code, not a trigger.
	if _, err := tx.ExecContext(ctx, "DELETE FROM article_fts WHERE rowid = ?", seq); err != nil {
		return fmt.Errorf("unindex article: %w", err)
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM articles WHERE seq = ?", seq); err != nil {
		return fmt.Errorf("delete article: %w", err)
	}
	return nil
}
