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

var _ app.ClaimStore = (*Store)(nil)

// CreateClaim stores a new claim and indexes it for SearchClaims. An ID
// already set is kept, so that undoing a delete restores the same claim;
// CreatedAt and UpdatedAt are kept when set and made now when zero. The
// claim must pass Claim.Validate and, unless it is an orphan, its span must
// lie inside the article's text and its Exact quote be the text's runes at
// that span. Its EntityIDs are linked in the order given, an entity given
// twice once. An unknown article, attributed source or linked entity is
// ENotFound, naming it; an id already taken EConflict. On success c holds
// the claim as stored (times in UTC to the microsecond); on any error
// nothing is stored and c is left as it was.
func (s *Store) CreateClaim(ctx context.Context, c *app.Claim) error {
	n, err := newClaim(c)
	if err != nil {
		return err
	}
	switch {
	case n.ID == "":
		n.ID = app.NewID()
	case !n.ID.Valid():
		return app.Errorf(app.EInvalid, "“%s” is not a claim id.", n.ID)
	}
	at := now()
	if n.CreatedAt.IsZero() {
		n.CreatedAt = at
	}
	if n.UpdatedAt.IsZero() {
		n.UpdatedAt = at
	}
	n.CreatedAt = n.CreatedAt.UTC().Truncate(time.Microsecond)
	n.UpdatedAt = n.UpdatedAt.UTC().Truncate(time.Microsecond)

	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if err := createClaim(ctx, tx, &n); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit claim: %w", err)
	}
	*c = n
	return nil
}

// UpdateClaim replaces a claim's editable fields (statement, credibility,
// attribution, tags, notes, quantity, when, entity links, UpdatedBy) and
// its anchor and orphan flag, checked as CreateClaim checks them, and sets
// UpdatedAt to now. The article and the creation (CreatedBy, CreatedAt) stay as stored;
// a claim given with another article is refused. An unknown claim is
// ENotFound. On success c holds the claim as stored.
func (s *Store) UpdateClaim(ctx context.Context, c *app.Claim) error {
	n, err := newClaim(c)
	if err != nil {
		return err
	}
	if !n.ID.Valid() {
		return app.Errorf(app.EInvalid, "“%s” is not a claim id.", n.ID)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if err := updateClaim(ctx, tx, &n); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit claim: %w", err)
	}
	*c = n
	return nil
}

// DeleteClaim removes a claim and its index entry, or returns ENotFound.
func (s *Store) DeleteClaim(ctx context.Context, id app.ID) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	// The claims_unindex trigger drops the index entry.
	res, err := tx.ExecContext(ctx, "DELETE FROM claims WHERE id = ?", id)
	if err != nil {
		return fmt.Errorf("delete claim: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("delete claim: %w", err)
	}
	if n == 0 {
		return claimNotFound(id)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit claim deletion: %w", err)
	}
	return nil
}

func claimNotFound(id app.ID) error {
	return app.Errorf(app.ENotFound, "No claim with id %s is in the case.", id)
}

func createClaim(ctx context.Context, tx *sql.Tx, c *app.Claim) error {
	if err := checkAnchor(ctx, tx, c); err != nil {
		return err
	}
	if err := checkSource(ctx, tx, c.AttributedTo); err != nil {
		return err
	}
	var exists bool
	if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM claims WHERE id = ?)", c.ID).Scan(&exists); err != nil {
		return fmt.Errorf("look for claim id: %w", err)
	}
	if exists {
		return app.Errorf(app.EConflict, "A claim with id %s is already in the case.", c.ID)
	}
	args, err := claimArgs(c)
	if err != nil {
		return err
	}
	args = append(args, c.ID, c.ArticleID, c.CreatedBy, formatTime(c.CreatedAt))
	res, err := tx.ExecContext(ctx, `INSERT INTO claims (`+claimWritable+`, id, article_id, created_by, created_at)
		VALUES (`+placeholders(len(args))+`)`, args...)
	if err != nil {
		return fmt.Errorf("insert claim: %w", err)
	}
	seq, err := res.LastInsertId()
	if err != nil {
		return fmt.Errorf("insert claim: %w", err)
	}
	if err := insertClaimEntities(ctx, tx, c.ID, c.EntityIDs); err != nil {
		return err
	}
	return indexClaim(ctx, tx, seq, c)
}

