package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/evidence-workbench/workbench/app"
)

// Article returns one article with its text, excluded ranges and sources,
// or ENotFound.
func (s *Store) Article(ctx context.Context, id app.ID) (*app.Article, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	a, _, err := getArticle(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("commit: %w", err)
	}
	return a, nil
}

// ArticleByHash returns the summary of the article with that TextHash, or
// ENotFound.
func (s *Store) ArticleByHash(ctx context.Context, hash string) (*app.ArticleSummary, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	list, err := summaries(ctx, tx, "WHERE text_hash = ?", hash)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, app.Errorf(app.ENotFound, "No article with that text is in the case.")
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("commit: %w", err)
	}
	return &list[0], nil
}

// ResolveArticleID expands an article id: the full id, or a unique prefix or
// suffix of at least four characters (ID.Short prints the last eight). An
// unknown id is ENotFound; a fragment that fits several articles is
// EInvalid, saying how many.
func (s *Store) ResolveArticleID(ctx context.Context, fragment string) (app.ID, error) {
	f := strings.ToLower(strings.TrimSpace(fragment))
	if len(f) < minFragment {
		return "", app.Errorf(app.EInvalid, "“%s” is too short for an article id: give at least %d characters of it.", fragment, minFragment)
	}
	if strings.Trim(f, "0123456789abcdef-") != "" {
		return "", app.Errorf(app.EInvalid, "“%s” is not an article id: ids are written with 0-9, a-f and hyphens.", fragment)
	}
	tx, err := s.beginRead(ctx)
	if err != nil {
		return "", fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	n, id, err := countIDFragment(ctx, tx, "articles", f)
	if err != nil {
		return "", err
	}
	switch {
	case n == 0:
		return "", app.Errorf(app.ENotFound, "No article id begins or ends with “%s”.", fragment)
	case n > 1:
		return "", app.Errorf(app.EInvalid, "“%s” fits %d articles: give more of the id.", fragment, n)
	}
	if err := tx.Commit(); err != nil {
		return "", fmt.Errorf("commit: %w", err)
	}
	return id, nil
}

// Articles lists every article without its text: newest publication first,
// unknown dates last, then by title.
func (s *Store) Articles(ctx context.Context) ([]app.ArticleSummary, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	list, err := summaries(ctx, tx, "")
	if err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("commit: %w", err)
	}
	return list, nil
}

// getArticle reads one article whole, and its index rowid.
func getArticle(ctx context.Context, tx *sql.Tx, id app.ID) (*app.Article, int64, error) {
	var (
		a                          app.Article
		seq                        int64
		published, known, warnings string
		format                     string
		importedAt, updatedAt      string
	)
	err := tx.QueryRowContext(ctx, `SELECT seq, id, title, byline, url, published, known, text, text_hash,
		format, filename, warnings, imported_at, updated_at FROM articles WHERE id = ?`, id).Scan(
		&seq, &a.ID, &a.Title, &a.Byline, &a.URL, &published, &known, &a.Text, &a.TextHash,
		&format, &a.Filename, &warnings, &importedAt, &updatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, 0, app.Errorf(app.ENotFound, "No article with id %s is in the case.", id)
	}
	if err != nil {
		return nil, 0, fmt.Errorf("read article: %w", err)
	}
	a.Format = app.Format(format)
	if a.Published, err = parsePubDate(published); err != nil {
		return nil, 0, err
	}
	if err := decodeKnown(known, &a.ArticleMeta); err != nil {
		return nil, 0, err
	}
	if a.Warnings, err = decodeStrings(warnings); err != nil {
		return nil, 0, err
	}
	if a.ImportedAt, err = parseTime(importedAt); err != nil {
		return nil, 0, err
	}
	if a.UpdatedAt, err = parseTime(updatedAt); err != nil {
		return nil, 0, err
	}
	if a.Excluded, err = readExcluded(ctx, tx, a.ID); err != nil {
		return nil, 0, err
	}
	links, err := readLinks(ctx, tx, "WHERE l.article_id = ?", a.ID)
	if err != nil {
		return nil, 0, err
	}
	a.Sources = links[a.ID]
	return &a, seq, nil
}

