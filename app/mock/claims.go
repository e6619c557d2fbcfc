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

// CreateClaim implements app.ClaimStore.
func (c *Case) CreateClaim(_ context.Context, cl *app.Claim) error {
	if err := cl.Validate(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.articles[cl.ArticleID]; !ok {
		return app.Errorf(app.ENotFound, "no article %s in this case", cl.ArticleID)
	}
	if cl.ID == "" {
		cl.ID = app.NewID()
	}
	if _, dup := c.claims[cl.ID]; dup {
		return app.Errorf(app.EConflict, "claim %s exists already", cl.ID)
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
	sort.Slice(out, func(i, j int) bool {
		if out[i].ArticleID != out[j].ArticleID {
			return out[i].ArticleID < out[j].ArticleID
		}
		if out[i].Anchor.Start != out[j].Anchor.Start {
			return out[i].Anchor.Start < out[j].Anchor.Start
		}
		return out[i].ID < out[j].ID
	})
	if f.Limit > 0 && len(out) > f.Limit {
		out = out[:f.Limit]
	}
	return out, nil
}

// UpdateClaim implements app.ClaimStore.
func (c *Case) UpdateClaim(_ context.Context, cl *app.Claim) error {
	if err := cl.Validate(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.claims[cl.ID]; !ok {
		return app.Errorf(app.ENotFound, "no claim %s in this case", cl.ID)
	}
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
