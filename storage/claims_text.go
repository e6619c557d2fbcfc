package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/evidence-workbench/workbench/app"
)

// ReplaceArticleText gives an article a new text (a re-import of an edited
// file, the analyst's edit, or the undo of either) in one transaction: the
// text, its TextHash, its length, its full-text index entry, its excluded
// ranges (checked against the new text) and, for every claim given, its
// anchor and orphan flag (nothing else of the claim is read). Each claim
// given must be the article's and is checked as CreateClaim checks it,
// against the new text. Claims of the article not given must still fit the
// new text, or be orphans: no highlight is left on words that are not its
// own. A text that another article already has is refused with EConflict;
// an unknown article or claim is ENotFound. On any error nothing changes.
func (s *Store) ReplaceArticleText(ctx context.Context, articleID app.ID, text string, excluded []app.Excluded, claims []app.Claim) error {
	check := app.Article{Text: text, Excluded: excluded}
	if err := check.Validate(); err != nil {
		return err
	}
	for _, e := range excluded {
		if err := validText("kind of excluded range", string(e.Kind)); err != nil {
			return err
		}
	}
	excluded = normalizeExcluded(excluded)
	for i := range claims {
		c := &claims[i]
		if err := c.Validate(); err != nil {
			return err
		}
		if c.ArticleID != articleID {
			return app.Errorf(app.EInvalid, "Claim %s belongs to another article; only the article's own claims move with its text.", c.ID.Short())
		}
		if err := validAnchor(c.Anchor); err != nil {
			return err
		}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if err := replaceArticleText(ctx, tx, articleID, text, excluded, claims); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit new text: %w", err)
	}
	return nil
}

func replaceArticleText(ctx context.Context, tx *sql.Tx, id app.ID, text string, excluded []app.Excluded, claims []app.Claim) error {
	var seq int64
	var title string
	err := tx.QueryRowContext(ctx, "SELECT seq, title FROM articles WHERE id = ?", id).Scan(&seq, &title)
	if errors.Is(err, sql.ErrNoRows) {
		return app.Errorf(app.ENotFound, "No article with id %s is in the case.", id)
	}
	if err != nil {
		return fmt.Errorf("read article: %w", err)
	}
	hash := app.TextHash(text)
	var other string
	err = tx.QueryRowContext(ctx, "SELECT title FROM articles WHERE text_hash = ? AND id <> ?", hash, id).Scan(&other)
	switch {
	case err == nil:
		if other == "" {
			other = "(untitled)"
		}
		return app.Errorf(app.EConflict, "Another article in the case, “%s”, already has this text. The text was not changed.", other)
	case !errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("look for duplicate: %w", err)
	}
	at := now()
	runes := []rune(text)
	if _, err := tx.ExecContext(ctx, "UPDATE articles SET text = ?, text_hash = ?, runes = ?, updated_at = ? WHERE seq = ?",
		text, hash, len(runes), formatTime(at), seq); err != nil {
		return fmt.Errorf("replace article text: %w", err)
	}
	if err := reindexArticle(ctx, tx, seq, title, text); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM excluded_ranges WHERE article_id = ?", id); err != nil {
		return fmt.Errorf("clear excluded ranges: %w", err)
	}
	if err := insertExcluded(ctx, tx, id, excluded); err != nil {
		return err
	}
	for i := range claims {
		if err := reanchorClaim(ctx, tx, &claims[i], runes, at); err != nil {
			return err
		}
	}
	return checkClaimsFit(ctx, tx, id)
}

// reanchorClaim writes a claim's new anchor and orphan flag, checked
// against the new text's runes.
func reanchorClaim(ctx context.Context, tx *sql.Tx, c *app.Claim, runes []rune, at time.Time) error {
	if !c.Orphan {
		quoted := ""
		if c.Anchor.End <= len(runes) {
			quoted = string(runes[c.Anchor.Start:c.Anchor.End])
		}
		if err := anchorFits(c, len(runes), quoted); err != nil {
			return app.Errorf(app.EInvalid, "Claim %s does not fit the new text: %s The text was not changed.", c.ID.Short(), app.ErrorMessage(err))
		}
	}
	var seq int64
	var stmt, notes string
	err := tx.QueryRowContext(ctx, "SELECT seq, statement, notes FROM claims WHERE id = ? AND article_id = ?", c.ID, c.ArticleID).Scan(
		&seq, &stmt, &notes)
	if errors.Is(err, sql.ErrNoRows) {
		return app.Errorf(app.ENotFound, "Claim %s is not in the case (or not on this article). The text was not changed.", c.ID.Short())
	}
	if err != nil {
		return fmt.Errorf("read claim: %w", err)
	}
	a := c.Anchor
	if _, err := tx.ExecContext(ctx, `UPDATE claims SET start_rune = ?, end_rune = ?, exact = ?, prefix = ?, suffix = ?,
		orphan = ?, updated_at = ? WHERE seq = ?`, a.Start, a.End, a.Exact, a.Prefix, a.Suffix, c.Orphan, formatTime(at), seq); err != nil {
		return fmt.Errorf("re-anchor claim: %w", err)
	}
	// The index holds the quote: rebuild the entry from the stored
	// statement and notes, which this call does not change.
	stored := app.Claim{Anchor: a, Statement: stmt, Notes: notes}
	return reindexClaim(ctx, tx, seq, &stored)
}

// checkClaimsFit refuses a new text that leaves a claim of the article,
// not an orphan, on words that are not its quote.
func checkClaimsFit(ctx context.Context, tx *sql.Tx, id app.ID) error {
	var claimID app.ID
	err := tx.QueryRowContext(ctx, `SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id
		WHERE c.article_id = ? AND c.orphan = 0
		AND (c.end_rune > a.runes OR substr(a.text, c.start_rune + 1, c.end_rune - c.start_rune) <> c.exact)
		ORDER BY c.start_rune, c.id LIMIT 1`, id).Scan(&claimID)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return fmt.Errorf("check claims against the new text: %w", err)
	}
	return app.Errorf(app.EInvalid, "Claim %s would point at the wrong words in the new text: re-anchor every claim of the article (or mark it orphaned) with the text. The text was not changed.", claimID.Short())
}

// EnsureSource returns the source that name or one of its aliases names,
// ignoring case and spacing, creating it with the given kind when there is
// none. A source found with no kind yet takes the kind given; one already
// classified keeps its own.
func (s *Store) EnsureSource(ctx context.Context, name string, kind app.SourceKind) (app.ID, error) {
	name = strings.Join(strings.Fields(name), " ")
	if name == "" {
		return "", app.Errorf(app.EInvalid, "A source needs a name.")
	}
	if err := validText("source name", name); err != nil {
		return "", err
	}
	if kind != "" && !kind.Valid() {
		return "", app.Errorf(app.EInvalid, "“%s” is not a kind of source.", kind)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return "", fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	at := now()
	id, _, err := findOrCreateSource(ctx, tx, name, at)
	if err != nil {
		return "", err
	}
	if kind != "" {
		if _, err := tx.ExecContext(ctx, "UPDATE sources SET kind = ?, updated_at = ? WHERE id = ? AND kind = ''",
			string(kind), formatTime(at), id); err != nil {
			return "", fmt.Errorf("classify source: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return "", fmt.Errorf("commit source: %w", err)
	}
	return id, nil
}
