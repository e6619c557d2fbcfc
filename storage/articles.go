package storage

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
)

// CreateArticle stores a new article with its excluded ranges and source
// links in one transaction, and indexes it for SearchText. It sets a.ID
// (when empty), a.TextHash (when empty), a.ImportedAt and a.UpdatedAt.
// Sources given by Name are found by name or alias, ignoring case, or
// created with no kind (SourceKind "", "not classified yet"); their ids and
// stored names are written back into a.Sources, and a link given twice
// (same source, same role) is kept once. An article whose TextHash is
// already stored is refused with EConflict. On any error nothing is stored
// and a is left as it was.
func (s *Store) CreateArticle(ctx context.Context, a *app.Article) error {
	if a == nil {
		return app.Errorf(app.EInvalid, "there is no article to store")
	}
	if err := a.Validate(); err != nil {
		return err
	}
	n := *a
	n.Title = strings.TrimSpace(a.Title)
	n.Byline = strings.TrimSpace(a.Byline)
	n.URL = strings.TrimSpace(a.URL)
	if err := validArticleFields(&n); err != nil {
		return err
	}
	switch {
	case n.ID == "":
		n.ID = app.NewID()
	case !n.ID.Valid():
		return app.Errorf(app.EInvalid, "%q is not an article id", n.ID)
	}
	if n.TextHash == "" {
		n.TextHash = app.TextHash(n.Text)
	}
	n.ImportedAt = now()
	n.UpdatedAt = n.ImportedAt
	n.Excluded = normalizeExcluded(a.Excluded)
	n.Sources = slices.Clone(a.Sources)
	n.Warnings = slices.Clone(a.Warnings)

	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if err := createArticle(ctx, tx, &n); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit article: %w", err)
	}
	*a = n
	return nil
}

// validArticleFields checks what Article.Validate does not: every string is
// UTF-8 (nothing invalid reaches the database) and the date is a real day.
func validArticleFields(a *app.Article) error {
	fields := []struct{ what, v string }{
		{"title", a.Title}, {"byline", a.Byline}, {"web address", a.URL}, {"file name", a.Filename},
		{"format", string(a.Format)}, {"text hash", a.TextHash},
		{"title evidence", a.Known.Title.Detail}, {"byline evidence", a.Known.Byline.Detail},
		{"web address evidence", a.Known.URL.Detail}, {"date evidence", a.Known.Published.Detail},
	}
	for _, f := range fields {
		if err := validText(f.what, f.v); err != nil {
			return err
		}
	}
	for _, w := range a.Warnings {
		if err := validText("warning", w); err != nil {
			return err
		}
	}
	for _, e := range a.Excluded {
		if err := validText("kind of excluded range", string(e.Kind)); err != nil {
			return err
		}
	}
	for _, l := range a.Sources {
		if err := validText("source name", l.Name); err != nil {
			return err
		}
		if err := validText("source evidence", l.Evidence.Detail); err != nil {
			return err
		}
	}
	return validPubDate(a.Published)
}

// normalizeExcluded copies ranges in text order, an empty kind made "other".
func normalizeExcluded(in []app.Excluded) []app.Excluded {
	out := slices.Clone(in)
	for i := range out {
		if out[i].Kind == "" {
			out[i].Kind = app.BoilerOther
		}
	}
	slices.SortStableFunc(out, func(a, b app.Excluded) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
	})
	return out
}

func createArticle(ctx context.Context, tx *sql.Tx, a *app.Article) error {
	var title string
	err := tx.QueryRowContext(ctx, "SELECT title FROM articles WHERE text_hash = ?", a.TextHash).Scan(&title)
	switch {
	case err == nil:
		if title == "" {
			title = "(untitled)"
		}
		return app.Errorf(app.EConflict, "This article is already in the case as “%s”.", title)
	case !errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("look for duplicate: %w", err)
	}
	var exists bool
	if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?)", a.ID).Scan(&exists); err != nil {
		return fmt.Errorf("look for article id: %w", err)
	}
	if exists {
		return app.Errorf(app.EConflict, "An article with id %s is already in the case.", a.ID)
	}
	args, err := articleArgs(a)
	if err != nil {
		return err
	}
	args = append(args, a.ID)
	res, err := tx.ExecContext(ctx, `INSERT INTO articles (`+articleWritable+`, id) VALUES (`+placeholders(len(args))+`)`, args...)
	if err != nil {
		return fmt.Errorf("insert article: %w", err)
	}
	seq, err := res.LastInsertId()
	if err != nil {
		return fmt.Errorf("insert article: %w", err)
	}
	if err := insertExcluded(ctx, tx, a.ID, a.Excluded); err != nil {
		return err
	}
	if a.Sources, err = linkSources(ctx, tx, a.ID, a.Sources, a.ImportedAt); err != nil {
		return err
	}
	return indexArticle(ctx, tx, seq, a.Title, a.Text)
}

