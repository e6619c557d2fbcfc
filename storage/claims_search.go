package storage

import (
	"context"
	"database/sql"
	"fmt"
	"math/bits"

	"github.com/evidence-workbench/workbench/app"
)

var _ app.ClaimSearcher = (*Store)(nil)

// SearchClaims finds the claims whose statement, quote or notes together
// contain every word of the query, folded as SearchText folds them
// (accents, case and apostrophes ignored, the last word also as a prefix);
// best first, statement matches weighing most. A query with no words finds
// nothing. Each hit's snippet is cut from the field that shows most of the
// query's words, with the matches between app.MarkStart and app.MarkEnd.
func (s *Store) SearchClaims(ctx context.Context, query string, limit int) ([]app.ClaimHit, error) {
	terms := queryTerms(query)
	if len(terms) == 0 {
		return []app.ClaimHit{}, nil
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
	hits, err := searchClaims(ctx, tx, terms, limit)
	if err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("commit: %w", err)
	}
	return hits, nil
}

func searchClaims(ctx context.Context, tx *sql.Tx, terms []string, limit int) ([]app.ClaimHit, error) {
	rows, err := tx.QueryContext(ctx, `SELECT c.id, c.article_id, c.statement, c.exact, c.notes
		FROM claims_fts JOIN claims c ON c.seq = claims_fts.rowid
		WHERE claims_fts MATCH ?
		ORDER BY bm25(claims_fts, 4.0, 2.0, 1.0, 0.5), c.seq
		LIMIT ?`, matchExpr(terms), limit)
	if err != nil {
		return nil, fmt.Errorf("search claims: %w", err)
	}
	defer rows.Close()
	hits := []app.ClaimHit{}
	for rows.Next() {
		var h app.ClaimHit
		var exact, notes string
		if err := rows.Scan(&h.ClaimID, &h.ArticleID, &h.Statement, &exact, &notes); err != nil {
			return nil, fmt.Errorf("search hit: %w", err)
		}
		h.Snippet = snippet(bestField(terms, h.Statement, exact, notes), terms)
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search claims: %w", err)
	}
	return hits, nil
}

// bestField returns the first of fields that matches most of the terms.
func bestField(terms []string, fields ...string) string {
	best, most := fields[0], 0
	for _, f := range fields {
		var seen uint64
		for _, w := range tokenize(f) {
			seen |= matchWord(w, terms).terms
		}
		if n := bits.OnesCount64(seen); n > most {
			best, most = f, n
		}
	}
	return best
}
