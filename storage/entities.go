package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/evidence-workbench/workbench/app"
)

var _ app.EntityStore = (*Store)(nil)

// CreateEntity stores a new entity with its aliases, in the order given.
// An ID already set is kept (undoing a delete restores the same entity),
// as are CreatedAt and UpdatedAt when set; zero times become now. The
// entity must pass Entity.Validate. White space in the name and aliases is
// collapsed; an alias that repeats the name or an earlier alias, ignoring
// case, is dropped, as is an empty one. An alias that already names
// another entity is EConflict, naming that entity (names themselves may
// repeat: two people can share one); an alias seen in an article or claim
// that is not in the case is ENotFound; an id already taken EConflict. On
// success e holds the entity as stored; on any error nothing is stored
// and e is left as it was.
func (s *Store) CreateEntity(ctx context.Context, e *app.Entity) error {
	n, err := tidyEntity(e)
	if err != nil {
		return err
	}
	switch {
	case n.ID == "":
		n.ID = app.NewID()
	case !n.ID.Valid():
		return app.Errorf(app.EInvalid, "“%s” is not an entity id.", n.ID)
	}
	at := now()
	if n.CreatedAt.IsZero() {
		n.CreatedAt = at
	}
	if n.UpdatedAt.IsZero() {
		n.UpdatedAt = at
	}
	n.CreatedAt = n.CreatedAt.UTC().Truncate(time.Microsecond)
	n.UpdatedAt = n.UpdatedAt.UTC().Truncate(time.Microsecond)

	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if err := createEntity(ctx, tx, &n, false); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit entity: %w", err)
	}
	*e = n
	return nil
}

// UpdateEntity replaces an entity's kind, name, notes and aliases (the
// list given replaces the stored one, provenance included), checked as
// CreateEntity checks them, and sets UpdatedAt to now; CreatedAt stays.
// An unknown entity is ENotFound. On success e holds the entity as stored.
func (s *Store) UpdateEntity(ctx context.Context, e *app.Entity) error {
	n, err := tidyEntity(e)
	if err != nil {
		return err
	}
	if !n.ID.Valid() {
		return app.Errorf(app.EInvalid, "“%s” is not an entity id.", n.ID)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	cur, err := getEntity(ctx, tx, n.ID)
	if err != nil {
		return err
	}
	n.CreatedAt, n.UpdatedAt = cur.CreatedAt, now()
	if err := writeEntity(ctx, tx, &n); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM entity_aliases WHERE entity_id = ?", n.ID); err != nil {
		return fmt.Errorf("clear entity aliases: %w", err)
	}
	if n.Aliases, err = insertEntityAliases(ctx, tx, n.ID, n.Aliases, 0, false); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit entity: %w", err)
	}
	*e = n
	return nil
}

// DeleteEntity removes an entity with its aliases and its claim links;
// the claims stay. An unknown entity is ENotFound.
func (s *Store) DeleteEntity(ctx context.Context, id app.ID) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	// Aliases and claim_entities rows go with it (ON DELETE CASCADE).
	res, err := tx.ExecContext(ctx, "DELETE FROM entities WHERE id = ?", id)
	if err != nil {
		return fmt.Errorf("delete entity: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("delete entity: %w", err)
	} else if n == 0 {
		return entityNotFound(id)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit entity deletion: %w", err)
	}
	return nil
}

func entityNotFound(id app.ID) error {
	return app.Errorf(app.ENotFound, "No entity with id %s is in the case.", id)
}

// collapse trims s and collapses its runs of white space to one space.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// tidyEntity checks an entity given to CreateEntity or UpdateEntity
// against every rule that needs no database and returns a copy to store:
// name and aliases collapsed, aliases that are empty or repeat the name or
// an earlier alias (ignoring case) dropped, no aliases nil.
func tidyEntity(e *app.Entity) (app.Entity, error) {
	if e == nil {
		return app.Entity{}, app.Errorf(app.EInvalid, "There is no entity to store.")
	}
	n := *e
	n.Name = collapse(e.Name)
	if err := n.Validate(); err != nil {
		return app.Entity{}, err
	}
	for _, f := range []struct{ what, v string }{{"entity name", n.Name}, {"notes", n.Notes}} {
		if err := validText(f.what, f.v); err != nil {
			return app.Entity{}, err
		}
	}
	n.Aliases = nil
	keys := map[string]bool{nameKey(n.Name): true}
	for _, al := range e.Aliases {
		al.Name = collapse(al.Name)
		if err := validText("alias", al.Name); err != nil {
			return app.Entity{}, err
		}
		for _, ref := range []struct {
			what string
			id   app.ID
		}{{"article", al.ArticleID}, {"claim", al.ClaimID}} {
			if ref.id != "" && !ref.id.Valid() {
				return app.Entity{}, app.Errorf(app.EInvalid, "The alias “%s” was seen in the %s “%s”, which is not an id.", al.Name, ref.what, ref.id)
			}
		}
		if al.Name == "" || keys[nameKey(al.Name)] {
			continue
		}
		keys[nameKey(al.Name)] = true
		n.Aliases = append(n.Aliases, al)
	}
	return n, nil
}

