package mock

import (
	"context"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/evidence-workbench/workbench/app"
)

var _ app.ClaimStore = (*Case)(nil)

func cloneClaim(c *app.Claim) *app.Claim {
	cp := *c
	cp.Tags = append([]string(nil), c.Tags...)
	cp.EntityIDs = append([]app.ID(nil), c.EntityIDs...)
	if c.Quantity != nil {
		q := *c.Quantity
		cp.Quantity = &q
	}
	if c.When != nil {
		w := *c.When
		cp.When = &w
	}
	return &cp
}

// claimBefore orders claims as the case file lists them: by article, then
// start, end and id.
func claimBefore(a, b *app.Claim) bool {
	if a.ArticleID != b.ArticleID {
		return a.ArticleID < b.ArticleID
	}
	if a.Anchor.Start != b.Anchor.Start {
		return a.Anchor.Start < b.Anchor.Start
	}
	if a.Anchor.End != b.Anchor.End {
		return a.Anchor.End < b.Anchor.End
	}
	return a.ID < b.ID
}

// validClaim checks a claim as the case file does before it looks at the
// case: Validate, and every linked entity named by an id.
func validClaim(cl *app.Claim) error {
	if err := cl.Validate(); err != nil {
		return err
	}
	for _, id := range cl.EntityIDs {
		if !id.Valid() {
			return app.Errorf(app.EInvalid, "%q is not an entity id", id)
		}
	}
	return nil
}

// entityIDs checks that a claim's linked entities are in the case
// (ENotFound) and returns them with repeats dropped, in order (none: nil).
// Callers hold c.mu.
func (c *Case) entityIDs(ids []app.ID) ([]app.ID, error) {
	var out []app.ID
	for _, id := range ids {
		if _, ok := c.entities[id]; !ok {
			return nil, app.Errorf(app.ENotFound, "the claim links the entity %s, which is not in this case", id)
		}
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out, nil
}

// CreateClaim implements app.ClaimStore.
func (c *Case) CreateClaim(_ context.Context, cl *app.Claim) error {
	if err := validClaim(cl); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.articles[cl.ArticleID]; !ok {
		return app.Errorf(app.ENotFound, "no article %s in this case", cl.ArticleID)
	}
	if _, dup := c.claims[cl.ID]; cl.ID != "" && dup {
		return app.Errorf(app.EConflict, "claim %s exists already", cl.ID)
	}
	ents, err := c.entityIDs(cl.EntityIDs)
	if err != nil {
		return err
	}
	cl.EntityIDs = ents
	if cl.ID == "" {
		cl.ID = app.NewID()
	}
	now := time.Now().UTC()
	if cl.CreatedAt.IsZero() {
		cl.CreatedAt = now
	}
	if cl.UpdatedAt.IsZero() {
		cl.UpdatedAt = now
	}
	c.claims[cl.ID] = cloneClaim(cl)
	return nil
}

// Claim implements app.ClaimStore.
func (c *Case) Claim(_ context.Context, id app.ID) (*app.Claim, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	cl, ok := c.claims[id]
	if !ok {
		return nil, app.Errorf(app.ENotFound, "no claim %s in this case", id)
	}
	return cloneClaim(cl), nil
}

// Claims implements app.ClaimStore.
func (c *Case) Claims(_ context.Context, f app.ClaimFilter) ([]app.Claim, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []app.Claim
	for _, cl := range c.claims {
		if f.ArticleID != "" && cl.ArticleID != f.ArticleID {
			continue
		}
		if f.Orphans && !cl.Orphan {
			continue
		}
		out = append(out, *cloneClaim(cl))
	}
	sort.Slice(out, func(i, j int) bool { return claimBefore(&out[i], &out[j]) })
	if f.Limit > 0 && len(out) > f.Limit {
		out = out[:f.Limit]
	}
	return out, nil
}

// UpdateClaim implements app.ClaimStore.
func (c *Case) UpdateClaim(_ context.Context, cl *app.Claim) error {
	if err := validClaim(cl); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.claims[cl.ID]; !ok {
		return app.Errorf(app.ENotFound, "no claim %s in this case", cl.ID)
	}
	ents, err := c.entityIDs(cl.EntityIDs)
	if err != nil {
		return err
	}
	cl.EntityIDs = ents
	cl.UpdatedAt = time.Now().UTC()
	c.claims[cl.ID] = cloneClaim(cl)
	return nil
}

// DeleteClaim implements app.ClaimStore.
func (c *Case) DeleteClaim(_ context.Context, id app.ID) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.claims[id]; !ok {
		return app.Errorf(app.ENotFound, "no claim %s in this case", id)
	}
	delete(c.claims, id)
	for _, e := range c.events { // as the case file's ON DELETE CASCADE does
		e.Claims = slices.DeleteFunc(e.Claims, func(l app.EventClaim) bool { return l.ClaimID == id })
	}
	for _, e := range c.entities { // and its ON DELETE SET NULL
		for i := range e.Aliases {
			if e.Aliases[i].ClaimID == id {
				e.Aliases[i].ClaimID = ""
			}
		}
	}
	return nil
}

// ResolveClaimID implements app.ClaimStore.
func (c *Case) ResolveClaimID(_ context.Context, fragment string) (app.ID, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var found []app.ID
	for id := range c.claims {
		if string(id) == fragment {
			return id, nil
		}
		if len(fragment) >= 4 && (strings.HasPrefix(string(id), fragment) || strings.HasSuffix(string(id), fragment)) {
			found = append(found, id)
		}
	}
	if len(found) == 1 {
		return found[0], nil
	}
	if len(found) == 0 {
		return "", app.Errorf(app.ENotFound, "no claim %q in this case", fragment)
	}
	return "", app.Errorf(app.EInvalid, "%q matches %d claims: give more of the id", fragment, len(found))
}

// ReplaceArticleText implements app.ClaimStore.
func (c *Case) ReplaceArticleText(_ context.Context, articleID app.ID, text string, excluded []app.Excluded, claims []app.Claim) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	a, ok := c.articles[articleID]
	if !ok {
		return app.Errorf(app.ENotFound, "no article %s in this case", articleID)
	}
	a.Text = text
	a.TextHash = app.TextHash(text)
	a.Excluded = append([]app.Excluded(nil), excluded...)
	for i := range claims {
		c.claims[claims[i].ID] = cloneClaim(&claims[i])
	}
	return nil
}

// EnsureSource implements app.ClaimStore.
func (c *Case) EnsureSource(_ context.Context, name string, kind app.SourceKind) (app.ID, error) {
	if strings.TrimSpace(name) == "" {
		return "", app.Errorf(app.EInvalid, "a source needs a name")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	id := c.sourceByName(name)
	if c.sources[id].Kind == "" {
		c.sources[id].Kind = kind
	}
	return id, nil
}
