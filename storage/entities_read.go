package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/evidence-workbench/workbench/app"
)

// Entity returns one entity with its aliases, or ENotFound.
func (s *Store) Entity(ctx context.Context, id app.ID) (*app.Entity, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	e, err := getEntity(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("commit: %w", err)
	}
	return e, nil
}

// Entities lists every entity with its aliases (in the order given, with
// their provenance), by name ignoring case, then by id. It counts them,
// then reads the entities in one query and all their aliases in another.
func (s *Store) Entities(ctx context.Context) ([]app.Entity, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	list, err := listEntities(ctx, tx, "")
	if err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("commit: %w", err)
	}
	return list, nil
}

// ResolveEntityID expands a reference to an entity: its full id, its name
// or one of its aliases ignoring case and spacing, or a unique prefix or
// suffix of its id of at least four characters (ID.Short prints the last
// eight), tried in that order. Nothing found is ENotFound; a name or
// fragment that fits several entities is EInvalid, saying how many.
func (s *Store) ResolveEntityID(ctx context.Context, ref string) (app.ID, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return "", app.Errorf(app.EInvalid, "Name an entity by its name, an alias or its id.")
	}
	tx, err := s.beginRead(ctx)
	if err != nil {
		return "", fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	id, err := resolveEntity(ctx, tx, ref)
	if err != nil {
		return "", err
	}
	if err := tx.Commit(); err != nil {
		return "", fmt.Errorf("commit: %w", err)
	}
	return id, nil
}

func resolveEntity(ctx context.Context, tx *sql.Tx, ref string) (app.ID, error) {
	count := func(from string, args ...any) (int, app.ID, error) {
		var n int
		var id sql.NullString
		if err := tx.QueryRowContext(ctx, "SELECT count(*), min(id) FROM "+from, args...).Scan(&n, &id); err != nil {
			return 0, "", fmt.Errorf("resolve entity: %w", err)
		}
		return n, app.ID(id.String), nil
	}
	f := strings.ToLower(ref)
	if app.ID(f).Valid() {
		if n, id, err := count("entities WHERE id = ?", f); err != nil || n == 1 {
			return id, err
		}
	}
	key := nameKey(ref)
	// UNION drops an entity whose name and alias both fit: it counts once.
	n, id, err := count(`(SELECT id FROM entities WHERE name_key = ?
		UNION SELECT entity_id FROM entity_aliases WHERE alias_key = ?)`, key, key)
	switch {
	case err != nil:
		return "", err
	case n == 1:
		return id, nil
	case n > 1:
		return "", app.Errorf(app.EInvalid, "%d entities are called “%s”: give the id of the one you mean.", n, ref)
	}
	notFound := app.Errorf(app.ENotFound, "No entity is called “%s” or has an id that begins or ends with it.", ref)
	if !isIDFragment(f) {
		return "", notFound
	}
	n, id, err = countIDFragment(ctx, tx, "entities", f)
	switch {
	case err != nil:
		return "", err
	case n == 0:
		return "", notFound
	case n > 1:
		return "", app.Errorf(app.EInvalid, "“%s” fits %d entities: give more of the id, or the entity's name.", ref, n)
	}
	return id, nil
}

// ClaimsOfEntity lists the ids of the claims that link the entity, in
// the order Claims lists them. An unknown entity is ENotFound.
func (s *Store) ClaimsOfEntity(ctx context.Context, id app.ID) ([]app.ID, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if _, err := entityName(ctx, tx, id); err != nil {
		return nil, err
	}
	ids, err := claimsOfEntity(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("commit: %w", err)
	}
	return ids, nil
}

// claimsOfEntity lists the ids of the claims linking an entity, in claim
// order.
func claimsOfEntity(ctx context.Context, tx *sql.Tx, id app.ID) ([]app.ID, error) {
	rows, err := tx.QueryContext(ctx, `SELECT c.id FROM claim_entities l JOIN claims c ON c.id = l.claim_id
		WHERE l.entity_id = ? ORDER BY c.article_id, c.start_rune, c.end_rune, c.id`, id)
	if err != nil {
		return nil, fmt.Errorf("read entity's claims: %w", err)
	}
	defer rows.Close()
	var ids []app.ID
	for rows.Next() {
		var c app.ID
		if err := rows.Scan(&c); err != nil {
			return nil, fmt.Errorf("read entity's claim: %w", err)
		}
		ids = append(ids, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read entity's claims: %w", err)
	}
	return ids, nil
}

// entityName returns the name of the entity with that id, or ENotFound.
func entityName(ctx context.Context, tx *sql.Tx, id app.ID) (string, error) {
	var name string
	err := tx.QueryRowContext(ctx, "SELECT name FROM entities WHERE id = ?", id).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return "", entityNotFound(id)
	}
	if err != nil {
		return "", fmt.Errorf("read entity: %w", err)
	}
	return name, nil
}

