package storage

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"github.com/evidence-workbench/workbench/app"
)

// MergeSources moves everything of drop into keep and deletes drop, in one
// transaction: drop's article links point at keep (where keep already holds
// the same role on an article, drop's link is deleted), claims attributed
// to drop are attributed to keep, drop's grade history rows become keep's
// (with their own times and names; keep's current grade stays), and drop's
// name and aliases become keep's aliases (those keep has already are
// skipped). Keep's UpdatedAt is left as it was, so that UnmergeSources can
// put the case back exactly. The record returned says what moved. keep ==
// drop is EInvalid; an unknown source is ENotFound.
func (s *Store) MergeSources(ctx context.Context, keep, drop app.ID) (*app.SourceMerge, error) {
	if keep == drop {
		return nil, app.Errorf(app.EInvalid, "A source cannot be merged into itself: choose two different sources.")
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	m, err := mergeSources(ctx, tx, keep, drop)
	if err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("commit merge: %w", err)
	}
	return m, nil
}

func mergeSources(ctx context.Context, tx *sql.Tx, keep, drop app.ID) (*app.SourceMerge, error) {
	kept, err := getSource(ctx, tx, keep)
	if err != nil {
		return nil, err
	}
	dropped, err := getSource(ctx, tx, drop)
	if err != nil {
		return nil, err
	}
	m := &app.SourceMerge{Keep: keep, Dropped: *dropped}
	if m.DroppedGrades, err = readHistory(ctx, tx, drop); err != nil {
		return nil, err
	}
	if m.Links, err = moveLinks(ctx, tx, keep, dropped); err != nil {
		return nil, err
	}
	if m.Claims, err = moveClaims(ctx, tx, keep, drop); err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE source_grades SET source_id = ? WHERE source_id = ?", keep, drop); err != nil {
		return nil, fmt.Errorf("move grade history: %w", err)
	}
	// Deleting drop frees its name and aliases (the aliases go with it).
	if _, err := tx.ExecContext(ctx, "DELETE FROM sources WHERE id = ?", drop); err != nil {
		return nil, fmt.Errorf("delete merged source: %w", err)
	}
	has := map[string]bool{nameKey(kept.Name): true}
	for _, al := range kept.Aliases {
		has[nameKey(al)] = true
	}
	for _, al := range append([]string{dropped.Name}, dropped.Aliases...) {
		if has[nameKey(al)] {
			continue
		}
		has[nameKey(al)] = true
		if err := insertAlias(ctx, tx, keep, al); err != nil {
			return nil, err
		}
		m.AddedAliases = append(m.AddedAliases, al)
	}
	return m, nil
}

// moveLinks points drop's article links at keep, deleting those whose
// (article, role) keep holds already, and returns what it did in article
// and link order.
func moveLinks(ctx context.Context, tx *sql.Tx, keep app.ID, drop *app.Source) ([]app.MovedLink, error) {
	rows, err := tx.QueryContext(ctx, `SELECT l.article_id, l.role, l.evidence, l.confirmed,
		EXISTS (SELECT 1 FROM article_sources k WHERE k.article_id = l.article_id AND k.source_id = ? AND k.role = l.role)
		FROM article_sources l WHERE l.source_id = ? ORDER BY l.article_id, l.position`, keep, drop.ID)
	if err != nil {
		return nil, fmt.Errorf("read links to move: %w", err)
	}
	defer rows.Close()
	var moved []app.MovedLink
	for rows.Next() {
		var ml app.MovedLink
		var role, ev string
		if err := rows.Scan(&ml.ArticleID, &role, &ev, &ml.Link.Confirmed, &ml.Removed); err != nil {
			return nil, fmt.Errorf("read link to move: %w", err)
		}
		ml.Role = app.Role(role)
		if ml.Link.Evidence, err = decodeEvidence(ev); err != nil {
			return nil, err
		}
		ml.Link.SourceID, ml.Link.Name, ml.Link.Role = drop.ID, drop.Name, ml.Role
		moved = append(moved, ml)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read links to move: %w", err)
	}
	rows.Close()
	compacted := map[app.ID]bool{}
	for _, ml := range moved {
		if ml.Removed && !compacted[ml.ArticleID] {
			// Number the article's links 0, 1, 2 ... so that the link
			// deleted leaves a hole exactly where it stood, for
			// UnmergeSources to fill.
			compacted[ml.ArticleID] = true
			if err := compactLinks(ctx, tx, ml.ArticleID); err != nil {
				return nil, err
			}
		}
	}
	for _, ml := range moved {
		q := "UPDATE article_sources SET source_id = ? WHERE article_id = ? AND source_id = ? AND role = ?"
		args := []any{keep, ml.ArticleID, drop.ID, string(ml.Role)}
		if ml.Removed {
			q, args = "DELETE FROM article_sources WHERE article_id = ? AND source_id = ? AND role = ?", args[1:]
		}
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return nil, fmt.Errorf("move article link: %w", err)
		}
	}
	return moved, nil
}

