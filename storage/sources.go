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

// Sources lists every source with its aliases, by name ignoring case.
func (s *Store) Sources(ctx context.Context) ([]app.Source, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	list, err := listSources(ctx, tx, "")
	if err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("commit: %w", err)
	}
	return list, nil
}

// Source returns one source with its aliases, or ENotFound.
func (s *Store) Source(ctx context.Context, id app.ID) (*app.Source, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	src, err := getSource(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("commit: %w", err)
	}
	return src, nil
}

// getSource reads one source with its aliases, or returns ENotFound.
func getSource(ctx context.Context, tx *sql.Tx, id app.ID) (*app.Source, error) {
	list, err := listSources(ctx, tx, "WHERE id = ?", id)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, app.Errorf(app.ENotFound, "No source with id %s is in the case.", id)
	}
	return &list[0], nil
}

// CreateSource stores a new source with its aliases. It sets src.ID (when
// empty), CreatedAt and UpdatedAt. A name or alias that already names a
// source, ignoring case, is refused with EConflict, so that importing "afp"
// can only ever mean one source. A source created with a grade starts its
// grade history with it (see SourceHistory).
func (s *Store) CreateSource(ctx context.Context, src *app.Source) error {
	n, err := tidySource(src)
	if err != nil {
		return err
	}
	switch {
	case n.ID == "":
		n.ID = app.NewID()
	case !n.ID.Valid():
		return app.Errorf(app.EInvalid, "%q is not a source id", n.ID)
	}
	n.CreatedAt = now()
	n.UpdatedAt = n.CreatedAt

	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if err := createSource(ctx, tx, &n); err != nil {
		return err
	}
	if n.Reliability != app.ReliabilityUngraded {
		g := app.GradeChange{SourceID: n.ID, Reliability: n.Reliability, Note: n.ReliabilityNote, At: n.CreatedAt}
		if err := insertGrade(ctx, tx, g); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit source: %w", err)
	}
	*src = n
	return nil
}

// tidySource checks a source given to CreateSource or UpdateSource and
// returns a copy to store: white space in the name and aliases collapsed,
// aliases that repeat the name or each other (ignoring case) dropped.
func tidySource(src *app.Source) (app.Source, error) {
	if src == nil {
		return app.Source{}, app.Errorf(app.EInvalid, "there is no source to store")
	}
	if err := src.Validate(); err != nil {
		return app.Source{}, err
	}
	n := *src
	n.Name = strings.Join(strings.Fields(src.Name), " ")
	for _, f := range []struct{ what, v string }{
		{"source name", n.Name}, {"homepage", n.Homepage}, {"notes", n.Notes}, {"reliability note", n.ReliabilityNote},
	} {
		if err := validText(f.what, f.v); err != nil {
			return app.Source{}, err
		}
	}
	n.Aliases = nil
	keys := map[string]bool{nameKey(n.Name): true}
	for _, al := range src.Aliases {
		al = strings.Join(strings.Fields(al), " ")
		if err := validText("alias", al); err != nil {
			return app.Source{}, err
		}
		if al == "" || keys[nameKey(al)] {
			continue
		}
		keys[nameKey(al)] = true
		n.Aliases = append(n.Aliases, al)
	}
	return n, nil
}

func createSource(ctx context.Context, tx *sql.Tx, src *app.Source) error {
	for _, name := range append([]string{src.Name}, src.Aliases...) {
		id, existing, err := lookupSource(ctx, tx, nameKey(name))
		if err != nil {
			return err
		}
		if id != "" {
			return app.Errorf(app.EConflict, "“%s” already names the source “%s”.", name, existing)
		}
	}
	var exists bool
	if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM sources WHERE id = ?)", src.ID).Scan(&exists); err != nil {
		return fmt.Errorf("look for source id: %w", err)
	}
	if exists {
		return app.Errorf(app.EConflict, "A source with id %s is already in the case.", src.ID)
	}
	args := append(sourceArgs(src), src.ID)
	if _, err := tx.ExecContext(ctx, `INSERT INTO sources (`+sourceWritable+`, id) VALUES (`+placeholders(len(args))+`)`,
		args...); err != nil {
		return fmt.Errorf("insert source: %w", err)
	}
	for _, al := range src.Aliases {
		if err := insertAlias(ctx, tx, src.ID, al); err != nil {
			return err
		}
	}
	return nil
}

