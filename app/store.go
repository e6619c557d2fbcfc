package app

import (
	"context"
	"time"
)

// ArticleStore keeps articles.
type ArticleStore interface {
	// CreateArticle stores a new article with its excluded ranges and source
	// links (sources given by name are found or created). An article whose
	// TextHash is already stored is refused with EConflict.
	CreateArticle(ctx context.Context, a *Article) error
	// Article returns one article with its text, or ENotFound.
	Article(ctx context.Context, id ID) (*Article, error)
	// ArticleByHash returns the summary of the article with that TextHash, or ENotFound.
	ArticleByHash(ctx context.Context, hash string) (*ArticleSummary, error)
	// ResolveArticleID expands a unique id fragment (as Short prints) to a full id.
	ResolveArticleID(ctx context.Context, fragment string) (ID, error)
	// Articles lists every article, newest publication first, unknown dates last.
	Articles(ctx context.Context) ([]ArticleSummary, error)
	// UpdateArticle corrects metadata; fields set are recorded as known by the analyst.
	UpdateArticle(ctx context.Context, id ID, p ArticlePatch) (*Article, error)
	// SetExcluded replaces an article's excluded ranges.
	SetExcluded(ctx context.Context, id ID, ranges []Excluded) error
}

// SourceStore keeps sources.
type SourceStore interface {
	// Sources lists every source by name.
	Sources(ctx context.Context) ([]Source, error)
	// Source returns one source, or ENotFound.
	Source(ctx context.Context, id ID) (*Source, error)
}

// TextHit is one full-text search result with a snippet around the match.
type TextHit struct {
	ArticleID ID
	Title     string
	Snippet   string // the passage around the match, matches wrapped in the Mark characters, "… " where text is left out before it and " …" after
}

// Snippet delimiters around matched words in TextHit.Snippet.
const (
	MarkStart = "\x02"
	MarkEnd   = "\x03"
)

// TextSearcher runs full-text queries over article titles and text.
type TextSearcher interface {
	// SearchText finds articles whose title or text contain the query's
	// words (accents ignored), best first.
	SearchText(ctx context.Context, query string, limit int) ([]TextHit, error)
}

// Case is one open case file: everything the GUI and the CLI need.
type Case interface {
	ArticleStore
	SourceStore
	SourceEditor
	ClaimStore
	EventStore
	EntityStore
	TextSearcher
	ChangeApplier
	// Path is the case file's location.
	Path() string
	// Close releases the file and its lock.
	Close() error
}

// CaseOpener opens the case file at path, creating it when create is true
// and it does not exist. main.go wires storage's implementation in.
type CaseOpener func(path string, create bool) (Case, error)

// ImportStatus is how importing one input ended.
type ImportStatus string

// Outcomes of importing one input.
const (
	ImportImported  ImportStatus = "imported"
	ImportDuplicate ImportStatus = "duplicate"
	ImportFailed    ImportStatus = "failed"
)

// ImportResult reports on one imported file or pasted text.
type ImportResult struct {
	Path      string
	Status    ImportStatus
	ArticleID ID // the new article, or the existing one for a duplicate
	Title     string
	Message   string   // why it failed, or what it duplicates
	Warnings  []string // imported, but something to know (e.g. bad UTF-8 was decoded as Windows-1252)
	Took      time.Duration
}
