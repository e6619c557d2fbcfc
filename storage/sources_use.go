package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/evidence-workbench/workbench/app"
)

// SourceUsage counts, for every source in the case (unused ones with
// zeros), the distinct articles that link it in any role and the claims
// attributed to it.
func (s *Store) SourceUsage(ctx context.Context) (map[app.ID]app.SourceUsage, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	out := make(map[app.ID]app.SourceUsage)
	rows, err := tx.QueryContext(ctx, `SELECT s.id, count(DISTINCT l.article_id)
		FROM sources s LEFT JOIN article_sources l ON l.source_id = s.id GROUP BY s.id`)
	if err != nil {
		return nil, fmt.Errorf("count source links: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id app.ID
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, fmt.Errorf("count source links: %w", err)
		}
		out[id] = app.SourceUsage{Articles: n}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("count source links: %w", err)
	}
	rows.Close()
	rows, err = tx.QueryContext(ctx, `SELECT attributed_to, count(*) FROM claims
		WHERE attributed_to IS NOT NULL GROUP BY attributed_to`)
	if err != nil {
		return nil, fmt.Errorf("count attributions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id app.ID
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, fmt.Errorf("count attributions: %w", err)
		}
		u := out[id]
		u.Claims = n
		out[id] = u
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("count attributions: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("commit: %w", err)
	}
	return out, nil
}

// DeleteSource removes a source that no article links and no claim is
// attributed to, with its aliases and grade history. An unknown source is
// ENotFound; a source still in use is EConflict, saying how much uses it.
func (s *Store) DeleteSource(ctx context.Context, id app.ID) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	name, err := sourceName(ctx, tx, id)
	if err != nil {
		return err
	}
	var articles, claims int
	if err := tx.QueryRowContext(ctx, `SELECT
		(SELECT count(DISTINCT article_id) FROM article_sources WHERE source_id = ?),
		(SELECT count(*) FROM claims WHERE attributed_to = ?)`, id, id).Scan(&articles, &claims); err != nil {
		return fmt.Errorf("count source use: %w", err)
	}
	if articles > 0 || claims > 0 {
		return app.Errorf(app.EConflict, "“%s” is still used by %s and %s; merge it into another source instead of deleting it.",
			name, count(articles, "article"), count(claims, "claim"))
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM sources WHERE id = ?", id); err != nil {
		return fmt.Errorf("delete source: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit source deletion: %w", err)
	}
	return nil
}

// count writes "1 article" or "3 articles".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// ResolveSource finds the source ref names: its full id, its name or one of
// its aliases (ignoring case and spacing), or a unique prefix or suffix of
// its id of at least four characters (ID.Short prints the last eight), in
// that order. Nothing found is ENotFound; a fragment that fits several
// sources is EInvalid, saying how many.
func (s *Store) ResolveSource(ctx context.Context, ref string) (*app.Source, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil, app.Errorf(app.EInvalid, "Name a source: give its name, an alias or its id.")
	}
	if err := validText("source name", ref); err != nil {
		return nil, err
	}
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	src, err := resolveSource(ctx, tx, ref)
	if err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("commit: %w", err)
	}
	return src, nil
}

func resolveSource(ctx context.Context, tx *sql.Tx, ref string) (*app.Source, error) {
	f := strings.ToLower(ref)
	if app.ID(f).Valid() {
		src, err := getSource(ctx, tx, app.ID(f))
		if app.ErrorCode(err) != app.ENotFound {
			return src, err
		}
	}
	id, _, err := lookupSource(ctx, tx, nameKey(ref))
	if err != nil {
		return nil, err
	}
	if id != "" {
		return getSource(ctx, tx, id)
	}
	notFound := app.Errorf(app.ENotFound, "No source is called “%s”, has it as an alias, or has an id that begins or ends with it.", ref)
	if !isIDFragment(f) {
		return nil, notFound
	}
	n, found, err := countIDFragment(ctx, tx, "sources", f)
	if err != nil {
		return nil, err
	}
	switch {
	case n == 0:
		return nil, notFound
	case n > 1:
		return nil, app.Errorf(app.EInvalid, "“%s” fits %d sources: give more of the id, or the source's name.", ref, n)
	}
	return getSource(ctx, tx, found)
}

// SetArticleSources replaces an article's source links, in the order given,
// and sets the article's UpdatedAt. Links given by SourceID must name a
// source in the case (ENotFound otherwise); links given by Name only are
// found by name or alias, ignoring case, or created, as CreateArticle does.
// Evidence and Confirmed are stored as given; a link given twice (same
// source, same role) is kept once. An unknown article is ENotFound.
func (s *Store) SetArticleSources(ctx context.Context, articleID app.ID, links []app.ArticleSource) error {
	for _, l := range links {
		if !l.Role.Valid() {
			return app.Errorf(app.EInvalid, "“%s” is not a role of a source: use publisher, origin or translator.", l.Role)
		}
		if l.SourceID != "" && !l.SourceID.Valid() {
			return app.Errorf(app.EInvalid, "“%s” is not a source id.", l.SourceID)
		}
		if l.SourceID == "" && strings.TrimSpace(l.Name) == "" {
			return app.Errorf(app.EInvalid, "A linked source needs a name.")
		}
		if err := validText("source name", l.Name); err != nil {
			return err
		}
		if err := validText("source evidence", l.Evidence.Detail); err != nil {
			return err
		}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	var exists bool
	if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?)", articleID).Scan(&exists); err != nil {
		return fmt.Errorf("look for article: %w", err)
	}
	if !exists {
		return app.Errorf(app.ENotFound, "No article with id %s is in the case.", articleID)
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM article_sources WHERE article_id = ?", articleID); err != nil {
		return fmt.Errorf("clear source links: %w", err)
	}
	at := now()
	if _, err := linkSources(ctx, tx, articleID, links, at); err != nil {
		return err
	}
	if err := touchArticle(ctx, tx, articleID, at); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit source links: %w", err)
	}
	return nil
}