func readExcluded(ctx context.Context, tx *sql.Tx, id app.ID) ([]app.Excluded, error) {
	rows, err := tx.QueryContext(ctx, `SELECT start_rune, end_rune, kind, by_analyst FROM excluded_ranges
		WHERE article_id = ? ORDER BY start_rune, end_rune, rowid`, id)
	if err != nil {
		return nil, fmt.Errorf("read excluded ranges: %w", err)
	}
	defer rows.Close()
	var out []app.Excluded
	for rows.Next() {
		var e app.Excluded
		var kind string
		if err := rows.Scan(&e.Start, &e.End, &kind, &e.ByAnalyst); err != nil {
			return nil, fmt.Errorf("read excluded range: %w", err)
		}
		e.Kind = app.BoilerplateKind(kind)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read excluded ranges: %w", err)
	}
	return out, nil
}

// readLinks reads the source links of the articles the where clause (over
// article_sources l) selects, grouped by article, each in its stored order.
func readLinks(ctx context.Context, tx *sql.Tx, where string, args ...any) (map[app.ID][]app.ArticleSource, error) {
	rows, err := tx.QueryContext(ctx, `SELECT l.article_id, l.source_id, s.name, l.role, l.evidence, l.confirmed
		FROM article_sources l JOIN sources s ON s.id = l.source_id `+where+`
		ORDER BY l.article_id, l.position`, args...)
	if err != nil {
		return nil, fmt.Errorf("read source links: %w", err)
	}
	defer rows.Close()
	out := make(map[app.ID][]app.ArticleSource)
	for rows.Next() {
		var id app.ID
		var l app.ArticleSource
		var role, ev string
		if err := rows.Scan(&id, &l.SourceID, &l.Name, &role, &ev, &l.Confirmed); err != nil {
			return nil, fmt.Errorf("read source link: %w", err)
		}
		l.Role = app.Role(role)
		if l.Evidence, err = decodeEvidence(ev); err != nil {
			return nil, err
		}
		out[id] = append(out[id], l)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read source links: %w", err)
	}
	return out, nil
}

// summaries lists the articles the where clause selects, in library order,
// each with the source it speaks for (app.ArticleOrigin) and its grade.
func summaries(ctx context.Context, tx *sql.Tx, where string, args ...any) ([]app.ArticleSummary, error) {
	links, err := readLinks(ctx, tx, "WHERE l.article_id IN (SELECT id FROM articles "+where+")", args...)
	if err != nil {
		return nil, err
	}
	grades, err := linkedGrades(ctx, tx, where, args...)
	if err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, title, published, format, filename, runes,
		(SELECT count(*) FROM claims c WHERE c.article_id = articles.id) FROM articles `+where+`
		ORDER BY published = '', published DESC, title COLLATE NOCASE, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	defer rows.Close()
	var out []app.ArticleSummary
	for rows.Next() {
		var sum app.ArticleSummary
		var published, format string
		if err := rows.Scan(&sum.ID, &sum.Title, &published, &format, &sum.Filename, &sum.Runes, &sum.Claims); err != nil {
			return nil, fmt.Errorf("list article: %w", err)
		}
		if sum.Published, err = parsePubDate(published); err != nil {
			return nil, err
		}
		sum.Format = app.Format(format)
		l := links[sum.ID]
		a := app.Article{Sources: l}
		sum.Publisher = a.SourceNamed(app.RolePublisher)
		sum.Origin = a.SourceNamed(app.RoleOrigin)
		sum.Chain = app.Chain(l)
		sum.OriginID = app.ArticleOrigin(l)
		sum.Reliability = grades[sum.OriginID]
		out = append(out, sum)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return out, nil
}

// linkedGrades reads the reliability of every source linked to the
// articles the where clause selects, in one query.
func linkedGrades(ctx context.Context, tx *sql.Tx, where string, args ...any) (map[app.ID]app.Reliability, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, reliability FROM sources WHERE id IN
		(SELECT source_id FROM article_sources WHERE article_id IN (SELECT id FROM articles `+where+`))`, args...)
	if err != nil {
		return nil, fmt.Errorf("read source grades: %w", err)
	}
	defer rows.Close()
	out := make(map[app.ID]app.Reliability)
	for rows.Next() {
		var id app.ID
		var rel string
		if err := rows.Scan(&id, &rel); err != nil {
			return nil, fmt.Errorf("read source grade: %w", err)
		}
		out[id] = app.Reliability(rel)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read source grades: %w", err)
	}
	return out, nil
}