// entityWritable are the columns writeEntity and createEntity write, in
// entityArgs's order.
const entityWritable = "kind, name, name_key, notes, created_at, updated_at"

func entityArgs(e *app.Entity) []any {
	return []any{string(e.Kind), e.Name, nameKey(e.Name), e.Notes, formatTime(e.CreatedAt), formatTime(e.UpdatedAt)}
}

// createEntity inserts an entity with its aliases. An id already taken is
// EConflict. With lenient, an alias's article or claim that is not in the
// case is cleared (as deleting it would have done) rather than refused,
// and e's aliases are updated to match.
func createEntity(ctx context.Context, tx *sql.Tx, e *app.Entity, lenient bool) error {
	var exists bool
	if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM entities WHERE id = ?)", e.ID).Scan(&exists); err != nil {
		return fmt.Errorf("look for entity id: %w", err)
	}
	if exists {
		return app.Errorf(app.EConflict, "An entity with id %s is already in the case.", e.ID)
	}
	args := append(entityArgs(e), e.ID)
	if _, err := tx.ExecContext(ctx, `INSERT INTO entities (`+entityWritable+`, id) VALUES (`+placeholders(len(args))+`)`,
		args...); err != nil {
		return fmt.Errorf("insert entity: %w", err)
	}
	var err error
	e.Aliases, err = insertEntityAliases(ctx, tx, e.ID, e.Aliases, 0, lenient)
	return err
}

// writeEntity replaces the stored row of an entity (not its aliases),
// times included; an unknown entity is ENotFound.
func writeEntity(ctx context.Context, tx *sql.Tx, e *app.Entity) error {
	args := entityArgs(e)
	res, err := tx.ExecContext(ctx, `UPDATE entities SET (`+entityWritable+`) = (`+placeholders(len(args))+`) WHERE id = ?`,
		append(args, e.ID)...)
	if err != nil {
		return fmt.Errorf("update entity: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("update entity: %w", err)
	} else if n == 0 {
		return entityNotFound(e.ID)
	}
	return nil
}

// insertEntityAliases gives an entity the aliases at positions from,
// from+1 ... and returns them as stored. An alias another entity has is
// EConflict; an article or claim of its provenance that is not in the case
// is ENotFound or, with lenient, cleared.
func insertEntityAliases(ctx context.Context, tx *sql.Tx, id app.ID, aliases []app.Alias, from int, lenient bool) ([]app.Alias, error) {
	if len(aliases) == 0 {
		return nil, nil
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO entity_aliases
		(entity_id, position, alias, alias_key, article_id, claim_id, by_analyst) VALUES (?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return nil, fmt.Errorf("insert entity aliases: %w", err)
	}
	defer stmt.Close()
	out := make([]app.Alias, 0, len(aliases))
	for i, al := range aliases {
		key := nameKey(al.Name)
		if owner, err := aliasOwner(ctx, tx, key, id); err != nil {
			return nil, err
		} else if owner != "" {
			return nil, app.Errorf(app.EConflict, "The alias “%s” already names the entity “%s”. Remove it there, or merge the two entities.", al.Name, owner)
		}
		if al.ArticleID, err = provenance(ctx, tx, "articles", "article", al.Name, al.ArticleID, lenient); err != nil {
			return nil, err
		}
		if al.ClaimID, err = provenance(ctx, tx, "claims", "claim", al.Name, al.ClaimID, lenient); err != nil {
			return nil, err
		}
		if _, err := stmt.ExecContext(ctx, id, from+i, al.Name, key, nullID(al.ArticleID), nullID(al.ClaimID), al.ByAnalyst); err != nil {
			return nil, fmt.Errorf("insert entity alias: %w", err)
		}
		out = append(out, al)
	}
	return out, nil
}

// aliasOwner returns the name of the entity other than except that has
// the alias key, or "" when none has.
func aliasOwner(ctx context.Context, tx *sql.Tx, key string, except app.ID) (string, error) {
	var name string
	err := tx.QueryRowContext(ctx, `SELECT e.name FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
		WHERE a.alias_key = ? AND a.entity_id <> ?`, key, except).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("look for the alias: %w", err)
	}
	return name, nil
}

// provenance checks that the article or claim (table) an alias was seen
// in is in the case. One that is not is ENotFound or, with lenient, "".
func provenance(ctx context.Context, tx *sql.Tx, table, what, alias string, id app.ID, lenient bool) (app.ID, error) {
	if id == "" {
		return "", nil
	}
	var exists bool
	// table is one of two constants of this package, never input.
	if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM "+table+" WHERE id = ?)", id).Scan(&exists); err != nil {
		return "", fmt.Errorf("look for alias's %s: %w", what, err)
	}
	switch {
	case exists:
		return id, nil
	case lenient:
		return "", nil
	}
	return "", app.Errorf(app.ENotFound, "The alias “%s” was seen in the %s %s, which is not in the case.", alias, what, id)
}

// nullID is id for a nullable column: NULL when empty.
func nullID(id app.ID) any {
	if id == "" {
		return nil
	}
	return string(id)
}