func updateClaim(ctx context.Context, tx *sql.Tx, c *app.Claim) error {
	var (
		seq                  int64
		articleID, createdAt string
	)
	err := tx.QueryRowContext(ctx, "SELECT seq, article_id, created_by, created_at FROM claims WHERE id = ?", c.ID).Scan(
		&seq, &articleID, &c.CreatedBy, &createdAt)
	if errors.Is(err, sql.ErrNoRows) {
		return claimNotFound(c.ID)
	}
	if err != nil {
		return fmt.Errorf("read claim: %w", err)
	}
	if app.ID(articleID) != c.ArticleID {
		return app.Errorf(app.EInvalid, "A claim cannot move to another article. Make a new claim there instead.")
	}
	if c.CreatedAt, err = parseTime(createdAt); err != nil {
		return err
	}
	c.UpdatedAt = now()
	return writeClaim(ctx, tx, seq, c)
}

// writeClaim replaces the stored claim at seq with c, whole (its article
// and creation included), checked as createClaim checks a new one: its
// entity links and index entry are replaced too.
func writeClaim(ctx context.Context, tx *sql.Tx, seq int64, c *app.Claim) error {
	if err := checkAnchor(ctx, tx, c); err != nil {
		return err
	}
	if err := checkSource(ctx, tx, c.AttributedTo); err != nil {
		return err
	}
	args, err := claimArgs(c)
	if err != nil {
		return err
	}
	args = append(args, c.ArticleID, c.CreatedBy, formatTime(c.CreatedAt), seq)
	if _, err := tx.ExecContext(ctx, `UPDATE claims SET (`+claimWritable+`, article_id, created_by, created_at) = (`+
		placeholders(len(args)-1)+`) WHERE seq = ?`, args...); err != nil {
		return fmt.Errorf("update claim: %w", err)
	}
	if err := replaceClaimEntities(ctx, tx, c.ID, c.EntityIDs); err != nil {
		return err
	}
	return reindexClaim(ctx, tx, seq, c)
}

// claimWritable are the columns UpdateClaim writes, in claimArgs's order.
const claimWritable = `start_rune, end_rune, exact, prefix, suffix, orphan, statement, credibility, attributed_to,
	tags, notes, quantity_value, quantity_unit, when_start, when_end, when_precision, when_approximate,
	when_uncertain, when_expression, when_reference, when_note, updated_by, updated_at`

// claimArgs are the values of claimWritable for c.
func claimArgs(c *app.Claim) ([]any, error) {
	tags, err := encodeStrings(c.Tags)
	if err != nil {
		return nil, err
	}
	var attributed, qValue any
	var qUnit string
	if c.AttributedTo != "" {
		attributed = string(c.AttributedTo)
	}
	if q := c.Quantity; q != nil {
		qValue, qUnit = q.Value, q.Unit
	}
	a := c.Anchor
	args := []any{a.Start, a.End, a.Exact, a.Prefix, a.Suffix, c.Orphan, c.Statement, int(c.Credibility), attributed,
		tags, c.Notes, qValue, qUnit}
	args = append(args, whenArgs(c.When)...)
	return append(args, c.UpdatedBy, formatTime(c.UpdatedAt)), nil
}

// placeholders is n comma-separated "?" for a statement's values.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// indexClaim adds a claim's folded statement, quote and notes to the
// full-text index.
func indexClaim(ctx context.Context, tx *sql.Tx, seq int64, c *app.Claim) error {
	sw, salt := indexText(c.Statement)
	ew, ealt := indexText(c.Anchor.Exact)
	nw, nalt := indexText(c.Notes)
	alt := strings.Join(strings.Fields(salt+" "+ealt+" "+nalt), " ")
	if _, err := tx.ExecContext(ctx, "INSERT INTO claims_fts (rowid, statement, exact, notes, alt) VALUES (?, ?, ?, ?, ?)",
		seq, sw, ew, nw, alt); err != nil {
		return fmt.Errorf("index claim: %w", err)
	}
	return nil
}

// reindexClaim replaces a claim's entry in the full-text index.
func reindexClaim(ctx context.Context, tx *sql.Tx, seq int64, c *app.Claim) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM claims_fts WHERE rowid = ?", seq); err != nil {
		return fmt.Errorf("unindex claim: %w", err)
	}
	return indexClaim(ctx, tx, seq, c)
}
