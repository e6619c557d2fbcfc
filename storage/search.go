package storage

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/evidence-workbench/workbench/app"
)

// Search result limits: what a limit of 0 or less means, and the most
// results one query returns.
const (
	DefaultSearchLimit = 50
	MaxSearchLimit     = 1000
)

// SearchText finds the articles whose title or text contain every word of
// the query, accents, case and apostrophes ignored ("qaim" finds "Qāʾim"
// and "Qa’im"), the last word also as the start of a longer one; best
// first (title matches weigh more). The query is never read as FTS5
// syntax. A query with no words, e.g. only punctuation, finds nothing.
// Each hit's snippet is cut from the original text with the matches
// between app.MarkStart and app.MarkEnd.
func (s *Store) SearchText(ctx context.Context, query string, limit int) ([]app.TextHit, error) {
	terms := queryTerms(query)
	if len(terms) == 0 {
		return []app.TextHit{}, nil
	}
	if limit <= 0 {
		limit = DefaultSearchLimit
	}
	limit = min(limit, MaxSearchLimit)
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	hits, err := searchText(ctx, tx, terms, limit)
	if err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("commit: %w", err)
	}
	return hits, nil
}

func searchText(ctx context.Context, tx *sql.Tx, terms []string, limit int) ([]app.TextHit, error) {
	rows, err := tx.QueryContext(ctx, `SELECT a.id, a.title, a.text
		FROM article_fts JOIN articles a ON a.seq = article_fts.rowid
		WHERE article_fts MATCH ?
		ORDER BY bm25(article_fts, 5.0, 1.0, 0.5), a.seq
		LIMIT ?`, matchExpr(terms), limit)
	if err != nil {
		return nil, fmt.Errorf("search text: %w", err)
	}
	defer rows.Close()
	hits := []app.TextHit{}
	for rows.Next() {
		var h app.TextHit
		var text string
		if err := rows.Scan(&h.ArticleID, &h.Title, &text); err != nil {
			return nil, fmt.Errorf("search hit: %w", err)
		}
		h.Snippet = snippet(text, terms)
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search text: %w", err)
	}
	return hits, nil
}
