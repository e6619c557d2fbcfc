package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/evidence-workbench/workbench/app"
)

// applyPut creates or replaces every item of p (checked by tidyPut), in
// the order that lets references resolve.
func applyPut(ctx context.Context, tx *sql.Tx, p *app.Snapshot) error {
	if err := putSources(ctx, tx, p.Sources); err != nil {
		return err
	}
	if err := putHistory(ctx, tx, p.History); err != nil {
		return err
	}
	retexted, err := putArticles(ctx, tx, p.Articles)
	if err != nil {
		return err
	}
	if err := putEntityRows(ctx, tx, p.Entities); err != nil {
		return err
	}
	if err := putClaims(ctx, tx, p.Claims); err != nil {
		return err
	}
	for i := range p.Entities {
		e := &p.Entities[i]
		if _, err := insertEntityAliases(ctx, tx, e.ID, e.Aliases, 0, false); err != nil {
			return refused("entity", e.ID, err)
		}
	}
	if err := putEvents(ctx, tx, p.Events); err != nil {
		return err
	}
	// No claim may be left on words that are not its quote.
	for _, id := range retexted {
		if err := checkClaimsFit(ctx, tx, id); err != nil {
			return refused("article", id, err)
		}
	}
	return nil
}

// rowID returns the seq of the row of table (articles, claims) with the
// id, or 0 when there is none.
func rowID(ctx context.Context, tx *sql.Tx, table string, id app.ID) (int64, error) {
	var seq int64
	// table is one of this package's table names, never input.
	err := tx.QueryRowContext(ctx, "SELECT seq FROM "+table+" WHERE id = ?", id).Scan(&seq)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("look for %s id: %w", table, err)
	}
	return seq, nil
}

// exists reports whether table holds a row with the id.
func exists(ctx context.Context, tx *sql.Tx, table string, id app.ID) (bool, error) {
	var ok bool
	// table is one of this package's table names, never input.
	if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM "+table+" WHERE id = ?)", id).Scan(&ok); err != nil {
		return false, fmt.Errorf("look for %s id: %w", table, err)
	}
	return ok, nil
}

// putSources creates or replaces sources. The names and aliases of the
// sources replaced are freed first, so that sources may trade them.
func putSources(ctx context.Context, tx *sql.Tx, list []app.Source) error {
	replace := make(map[app.ID]bool)
	for _, src := range list {
		ok, err := exists(ctx, tx, "sources", src.ID)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		replace[src.ID] = true
		// A key no name folds to: nameKey never begins with a space.
		if _, err := tx.ExecContext(ctx, "UPDATE sources SET name_key = ' ' || id WHERE id = ?", src.ID); err != nil {
			return fmt.Errorf("free source name: %w", err)
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM source_aliases WHERE source_id = ?", src.ID); err != nil {
			return fmt.Errorf("clear source aliases: %w", err)
		}
	}
	for i := range list {
		src := &list[i]
		var err error
		if replace[src.ID] {
			err = writeSource(ctx, tx, src)
		} else {
			err = createSource(ctx, tx, src)
		}
		if err != nil {
			return refused("source", src.ID, err)
		}
	}
	return nil
}

// writeSource replaces the stored row of a source whose aliases are
// cleared, grade and times included, and gives it src's aliases. A name
// or alias another source has is EConflict.
func writeSource(ctx context.Context, tx *sql.Tx, src *app.Source) error {
	for _, name := range append([]string{src.Name}, src.Aliases...) {
		if other, err := otherSource(ctx, tx, nameKey(name), src.ID); err != nil {
			return err
		} else if other != "" {
			return app.Errorf(app.EConflict, "“%s” already names the source “%s”.", name, other)
		}
	}
	args := append(sourceArgs(src), src.ID)
	if _, err := tx.ExecContext(ctx, `UPDATE sources SET (`+sourceWritable+`) = (`+placeholders(len(args)-1)+`) WHERE id = ?`,
		args...); err != nil {
		return fmt.Errorf("update source: %w", err)
	}
	for _, al := range src.Aliases {
		if err := insertAlias(ctx, tx, src.ID, al); err != nil {
			return err
		}
	}
	return nil
}

// putHistory adds the grade history rows not stored yet.
func putHistory(ctx context.Context, tx *sql.Tx, list []app.GradeChange) error {
	for _, g := range list {
		if _, err := sourceName(ctx, tx, g.SourceID); err != nil {
			return refused("grade change of the source", g.SourceID, err)
		}
		seq, err := gradeRow(ctx, tx, g)
		if err != nil {
			return err
		}
		if seq != 0 {
			continue
		}
		if err := insertGrade(ctx, tx, g); err != nil {
			return err
		}
	}
	return nil
}

// gradeRow returns the seq of the first history row identical to g, or 0.
func gradeRow(ctx context.Context, tx *sql.Tx, g app.GradeChange) (int64, error) {
	var seq int64
	err := tx.QueryRowContext(ctx, `SELECT seq FROM source_grades
		WHERE source_id = ? AND at = ? AND by_name = ? AND note = ? AND reliability = ? ORDER BY seq LIMIT 1`,
		g.SourceID, formatTime(g.At), g.By, g.Note, string(g.Reliability)).Scan(&seq)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("look for grade change: %w", err)
	}
	return seq, nil
}