// getEntity reads one entity with its aliases, or returns ENotFound.
func getEntity(ctx context.Context, tx *sql.Tx, id app.ID) (*app.Entity, error) {
	list, err := listEntities(ctx, tx, "WHERE id = ?", id)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, entityNotFound(id)
	}
	return &list[0], nil
}

// Orders of the entity list (entities_name serves it) and of aliases (the
// primary key of entity_aliases).
const (
	entityOrder = " ORDER BY name_key, id"
	aliasOrder  = " ORDER BY entity_id, position"
)

// listEntities reads the entities the where clause selects, by name, with
// their aliases: one query for the entities, one for all their aliases.
// Listing every entity first counts the rows, so that the lists are made
// at their size once.
func listEntities(ctx context.Context, tx *sql.Tx, where string, args ...any) ([]app.Entity, error) {
	var nEntities, nAliases int
	if where == "" {
		if err := tx.QueryRowContext(ctx, "SELECT (SELECT count(*) FROM entities), (SELECT count(*) FROM entity_aliases)").Scan(
			&nEntities, &nAliases); err != nil {
			return nil, fmt.Errorf("count entities: %w", err)
		}
		if nEntities == 0 {
			return nil, nil
		}
	}
	rows, err := tx.QueryContext(ctx, "SELECT id, kind, name, notes, created_at, updated_at FROM entities "+where+entityOrder, args...)
	if err != nil {
		return nil, fmt.Errorf("list entities: %w", err)
	}
	defer rows.Close()
	out := make([]app.Entity, 0, nEntities)
	for rows.Next() {
		var e app.Entity
		var created, updated string
		if err := rows.Scan(&e.ID, &e.Kind, &e.Name, &e.Notes, &created, &updated); err != nil {
			return nil, fmt.Errorf("read entity: %w", err)
		}
		if e.CreatedAt, err = parseTime(created); err != nil {
			return nil, err
		}
		if e.UpdatedAt, err = parseTime(updated); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list entities: %w", err)
	}
	rows.Close()
	if len(out) == 0 {
		return nil, nil
	}
	aliasWhere := ""
	if where != "" {
		aliasWhere = "WHERE entity_id IN (SELECT id FROM entities " + where + ")"
	}
	if err := readEntityAliases(ctx, tx, out, nAliases, aliasWhere, args...); err != nil {
		return nil, err
	}
	return out, nil
}

// readEntityAliases reads the aliases the where clause selects into the
// entities of list, each entity's in its order. The aliases of all
// entities share one backing array, made for about n aliases.
func readEntityAliases(ctx context.Context, tx *sql.Tx, list []app.Entity, n int, where string, args ...any) error {
	at := make(map[app.ID]int, len(list))
	for i := range list {
		at[list[i].ID] = i
	}
	rows, err := tx.QueryContext(ctx, "SELECT entity_id, alias, article_id, claim_id, by_analyst FROM entity_aliases "+where+aliasOrder, args...)
	if err != nil {
		return fmt.Errorf("read entity aliases: %w", err)
	}
	defer rows.Close()
	// The rows come grouped by entity: each group is a run of flat.
	type run struct{ entity, from, to int }
	var (
		flat                  = make([]app.Alias, 0, n)
		runs                  = make([]run, 0, len(list))
		entityID, last, alias string
		article, claim        sql.NullString
		byAnalyst             bool
	)
	for rows.Next() {
		if err := rows.Scan(&entityID, &alias, &article, &claim, &byAnalyst); err != nil {
			return fmt.Errorf("read entity alias: %w", err)
		}
		if entityID != last || len(runs) == 0 {
			last = entityID
			i, ok := at[app.ID(entityID)]
			if !ok {
				i = -1 // not an entity listed: skip its aliases
			}
			runs = append(runs, run{entity: i, from: len(flat), to: len(flat)})
		}
		r := &runs[len(runs)-1]
		if r.entity >= 0 {
			flat = append(flat, app.Alias{Name: alias, ArticleID: app.ID(article.String), ClaimID: app.ID(claim.String), ByAnalyst: byAnalyst})
			r.to = len(flat)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read entity aliases: %w", err)
	}
	for _, r := range runs {
		if r.entity >= 0 && r.to > r.from {
			list[r.entity].Aliases = flat[r.from:r.to:r.to]
		}
	}
	return nil
}
