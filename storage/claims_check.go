package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/evidence-workbench/workbench/app"
)

// newClaim checks a claim given to CreateClaim or UpdateClaim against every
// rule that needs no database, and returns a copy to store, with its lists
// copied (empty ones nil, entity links given twice once, in the order
// given) and its optional parts unshared.
func newClaim(c *app.Claim) (app.Claim, error) {
	if c == nil {
		return app.Claim{}, app.Errorf(app.EInvalid, "There is no claim to store.")
	}
	if err := c.Validate(); err != nil {
		return app.Claim{}, err
	}
	if err := validClaimFields(c); err != nil {
		return app.Claim{}, err
	}
	n := *c
	n.Tags = nil
	if len(c.Tags) > 0 {
		n.Tags = slices.Clone(c.Tags)
	}
	n.EntityIDs = nil
	seen := make(map[app.ID]bool, len(c.EntityIDs))
	for _, id := range c.EntityIDs {
		if !seen[id] {
			seen[id] = true
			n.EntityIDs = append(n.EntityIDs, id)
		}
	}
	if c.Quantity != nil {
		q := *c.Quantity
		n.Quantity = &q
	}
	if c.When != nil {
		w := *c.When
		n.When = &w
	}
	return n, nil
}

// validClaimFields checks what Claim.Validate does not: every string is
// UTF-8, every tag has words, a quantity is a finite number, the dates of
// a When are calendar days, and every linked entity is named by an id.
func validClaimFields(c *app.Claim) error {
	if c.AttributedTo != "" && !c.AttributedTo.Valid() {
		return app.Errorf(app.EInvalid, "“%s” is not a source id.", c.AttributedTo)
	}
	if err := validAnchor(c.Anchor); err != nil {
		return err
	}
	for _, id := range c.EntityIDs {
		if !id.Valid() {
			return app.Errorf(app.EInvalid, "“%s” is not an entity id.", id)
		}
	}
	fields := []struct{ what, v string }{
		{"statement", c.Statement}, {"notes", c.Notes}, {"creator's name", c.CreatedBy}, {"editor's name", c.UpdatedBy},
	}
	if c.Quantity != nil {
		fields = append(fields, struct{ what, v string }{"unit", c.Quantity.Unit})
	}
	for _, f := range fields {
		if err := validText(f.what, f.v); err != nil {
			return err
		}
	}
	for _, t := range c.Tags {
		if err := validText("tag", t); err != nil {
			return err
		}
		if strings.TrimSpace(t) == "" {
			return app.Errorf(app.EInvalid, "A tag needs at least one word.")
		}
	}
	if q := c.Quantity; q != nil && (math.IsNaN(q.Value) || math.IsInf(q.Value, 0)) {
		return app.Errorf(app.EInvalid, "A quantity needs a number, e.g. 500 killed.")
	}
	return validWhen(c.When)
}

// validAnchor checks what Claim.Validate does not of an anchor: it starts
// at or after the start of a text, and its quote and context are UTF-8.
func validAnchor(a app.Anchor) error {
	if a.Start < 0 {
		return app.Errorf(app.EInvalid, "The claim's span %d-%d starts before its text does. Select the words again.", a.Start, a.End)
	}
	for _, f := range []struct{ what, v string }{
		{"quote", a.Exact}, {"text before the quote", a.Prefix}, {"text after the quote", a.Suffix},
	} {
		if err := validText(f.what, f.v); err != nil {
			return err
		}
	}
	return nil
}

// validDate checks that d is a calendar day the store can write as
// 2017-11-03 and read back.
func validDate(what string, d app.Date) error {
	if d.Year < 1 || d.Year > 9999 || d.Time().Day() != d.Day || d.Time().Month() != d.Month {
		return app.Errorf(app.EInvalid, "The %s %04d-%02d-%02d is not a calendar day.", what, d.Year, int(d.Month), d.Day)
	}
	return nil
}

// checkAnchor checks a claim's anchor against its article's text as stored
// in tx: the span lies inside the text and Exact is the text's runes at the
// span. An orphan's anchor belongs to an older text and is not checked.
func checkAnchor(ctx context.Context, tx *sql.Tx, c *app.Claim) error {
	var runes int
	var quoted string
	// substr counts characters (code points) in text, as the span does.
	err := tx.QueryRowContext(ctx, "SELECT runes, substr(text, ?, ?) FROM articles WHERE id = ?",
		c.Anchor.Start+1, c.Anchor.Len(), c.ArticleID).Scan(&runes, &quoted)
	if errors.Is(err, sql.ErrNoRows) {
		return app.Errorf(app.ENotFound, "No article with id %s is in the case.", c.ArticleID)
	}
	if err != nil {
		return fmt.Errorf("read claim's article: %w", err)
	}
	if c.Orphan {
		return nil
	}
	return anchorFits(c, runes, quoted)
}

// anchorFits checks a claim's span against a text of n runes whose runes at
// the span are quoted.
func anchorFits(c *app.Claim, n int, quoted string) error {
	if c.Anchor.End > n {
		return app.Errorf(app.EInvalid, "The claim's span %d-%d runs past the end of its article (%d characters). Select the words again.",
			c.Anchor.Start, c.Anchor.End, n)
	}
	if quoted != c.Anchor.Exact {
		return app.Errorf(app.EInvalid, "The claim quotes “%s”, but its article reads “%s” there. Select the words again.",
			clip(c.Anchor.Exact), clip(quoted))
	}
	return nil
}

// clip shortens s for a message.
func clip(s string) string {
	r := []rune(s)
	if len(r) <= 60 {
		return s
	}
	return string(r[:57]) + "…"
}

// checkSource checks that an attributed source is in the case.
func checkSource(ctx context.Context, tx *sql.Tx, id app.ID) error {
	if id == "" {
		return nil
	}
	_, err := sourceName(ctx, tx, id)
	return err
}
