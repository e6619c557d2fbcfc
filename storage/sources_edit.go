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

var _ app.SourceEditor = (*Store)(nil)

// UpdateSource replaces a source's name, kind, homepage, notes and aliases
// (the list given replaces the stored one) and sets UpdatedAt. The grade is
// changed only through GradeSource: src's Reliability and ReliabilityNote
// are ignored. A name or alias that already names another source, ignoring
// case, is refused with EConflict; an unknown source is ENotFound. On
// success src holds the source as stored.
func (s *Store) UpdateSource(ctx context.Context, src *app.Source) error {
	n, err := tidySource(src)
	if err != nil {
		return err
	}
	if !n.ID.Valid() {
		return app.Errorf(app.EInvalid, "“%s” is not a source id.", n.ID)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if err := updateSource(ctx, tx, &n); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit source: %w", err)
	}
	*src = n
	return nil
}

func updateSource(ctx context.Context, tx *sql.Tx, n *app.Source) error {
	cur, err := getSource(ctx, tx, n.ID)
	if err != nil {
		return err
	}
	if other, err := otherSource(ctx, tx, nameKey(n.Name), n.ID); err != nil {
		return err
	} else if other != "" {
		return app.Errorf(app.EConflict, "“%s” already names the source “%s”. Choose another name, or merge the two sources.", n.Name, other)
	}
	for _, al := range n.Aliases {
		if other, err := otherSource(ctx, tx, nameKey(al), n.ID); err != nil {
			return err
		} else if other != "" {
			return app.Errorf(app.EConflict, "The alias “%s” already names the source “%s”. Remove it here, or merge the two sources.", al, other)
		}
	}
	n.Reliability, n.ReliabilityNote, n.CreatedAt = cur.Reliability, cur.ReliabilityNote, cur.CreatedAt
	n.UpdatedAt = now()
	if _, err := tx.ExecContext(ctx, `UPDATE sources SET name = ?, name_key = ?, kind = ?, homepage = ?, notes = ?, updated_at = ?
		WHERE id = ?`, n.Name, nameKey(n.Name), string(n.Kind), n.Homepage, n.Notes, formatTime(n.UpdatedAt), n.ID); err != nil {
		return fmt.Errorf("update source: %w", err)
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM source_aliases WHERE source_id = ?", n.ID); err != nil {
		return fmt.Errorf("clear source aliases: %w", err)
	}
	for _, al := range n.Aliases {
		if err := insertAlias(ctx, tx, n.ID, al); err != nil {
			return err
		}
	}
	// Sources lists aliases in key order: give them back that way.
	aliases, err := readAliases(ctx, tx, "WHERE source_id = ?", n.ID)
	if err != nil {
		return err
	}
	n.Aliases = aliases[n.ID]
	return nil
}

// otherSource returns the name of a source other than except whose name or
// alias has the key, or "" when none has.
func otherSource(ctx context.Context, tx *sql.Tx, key string, except app.ID) (string, error) {
	var name string
	err := tx.QueryRowContext(ctx, `SELECT name FROM sources WHERE id <> ?
		AND (name_key = ? OR id IN (SELECT source_id FROM source_aliases WHERE alias_key = ?)) LIMIT 1`,
		except, key, key).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("look for a source with that name: %w", err)
	}
	return name, nil
}

func insertAlias(ctx context.Context, tx *sql.Tx, id app.ID, alias string) error {
	if _, err := tx.ExecContext(ctx, "INSERT INTO source_aliases (source_id, alias, alias_key) VALUES (?, ?, ?)",
		id, alias, nameKey(alias)); err != nil {
		return fmt.Errorf("insert source alias: %w", err)
	}
	return nil
}

// GradeSource sets a source's reliability and the note saying why, and
// appends the change, with by and the time, to the source's history, in
// one transaction. The grade "" removes the grade (also recorded). An
// unknown source is ENotFound.
func (s *Store) GradeSource(ctx context.Context, id app.ID, r app.Reliability, note, by string) error {
	if r != app.ReliabilityUngraded && !r.Valid() {
		return app.Errorf(app.EInvalid, "“%s” is not a source reliability: use A (completely reliable) to F (cannot be judged), or none to remove the grade.", r)
	}
	note, by = strings.TrimSpace(note), strings.TrimSpace(by)
	if err := validText("reliability note", note); err != nil {
		return err
	}
	if err := validText("analyst's name", by); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	g := app.GradeChange{SourceID: id, Reliability: r, Note: note, By: by, At: now()}
	res, err := tx.ExecContext(ctx, "UPDATE sources SET reliability = ?, reliability_note = ?, updated_at = ? WHERE id = ?",
		string(r), note, formatTime(g.At), id)
	if err != nil {
		return fmt.Errorf("grade source: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("grade source: %w", err)
	} else if n == 0 {
		return app.Errorf(app.ENotFound, "No source with id %s is in the case.", id)
	}
	if err := insertGrade(ctx, tx, g); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit grade: %w", err)
	}
	return nil
}

// insertGrade appends one row to a source's grade history.
func insertGrade(ctx context.Context, tx *sql.Tx, g app.GradeChange) error {
	if _, err := tx.ExecContext(ctx, "INSERT INTO source_grades (source_id, reliability, note, by_name, at) VALUES (?, ?, ?, ?, ?)",
		g.SourceID, string(g.Reliability), g.Note, g.By, formatTime(g.At)); err != nil {
		return fmt.Errorf("record grade: %w", err)
	}
	return nil
}

// SourceHistory lists a source's grade changes, oldest first (changes made
// at the same time in the order they were made). A source merged into
// another brings its history along, with its own times and names. An
// unknown source is ENotFound.
func (s *Store) SourceHistory(ctx context.Context, id app.ID) ([]app.GradeChange, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if _, err := sourceName(ctx, tx, id); err != nil {
		return nil, err
	}
	list, err := readHistory(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("commit: %w", err)
	}
	return list, nil
}

// readHistory reads a source's grade history, oldest first.
func readHistory(ctx context.Context, tx *sql.Tx, id app.ID) ([]app.GradeChange, error) {
	rows, err := tx.QueryContext(ctx, `SELECT reliability, note, by_name, at FROM source_grades
		WHERE source_id = ? ORDER BY at, seq`, id)
	if err != nil {
		return nil, fmt.Errorf("read grade history: %w", err)
	}
	defer rows.Close()
	var out []app.GradeChange
	for rows.Next() {
		g := app.GradeChange{SourceID: id}
		var rel, at string
		if err := rows.Scan(&rel, &g.Note, &g.By, &at); err != nil {
			return nil, fmt.Errorf("read grade change: %w", err)
		}
		g.Reliability = app.Reliability(rel)
		if g.At, err = parseTime(at); err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read grade history: %w", err)
	}
	return out, nil
}

// touchArticle sets an article's UpdatedAt.
func touchArticle(ctx context.Context, tx *sql.Tx, id app.ID, at time.Time) error {
	if _, err := tx.ExecContext(ctx, "UPDATE articles SET updated_at = ? WHERE id = ?", formatTime(at), id); err != nil {
		return fmt.Errorf("touch article: %w", err)
	}
	return nil
}