// sourceWritable are the columns of a source's row that createSource and
// writeSource write, in sourceArgs's order.
const sourceWritable = "name, name_key, kind, homepage, notes, reliability, reliability_note, created_at, updated_at"

// sourceArgs are the values of sourceWritable for src.
func sourceArgs(src *app.Source) []any {
	return []any{src.Name, nameKey(src.Name), string(src.Kind), src.Homepage, src.Notes,
		string(src.Reliability), src.ReliabilityNote, formatTime(src.CreatedAt), formatTime(src.UpdatedAt)}
}

// lookupSource finds the source a name key names, by its name first and
// then by its aliases; id is empty when none does.
func lookupSource(ctx context.Context, tx *sql.Tx, key string) (id app.ID, name string, err error) {
	err = tx.QueryRowContext(ctx, `SELECT id, name FROM (
			SELECT 0 AS pri, id, name FROM sources WHERE name_key = ?
			UNION ALL
			SELECT 1, s.id, s.name FROM source_aliases a JOIN sources s ON s.id = a.source_id WHERE a.alias_key = ?
		) ORDER BY pri LIMIT 1`, key, key).Scan(&id, &name)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", nil
	}
	if err != nil {
		return "", "", fmt.Errorf("look up source: %w", err)
	}
	return id, name, nil
}

// findOrCreateSource returns the source that name (or an alias) names,
// ignoring case, creating it with no kind when there is none.
func findOrCreateSource(ctx context.Context, tx *sql.Tx, name string, at time.Time) (app.ID, string, error) {
	name = strings.Join(strings.Fields(name), " ")
	if name == "" {
		return "", "", app.Errorf(app.EInvalid, "a linked source needs a name")
	}
	key := nameKey(name)
	id, stored, err := lookupSource(ctx, tx, key)
	if err != nil || id != "" {
		return id, stored, err
	}
	id = app.NewID()
	if _, err := tx.ExecContext(ctx, `INSERT INTO sources (id, name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
		id, name, key, formatTime(at), formatTime(at)); err != nil {
		return "", "", fmt.Errorf("create source: %w", err)
	}
	return id, name, nil
}

// sourceName returns the name of the source with that id, or ENotFound.
func sourceName(ctx context.Context, tx *sql.Tx, id app.ID) (string, error) {
	var name string
	err := tx.QueryRowContext(ctx, "SELECT name FROM sources WHERE id = ?", id).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return "", app.Errorf(app.ENotFound, "No source with id %s is in the case.", id)
	}
	if err != nil {
		return "", fmt.Errorf("read source name: %w", err)
	}
	return name, nil
}

// listSources reads the sources the where clause selects, with aliases.
func listSources(ctx context.Context, tx *sql.Tx, where string, args ...any) ([]app.Source, error) {
	aliases, err := readAliases(ctx, tx, "WHERE source_id IN (SELECT id FROM sources "+where+")", args...)
	if err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, name, kind, homepage, notes, reliability, reliability_note, created_at, updated_at
		FROM sources `+where+` ORDER BY name_key, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list sources: %w", err)
	}
	defer rows.Close()
	var out []app.Source
	for rows.Next() {
		var src app.Source
		var kind, rel, created, updated string
		if err := rows.Scan(&src.ID, &src.Name, &kind, &src.Homepage, &src.Notes, &rel, &src.ReliabilityNote, &created, &updated); err != nil {
			return nil, fmt.Errorf("list source: %w", err)
		}
		src.Kind, src.Reliability = app.SourceKind(kind), app.Reliability(rel)
		if src.CreatedAt, err = parseTime(created); err != nil {
			return nil, err
		}
		if src.UpdatedAt, err = parseTime(updated); err != nil {
			return nil, err
		}
		src.Aliases = aliases[src.ID]
		out = append(out, src)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list sources: %w", err)
	}
	return out, nil
}

func readAliases(ctx context.Context, tx *sql.Tx, where string, args ...any) (map[app.ID][]string, error) {
	rows, err := tx.QueryContext(ctx, "SELECT source_id, alias FROM source_aliases "+where+" ORDER BY alias_key", args...)
	if err != nil {
		return nil, fmt.Errorf("read aliases: %w", err)
	}
	defer rows.Close()
	out := make(map[app.ID][]string)
	for rows.Next() {
		var id app.ID
		var al string
		if err := rows.Scan(&id, &al); err != nil {
			return nil, fmt.Errorf("read alias: %w", err)
		}
		out[id] = append(out[id], al)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read aliases: %w", err)
	}
	return out, nil
}
