package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/evidence-workbench/workbench/app"
)

// Claim returns one claim, or ENotFound.
func (s *Store) Claim(ctx context.Context, id app.ID) (*app.Claim, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	list, err := listClaims(ctx, tx, 1, "WHERE id = ?", id)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, claimNotFound(id)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("commit: %w", err)
	}
	return &list[0], nil
}

// Claims lists the claims the filter selects, in text order within each
// article: by article id, then start, end and id. A limit of 0 or less
// lists them all.
func (s *Store) Claims(ctx context.Context, f app.ClaimFilter) ([]app.Claim, error) {
	var conds []string
	var args []any
	if f.ArticleID != "" {
		conds = append(conds, "article_id = ?")
		args = append(args, f.ArticleID)
	}
	if f.Orphans {
		conds = append(conds, "orphan = 1")
	}
	where := ""
	if len(conds) > 0 {
		where = "WHERE " + strings.Join(conds, " AND ")
	}
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	// Counted first, in the same read transaction, so that the list is
	// allocated once: growing it by appending copied a whole case's claims
	// about twice over (in a profile of reading 100,000 claims, a quarter
	// of the time; 153 MB of the 833 MB a palette load allocated).
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM claims "+where, args...).Scan(&n); err != nil {
		return nil, fmt.Errorf("count claims: %w", err)
	}
	if f.Limit > 0 {
		where += allClaimsRest + " LIMIT ?"
		args = append(args, f.Limit)
		n = min(n, f.Limit)
	} else {
		where += allClaimsRest
	}
	list, err := listClaims(ctx, tx, n, where, args...)
	if err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("commit: %w", err)
	}
	return list, nil
}

// ResolveClaimID expands a claim id: the full id, or a unique prefix or
// suffix of at least four characters (ID.Short prints the last eight). An
// unknown id is ENotFound; a fragment that fits several claims is EInvalid,
// saying how many.
func (s *Store) ResolveClaimID(ctx context.Context, fragment string) (app.ID, error) {
	f := strings.ToLower(strings.TrimSpace(fragment))
	if len(f) < minFragment {
		return "", app.Errorf(app.EInvalid, "“%s” is too short for a claim id: give at least %d characters of it.", fragment, minFragment)
	}
	if strings.Trim(f, "0123456789abcdef-") != "" {
		return "", app.Errorf(app.EInvalid, "“%s” is not a claim id: ids are written with 0-9, a-f and hyphens.", fragment)
	}
	tx, err := s.beginRead(ctx)
	if err != nil {
		return "", fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	n, id, err := countIDFragment(ctx, tx, "claims", f)
	if err != nil {
		return "", err
	}
	switch {
	case n == 0:
		return "", app.Errorf(app.ENotFound, "No claim id begins or ends with “%s”.", fragment)
	case n > 1:
		return "", app.Errorf(app.EInvalid, "“%s” fits %d claims: give more of the id.", fragment, n)
	}
	if err := tx.Commit(); err != nil {
		return "", fmt.Errorf("commit: %w", err)
	}
	return id, nil
}

// claimColumns are the columns scanClaim reads, in its order.
const claimColumns = `id, article_id, start_rune, end_rune, exact, prefix, suffix, orphan, statement, credibility,
	attributed_to, tags, notes, quantity_value, quantity_unit, when_start, when_end, when_precision,
	when_approximate, when_uncertain, when_expression, when_reference, when_note,
	created_by, created_at, updated_by, updated_at`

// listClaims reads the claims that the rest of the query (a where clause,
// an order, a limit) selects, with their entity links: one query for the
// claims, one for all their links. capacity is how many it expects.
func listClaims(ctx context.Context, tx *sql.Tx, capacity int, rest string, args ...any) ([]app.Claim, error) {
	rows, err := tx.QueryContext(ctx, "SELECT "+claimColumns+" FROM claims "+rest, args...)
	if err != nil {
		return nil, fmt.Errorf("list claims: %w", err)
	}
	defer rows.Close()
	var out []app.Claim // nil when there are none, as before
	if capacity > 0 {
		out = make([]app.Claim, 0, capacity)
	}
	for rows.Next() {
		c, err := scanClaim(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list claims: %w", err)
	}
	rows.Close()
	if err := readClaimEntities(ctx, tx, out, rest, args...); err != nil {
		return nil, err
	}
	return out, nil
}

// scanClaim reads one row of claimColumns.
func scanClaim(rows *sql.Rows) (app.Claim, error) {
	var (
		c                    app.Claim
		credibility          int
		attributed           sql.NullString
		qValue               sql.NullFloat64
		tags, qUnit          string
		createdAt, updatedAt string
		when                 whenCols
	)
	dest := []any{&c.ID, &c.ArticleID, &c.Anchor.Start, &c.Anchor.End, &c.Anchor.Exact, &c.Anchor.Prefix,
		&c.Anchor.Suffix, &c.Orphan, &c.Statement, &credibility,
		&attributed, &tags, &c.Notes, &qValue, &qUnit}
	dest = append(dest, when.dest()...)
	dest = append(dest, &c.CreatedBy, &createdAt, &c.UpdatedBy, &updatedAt)
	if err := rows.Scan(dest...); err != nil {
		return app.Claim{}, fmt.Errorf("read claim: %w", err)
	}
	var err error
	c.Credibility = app.Credibility(credibility)
	c.AttributedTo = app.ID(attributed.String)
	if c.Tags, err = decodeStrings(tags); err != nil {
		return app.Claim{}, err
	}
	if qValue.Valid {
		c.Quantity = &app.Quantity{Value: qValue.Float64, Unit: qUnit}
	}
	if c.When, err = when.when(); err != nil {
		return app.Claim{}, err
	}
	if c.CreatedAt, err = parseTime(createdAt); err != nil {
		return app.Claim{}, err
	}
	if c.UpdatedAt, err = parseTime(updatedAt); err != nil {
		return app.Claim{}, err
	}
	return c, nil
}

// storedDate reads a stored calendar day back.
func storedDate(s string) (app.Date, error) {
	d, err := app.ParseDate(s)
	if err != nil {
		return app.Date{}, fmt.Errorf("stored date %q: %w", s, err)
	}
	return d, nil
}