// compactLinks renumbers an article's link positions 0, 1, 2 ... keeping
// their order.
func compactLinks(ctx context.Context, tx *sql.Tx, articleID app.ID) error {
	rows, err := tx.QueryContext(ctx, "SELECT rowid FROM article_sources WHERE article_id = ? ORDER BY position, rowid", articleID)
	if err != nil {
		return fmt.Errorf("read link order: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return fmt.Errorf("read link order: %w", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read link order: %w", err)
	}
	rows.Close()
	for i, id := range ids {
		if _, err := tx.ExecContext(ctx, "UPDATE article_sources SET position = ? WHERE rowid = ?", i, id); err != nil {
			return fmt.Errorf("renumber links: %w", err)
		}
	}
	return nil
}

// moveClaims attributes drop's claims to keep and returns their ids.
func moveClaims(ctx context.Context, tx *sql.Tx, keep, drop app.ID) ([]app.ID, error) {
	rows, err := tx.QueryContext(ctx, "SELECT id FROM claims WHERE attributed_to = ? ORDER BY id", drop)
	if err != nil {
		return nil, fmt.Errorf("read attributed claims: %w", err)
	}
	defer rows.Close()
	var ids []app.ID
	for rows.Next() {
		var id app.ID
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("read attributed claim: %w", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read attributed claims: %w", err)
	}
	rows.Close()
	if _, err := tx.ExecContext(ctx, "UPDATE claims SET attributed_to = ? WHERE attributed_to = ?", keep, drop); err != nil {
		return nil, fmt.Errorf("move attributions: %w", err)
	}
	return ids, nil
}

// UnmergeSources undoes MergeSources from its record, in one transaction:
// the merged-away source comes back with its id, fields, aliases and grade
// history, keep loses the aliases the merge gave it, and the recorded
// claims and article links point at the source again (deleted links are
// put back in their places). What changed since the merge stays changed:
// a claim attributed elsewhere meanwhile stays so, a link or article
// removed meanwhile is not brought back. An unknown keep is ENotFound; a
// merged-away source already back is EConflict.
func (s *Store) UnmergeSources(ctx context.Context, m *app.SourceMerge) error {
	if err := validMerge(m); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if err := unmergeSources(ctx, tx, m); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit unmerge: %w", err)
	}
	return nil
}

// validMerge checks a merge record before it is undone.
func validMerge(m *app.SourceMerge) error {
	if m == nil {
		return app.Errorf(app.EInvalid, "There is no merge to undo.")
	}
	d := &m.Dropped
	if err := d.Validate(); err != nil {
		return err
	}
	if !d.ID.Valid() || !m.Keep.Valid() {
		return app.Errorf(app.EInvalid, "The merge record names no sources: it cannot be undone.")
	}
	if d.ID == m.Keep {
		return app.Errorf(app.EInvalid, "A source cannot be merged into itself: choose two different sources.")
	}
	for _, g := range m.DroppedGrades {
		if g.Reliability != app.ReliabilityUngraded && !g.Reliability.Valid() {
			return app.Errorf(app.EInvalid, "The merge record holds the grade “%s”, which is not a source reliability.", g.Reliability)
		}
	}
	for _, l := range m.Links {
		if !l.Role.Valid() {
			return app.Errorf(app.EInvalid, "The merge record holds “%s”, which is not a role of a source.", l.Role)
		}
	}
	return nil
}