// putArticles creates or replaces articles and returns the ids of those
// whose text changed. The text hashes of the articles replaced are freed
// first, so that articles may trade texts.
func putArticles(ctx context.Context, tx *sql.Tx, list []app.Article) (retexted []app.ID, err error) {
	replace := make(map[app.ID]int64)
	for _, a := range list {
		seq, err := rowID(ctx, tx, "articles", a.ID)
		if err != nil {
			return nil, err
		}
		if seq == 0 {
			continue
		}
		replace[a.ID] = seq
		// A hash no text has: TextHash is hexadecimal.
		if _, err := tx.ExecContext(ctx, "UPDATE articles SET text_hash = ' ' || id WHERE seq = ?", seq); err != nil {
			return nil, fmt.Errorf("free text hash: %w", err)
		}
	}
	for i := range list {
		a := &list[i]
		seq, ok := replace[a.ID]
		if !ok {
			if err := createArticle(ctx, tx, a); err != nil {
				return nil, refused("article", a.ID, err)
			}
			continue
		}
		changed, err := writeArticle(ctx, tx, seq, a)
		if err != nil {
			return nil, refused("article", a.ID, err)
		}
		if changed {
			retexted = append(retexted, a.ID)
		}
	}
	return retexted, nil
}

// writeArticle replaces the stored article at seq with a, whole: row,
// excluded ranges, source links and index entry. It reports whether the
// text changed. A text another article has is EConflict.
func writeArticle(ctx context.Context, tx *sql.Tx, seq int64, a *app.Article) (textChanged bool, err error) {
	var other string
	err = tx.QueryRowContext(ctx, "SELECT title FROM articles WHERE text_hash = ? AND seq <> ?", a.TextHash, seq).Scan(&other)
	switch {
	case err == nil:
		if other == "" {
			other = "(untitled)"
		}
		return false, app.Errorf(app.EConflict, "Another article in the case, “%s”, already has this text.", other)
	case !errors.Is(err, sql.ErrNoRows):
		return false, fmt.Errorf("look for duplicate: %w", err)
	}
	var old string
	if err := tx.QueryRowContext(ctx, "SELECT text FROM articles WHERE seq = ?", seq).Scan(&old); err != nil {
		return false, fmt.Errorf("read article text: %w", err)
	}
	args, err := articleArgs(a)
	if err != nil {
		return false, err
	}
	args = append(args, seq)
	if _, err := tx.ExecContext(ctx, `UPDATE articles SET (`+articleWritable+`) = (`+placeholders(len(args)-1)+`) WHERE seq = ?`,
		args...); err != nil {
		return false, fmt.Errorf("update article: %w", err)
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM excluded_ranges WHERE article_id = ?", a.ID); err != nil {
		return false, fmt.Errorf("clear excluded ranges: %w", err)
	}
	if err := insertExcluded(ctx, tx, a.ID, a.Excluded); err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM article_sources WHERE article_id = ?", a.ID); err != nil {
		return false, fmt.Errorf("clear source links: %w", err)
	}
	if a.Sources, err = linkSources(ctx, tx, a.ID, a.Sources, a.UpdatedAt); err != nil {
		return false, err
	}
	return old != a.Text, reindexArticle(ctx, tx, seq, a.Title, a.Text)
}

// putEntityRows creates or replaces the rows of entities, without their
// aliases: those come after the claims their provenance may name. The
// aliases of the entities replaced are cleared first, so that entities may
// trade them.
func putEntityRows(ctx context.Context, tx *sql.Tx, list []app.Entity) error {
	replace := make(map[app.ID]bool)
	for _, e := range list {
		ok, err := exists(ctx, tx, "entities", e.ID)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		replace[e.ID] = true
		if _, err := tx.ExecContext(ctx, "DELETE FROM entity_aliases WHERE entity_id = ?", e.ID); err != nil {
			return fmt.Errorf("clear entity aliases: %w", err)
		}
	}
	for i := range list {
		row := list[i]
		row.Aliases = nil
		var err error
		if replace[row.ID] {
			err = writeEntity(ctx, tx, &row)
		} else {
			err = createEntity(ctx, tx, &row, false)
		}
		if err != nil {
			return refused("entity", row.ID, err)
		}
	}
	return nil
}

// putClaims creates or replaces claims.
func putClaims(ctx context.Context, tx *sql.Tx, list []app.Claim) error {
	for i := range list {
		c := &list[i]
		seq, err := rowID(ctx, tx, "claims", c.ID)
		if err != nil {
			return err
		}
		if seq == 0 {
			err = createClaim(ctx, tx, c)
		} else {
			err = writeClaim(ctx, tx, seq, c)
		}
		if err != nil {
			return refused("claim", c.ID, err)
		}
	}
	return nil
}

// putEvents creates or replaces events with their links.
func putEvents(ctx context.Context, tx *sql.Tx, list []app.Event) error {
	for i := range list {
		e := &list[i]
		ok, err := exists(ctx, tx, "events", e.ID)
		if err != nil {
			return err
		}
		if ok {
			err = replaceEvent(ctx, tx, e, false)
		} else if err = createEvent(ctx, tx, e); err == nil {
			_, err = insertLinks(ctx, tx, e.ID, e.Claims, 0, false)
		}
		if err != nil {
			return refused("event", e.ID, err)
		}
	}
	return nil
}
