package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/evidence-workbench/workbench/app"
)

// UpdateArticle corrects an article's metadata. Fields left nil stay as
// they are; each field set is recorded as known by the analyst. The title
// must not be empty and the web address must be http(s) or empty. It
// returns the article as stored, or ENotFound.
func (s *Store) UpdateArticle(ctx context.Context, id app.ID, p app.ArticlePatch) (*app.Article, error) {
	if err := validPatch(&p); err != nil {
		return nil, err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	a, err := updateArticle(ctx, tx, id, p)
	if err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("commit article: %w", err)
	}
	return a, nil
}

// validPatch checks and tidies (trims) the fields a patch sets.
func validPatch(p *app.ArticlePatch) error {
	analyst := "analyst's "
	if p.Title != nil {
		t := strings.TrimSpace(*p.Title)
		if t == "" {
			return app.Errorf(app.EInvalid, "An article needs a title.")
		}
		if err := validText(analyst+"title", t); err != nil {
			return err
		}
		p.Title = &t
	}
	if p.Byline != nil {
		b := strings.TrimSpace(*p.Byline)
		if err := validText(analyst+"byline", b); err != nil {
			return err
		}
		p.Byline = &b
	}
	if p.URL != nil {
		u := strings.TrimSpace(*p.URL)
		if err := validURL(u); err != nil {
			return err
		}
		p.URL = &u
	}
	if p.Published != nil {
		if err := validPubDate(*p.Published); err != nil {
			return err
		}
	}
	return nil
}

// validURL accepts an empty address or an absolute http(s) one.
func validURL(s string) error {
	if s == "" {
		return nil
	}
	if err := validText("web address", s); err != nil {
		return err
	}
	bad := app.Errorf(app.EInvalid, "“%s” is not a web address: give one that starts with http:// or https://, or leave it empty.", s)
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || strings.ContainsAny(s, " \t\r\n") {
		return bad
	}
	if scheme := strings.ToLower(u.Scheme); scheme != "http" && scheme != "https" {
		return bad
	}
	return nil
}

func updateArticle(ctx context.Context, tx *sql.Tx, id app.ID, p app.ArticlePatch) (*app.Article, error) {
	a, seq, err := getArticle(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	analyst := app.Evidence{Basis: app.BasisAnalyst}
	changed := false
	if p.Title != nil {
		a.Title, a.Known.Title, changed = *p.Title, analyst, true
	}
	if p.Byline != nil {
		a.Byline, a.Known.Byline, changed = *p.Byline, analyst, true
	}
	if p.URL != nil {
		a.URL, a.Known.URL, changed = *p.URL, analyst, true
	}
	if p.Published != nil {
		a.Published, a.Known.Published, changed = *p.Published, analyst, true
	}
	if !changed {
		return a, nil
	}
	known, err := encodeKnown(&a.ArticleMeta)
	if err != nil {
		return nil, err
	}
	a.UpdatedAt = now()
	if _, err := tx.ExecContext(ctx, `UPDATE articles SET title = ?, byline = ?, url = ?, published = ?, known = ?, updated_at = ?
		WHERE seq = ?`, a.Title, a.Byline, a.URL, a.Published.String(), known, formatTime(a.UpdatedAt), seq); err != nil {
		return nil, fmt.Errorf("update article: %w", err)
	}
	if p.Title != nil {
		if err := reindexArticle(ctx, tx, seq, a.Title, a.Text); err != nil {
			return nil, err
		}
	}
	return a, nil
}

// SetExcluded replaces an article's excluded ranges. Each span is checked
// against the article's length in runes; an empty kind is stored as
// "other". It returns ENotFound for an unknown article.
func (s *Store) SetExcluded(ctx context.Context, id app.ID, ranges []app.Excluded) error {
	for _, e := range ranges {
		if err := validText("kind of excluded range", string(e.Kind)); err != nil {
			return err
		}
	}
	ranges = normalizeExcluded(ranges)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if err := setExcluded(ctx, tx, id, ranges); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit excluded ranges: %w", err)
	}
	return nil
}

func setExcluded(ctx context.Context, tx *sql.Tx, id app.ID, ranges []app.Excluded) error {
	var seq int64
	var runes int
	err := tx.QueryRowContext(ctx, "SELECT seq, runes FROM articles WHERE id = ?", id).Scan(&seq, &runes)
	if errors.Is(err, sql.ErrNoRows) {
		return app.Errorf(app.ENotFound, "No article with id %s is in the case.", id)
	}
	if err != nil {
		return fmt.Errorf("read article length: %w", err)
	}
	for _, e := range ranges {
		if err := e.Span.Validate(runes); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM excluded_ranges WHERE article_id = ?", id); err != nil {
		return fmt.Errorf("clear excluded ranges: %w", err)
	}
	if err := insertExcluded(ctx, tx, id, ranges); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE articles SET updated_at = ? WHERE seq = ?", formatTime(now()), seq); err != nil {
		return fmt.Errorf("touch article: %w", err)
	}
	return nil
}