func unmergeSources(ctx context.Context, tx *sql.Tx, m *app.SourceMerge) error {
	keep, d := m.Keep, m.Dropped
	d.Aliases = slices.Clone(d.Aliases)
	if _, err := sourceName(ctx, tx, keep); err != nil {
		return err
	}
	if name, err := sourceName(ctx, tx, d.ID); err == nil {
		return app.Errorf(app.EConflict, "“%s” is in the case already: this merge was undone before.", name)
	} else if app.ErrorCode(err) != app.ENotFound {
		return err
	}
	for _, al := range m.AddedAliases {
		if _, err := tx.ExecContext(ctx, "DELETE FROM source_aliases WHERE source_id = ? AND alias_key = ?", keep, nameKey(al)); err != nil {
			return fmt.Errorf("remove merged alias: %w", err)
		}
	}
	if err := createSource(ctx, tx, &d); err != nil {
		return err
	}
	for _, g := range m.DroppedGrades {
		if err := restoreGrade(ctx, tx, keep, d.ID, g); err != nil {
			return err
		}
	}
	for _, id := range m.Claims {
		if _, err := tx.ExecContext(ctx, "UPDATE claims SET attributed_to = ? WHERE id = ? AND attributed_to = ?", d.ID, id, keep); err != nil {
			return fmt.Errorf("restore attribution: %w", err)
		}
	}
	for _, l := range m.Links {
		if l.Removed {
			continue
		}
		if _, err := tx.ExecContext(ctx, "UPDATE article_sources SET source_id = ? WHERE article_id = ? AND source_id = ? AND role = ?",
			d.ID, l.ArticleID, keep, string(l.Role)); err != nil {
			return fmt.Errorf("restore article link: %w", err)
		}
	}
	return restoreRemovedLinks(ctx, tx, d.ID, m.Links)
}

// restoreGrade gives one of keep's history rows back to drop: the first
// (by seq) with the recorded values, or a new row when none is left.
func restoreGrade(ctx context.Context, tx *sql.Tx, keep, drop app.ID, g app.GradeChange) error {
	res, err := tx.ExecContext(ctx, `UPDATE source_grades SET source_id = ? WHERE seq = (SELECT seq FROM source_grades
		WHERE source_id = ? AND at = ? AND by_name = ? AND note = ? AND reliability = ? ORDER BY seq LIMIT 1)`,
		drop, keep, formatTime(g.At), g.By, g.Note, string(g.Reliability))
	if err != nil {
		return fmt.Errorf("restore grade history: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("restore grade history: %w", err)
	} else if n > 0 {
		return nil
	}
	g.SourceID = drop
	return insertGrade(ctx, tx, g)
}

// restoreRemovedLinks puts back the links a merge deleted. The merge left a
// hole in the article's link positions where each stood; the removed links
// of an article, in their recorded order, fill its lowest free positions.
func restoreRemovedLinks(ctx context.Context, tx *sql.Tx, drop app.ID, links []app.MovedLink) error {
	used := map[app.ID]map[int]bool{}
	gone := map[app.ID]bool{}
	for _, l := range links {
		if !l.Removed || gone[l.ArticleID] {
			continue
		}
		taken, ok := used[l.ArticleID]
		if !ok {
			var err error
			if taken, ok, err = linkPositions(ctx, tx, l.ArticleID); err != nil {
				return err
			}
			if !ok {
				gone[l.ArticleID] = true // deleted since the merge
				continue
			}
			used[l.ArticleID] = taken
		}
		var exists bool
		if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM article_sources WHERE article_id = ? AND source_id = ? AND role = ?)",
			l.ArticleID, drop, string(l.Role)).Scan(&exists); err != nil {
			return fmt.Errorf("look for article link: %w", err)
		}
		if exists {
			continue
		}
		pos := 0
		for taken[pos] {
			pos++
		}
		taken[pos] = true
		ev, err := encodeEvidence(l.Link.Evidence)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO article_sources (article_id, source_id, role, position, evidence, confirmed)
			VALUES (?, ?, ?, ?, ?, ?)`, l.ArticleID, drop, string(l.Role), pos, ev, l.Link.Confirmed); err != nil {
			return fmt.Errorf("restore article link: %w", err)
		}
	}
	return nil
}

// linkPositions returns the link positions an article uses; found is false
// when the article is not in the case.
func linkPositions(ctx context.Context, tx *sql.Tx, articleID app.ID) (taken map[int]bool, found bool, err error) {
	if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?)", articleID).Scan(&found); err != nil {
		return nil, false, fmt.Errorf("look for article: %w", err)
	}
	if !found {
		return nil, false, nil
	}
	rows, err := tx.QueryContext(ctx, "SELECT position FROM article_sources WHERE article_id = ?", articleID)
	if err != nil {
		return nil, false, fmt.Errorf("read link positions: %w", err)
	}
	defer rows.Close()
	taken = map[int]bool{}
	for rows.Next() {
		var p int
		if err := rows.Scan(&p); err != nil {
			return nil, false, fmt.Errorf("read link position: %w", err)
		}
		taken[p] = true
	}
	if err := rows.Err(); err != nil {
		return nil, false, fmt.Errorf("read link positions: %w", err)
	}
	return taken, true, nil
}