// articleWritable are the columns of an article's row that createArticle
// and writeArticle write, in articleArgs's order.
const articleWritable = `title, byline, url, published, known, text, text_hash, runes, format, filename, warnings,
	imported_at, updated_at`

// articleArgs are the values of articleWritable for a.
func articleArgs(a *app.Article) ([]any, error) {
	known, err := encodeKnown(&a.ArticleMeta)
	if err != nil {
		return nil, err
	}
	warnings, err := encodeStrings(a.Warnings)
	if err != nil {
		return nil, err
	}
	return []any{a.Title, a.Byline, a.URL, a.Published.String(), known, a.Text, a.TextHash,
		utf8.RuneCountInString(a.Text), string(a.Format), a.Filename, warnings,
		formatTime(a.ImportedAt), formatTime(a.UpdatedAt)}, nil
}

func insertExcluded(ctx context.Context, tx *sql.Tx, id app.ID, ranges []app.Excluded) error {
	if len(ranges) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, "INSERT INTO excluded_ranges (article_id, start_rune, end_rune, kind, by_analyst) VALUES (?, ?, ?, ?, ?)")
	if err != nil {
		return fmt.Errorf("prepare excluded range: %w", err)
	}
	defer stmt.Close()
	for _, e := range ranges {
		if _, err := stmt.ExecContext(ctx, id, e.Start, e.End, string(e.Kind), e.ByAnalyst); err != nil {
			return fmt.Errorf("insert excluded range: %w", err)
		}
	}
	return nil
}

// linkSources links the article to each source, finding or creating the
// sources given by name, and returns the links as stored.
func linkSources(ctx context.Context, tx *sql.Tx, id app.ID, links []app.ArticleSource, at time.Time) ([]app.ArticleSource, error) {
	out := make([]app.ArticleSource, 0, len(links))
	seen := make(map[app.ArticleSource]bool)
	for _, l := range links {
		var err error
		if l.SourceID != "" {
			l.Name, err = sourceName(ctx, tx, l.SourceID)
		} else {
			l.SourceID, l.Name, err = findOrCreateSource(ctx, tx, l.Name, at)
		}
		if err != nil {
			return nil, err
		}
		key := app.ArticleSource{SourceID: l.SourceID, Role: l.Role}
		if seen[key] {
			continue
		}
		seen[key] = true
		ev, err := encodeEvidence(l.Evidence)
		if err != nil {
			return nil, err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO article_sources (article_id, source_id, role, position, evidence, confirmed)
			VALUES (?, ?, ?, ?, ?, ?)`, id, l.SourceID, string(l.Role), len(out), ev, l.Confirmed); err != nil {
			return nil, fmt.Errorf("link source: %w", err)
		}
		out = append(out, l)
	}
	return out, nil
}

// indexArticle adds an article's folded title and text to the full-text index.
func indexArticle(ctx context.Context, tx *sql.Tx, seq int64, title, text string) error {
	tw, talt := indexText(title)
	bw, balt := indexText(text)
	alt := strings.TrimSpace(talt + " " + balt)
	if _, err := tx.ExecContext(ctx, "INSERT INTO article_fts (rowid, title, body, alt) VALUES (?, ?, ?, ?)", seq, tw, bw, alt); err != nil {
		return fmt.Errorf("index article: %w", err)
	}
	return nil
}

// reindexArticle replaces an article's entry in the full-text index.
func reindexArticle(ctx context.Context, tx *sql.Tx, seq int64, title, text string) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM article_fts WHERE rowid = ?", seq); err != nil {
		return fmt.Errorf("unindex article: %w", err)
	}
	return indexArticle(ctx, tx, seq, title, text)
}
