package app

import "context"

// SourceEditor changes sources: the source manager's operations. Each method
// is one transaction.
type SourceEditor interface {
	// CreateSource stores a new source (ID kept if set).
	CreateSource(ctx context.Context, s *Source) error
	// UpdateSource replaces name, kind, homepage, notes and aliases. The
	// reliability is changed only through GradeSource.
	UpdateSource(ctx context.Context, s *Source) error
	// GradeSource sets a source's reliability with a justification and
	// records the change in its history.
	GradeSource(ctx context.Context, id ID, r Reliability, note, by string) error
	// SourceHistory lists a source's grade changes, oldest first.
	SourceHistory(ctx context.Context, id ID) ([]GradeChange, error)
	// SourceUsage counts the articles and claims that lean on each source.
	SourceUsage(ctx context.Context) (map[ID]SourceUsage, error)
	// MergeSources moves everything of drop into keep (article links,
	// claim attributions, grade history, aliases; drop's name becomes an
	// alias) and deletes drop. The record undoes it through UnmergeSources.
	MergeSources(ctx context.Context, keep, drop ID) (*SourceMerge, error)
	// UnmergeSources reverses a merge exactly.
	UnmergeSources(ctx context.Context, m *SourceMerge) error
	// DeleteSource removes a source no article or claim uses (EConflict
	// otherwise).
	DeleteSource(ctx context.Context, id ID) error
	// SetArticleSources replaces an article's source links (the analyst
	// confirms or edits the importer's hints). Links given by Name only are
	// found or created.
	SetArticleSources(ctx context.Context, articleID ID, links []ArticleSource) error
	// ResolveSource finds a source by id, id fragment, name or alias.
	ResolveSource(ctx context.Context, ref string) (*Source, error)
}
