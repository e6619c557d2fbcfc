package app

import "context"

// ClaimFilter narrows a claim listing.
type ClaimFilter struct {
	ArticleID ID   // only this article's claims ("" = all)
	Orphans   bool // only claims whose anchor could not be placed
	Limit     int  // at most this many (0 = all)
}

// ClaimStore keeps claims. Every method is one transaction, so each
// annotation action the analyst sees as saved is durable on its own.
type ClaimStore interface {
	// CreateClaim stores a new claim. An ID already set is kept (undo of a
	// delete restores the same claim); CreatedAt/UpdatedAt are set when zero.
	CreateClaim(ctx context.Context, c *Claim) error
	// Claim returns one claim, or ENotFound.
	Claim(ctx context.Context, id ID) (*Claim, error)
	// Claims lists claims in text order within each article.
	Claims(ctx context.Context, f ClaimFilter) ([]Claim, error)
	// UpdateClaim replaces a claim's editable fields and its anchor.
	UpdateClaim(ctx context.Context, c *Claim) error
	// DeleteClaim removes a claim, or returns ENotFound.
	DeleteClaim(ctx context.Context, id ID) error
	// ResolveClaimID expands a unique id fragment to a full id.
	ResolveClaimID(ctx context.Context, fragment string) (ID, error)
	// ReplaceArticleText stores a new text for an article (re-import of an
	// edited file, or the analyst's edit) together with its claims' new
	// anchors and orphan flags and the new excluded ranges, in one
	// transaction.
	ReplaceArticleText(ctx context.Context, articleID ID, text string, excluded []Excluded, claims []Claim) error
	// EnsureSource returns the source with that name or alias, creating it
	// (with the given kind) when there is none.
	EnsureSource(ctx context.Context, name string, kind SourceKind) (ID, error)
}
