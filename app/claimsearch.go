package app

import "context"

// ClaimHit is one claim found by a full-text search, with a snippet of the
// field that matched (statement, quote or notes).
type ClaimHit struct {
	ClaimID   ID
	ArticleID ID
	Statement string
	Snippet   string // the match wrapped in MarkStart and MarkEnd
}

// ClaimSearcher runs full-text queries over claims. The case file store
// implements it; it is not part of Case, so callers type-assert for it.
type ClaimSearcher interface {
	// SearchClaims finds claims whose statement, quote or notes contain the
	// query's words (accents ignored), best first.
	SearchClaims(ctx context.Context, query string, limit int) ([]ClaimHit, error)
}
